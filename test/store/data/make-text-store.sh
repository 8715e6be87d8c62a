#!/usr/bin/env bash
# Makes text-records.sqlite: a decision store written by the engine before records kept data (main at
# 7c4234a, engine 0.1.0, schema 1: each record's decision_json is the whole decision with its Swedish
# texts, rendered trace and decision text), and text-records.expected.json.gz: what that engine printed
# for each record (show, show --lang en, show --json, replay, audit verify). test/store/old-store.test.ts
# checks that today's engine verifies, replays and shows that store exactly so.
#
#   git archive 7c4234a | tar -x -C /tmp/before && (cd /tmp/before && ln -s $PWD/node_modules . && npm run build)
#   bash test/store/data/make-text-store.sh /tmp/before
#
# Records (9), all with one copy of rules/ that has a delegation to an automated decision function (so
# the store holds one rule set, ~96 KB): calculate --record of two fixtures (a refusal with children,
# agency payments); month 2026-02 of three generated cases by batch --record; month 2026-03 by monthly
# in recommend mode (a member added, no previous decision, a ready case) and one automated decision
# (monthly --mode automatic). The expected output is gzipped (~1 MB of text, mostly show --json).
set -euo pipefail
OLD=$(cd "$1" && pwd)
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../../.." && pwd)
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
STORE="$TMP/text-records.sqlite"
CLI="node $OLD/dist/cli.js"
cd "$OLD"
npx tsx bench/generate.ts --monthly --count 60 --seed 7 --period 2026-03 --previous "$TMP/gen-feb.ndjson" --out "$TMP/gen-mar.ndjson"
pick() { grep -E "\"caseId\":\"C-00000($2)\"" "$1"; }
pick "$TMP/gen-feb.ndjson" '01|23|26' > "$TMP/feb.ndjson"
pick "$TMP/gen-mar.ndjson" '01|02|23' > "$TMP/mar.ndjson"
pick "$TMP/gen-mar.ndjson" '26' > "$TMP/mar-auto.ndjson"
cp -r "$OLD/rules" "$TMP/rules"
node -e '
  const fs = require("fs"); const f = process.argv[1]; const p = JSON.parse(fs.readFileSync(f, "utf8"));
  p.values[0].automatedDecisionDelegation = { value: "Socialnämnden 2026-01-20 § 5, punkt 4.2", status: "verified", source: "no-automated-delegation" };
  fs.writeFileSync(f, JSON.stringify(p));' "$TMP/rules/municipal/default.json"
$CLI calculate "$ROOT/fixtures/x1-not-at-labour-market-disposal-with-children-2026.json" --record --store "$STORE" --rules "$TMP/rules" > /dev/null
$CLI calculate "$ROOT/fixtures/ssbtek/household-a1-2026-03.json" --record --store "$STORE" --rules "$TMP/rules" > /dev/null
$CLI batch --in "$TMP/feb.ndjson" --out "$TMP/feb.out" --record --store "$STORE" --workers 1 --rules "$TMP/rules" > /dev/null
$CLI monthly --in "$TMP/mar.ndjson" --out "$TMP/mar.out" --store "$STORE" --workers 1 --today 2026-03-09 --rules "$TMP/rules" > /dev/null
$CLI monthly --in "$TMP/mar-auto.ndjson" --out "$TMP/mar-auto.out" --store "$STORE" --workers 1 --mode automatic --rules "$TMP/rules" > /dev/null
node -e '
  const Database = require(process.argv[1] + "/node_modules/better-sqlite3");
  const db = new Database(process.argv[2]); db.pragma("wal_checkpoint(TRUNCATE)"); db.exec("VACUUM"); db.pragma("journal_mode = DELETE"); db.close();' "$ROOT" "$STORE"
cp "$STORE" "$HERE/text-records.sqlite"
node -e '
  const { execFileSync } = require("child_process");
  const Database = require(process.argv[1] + "/node_modules/better-sqlite3");
  const [root, store, cli] = process.argv.slice(1);
  const ids = new Database(store, { readonly: true }).prepare("SELECT decision_id FROM records ORDER BY seq").pluck().all();
  const run = (args) => { try { return { status: 0, stdout: execFileSync("node", [cli, ...args], { encoding: "utf8" }) }; } catch (e) { return { status: e.status, stdout: e.stdout }; } };
  const records = ids.map((id) => ({
    decisionId: id,
    show: run(["show", id, "--store", store]),
    showEn: run(["show", id, "--store", store, "--lang", "en"]),
    showJson: run(["show", id, "--store", store, "--json"]),
    replay: run(["replay", id, "--store", store]),
  }));
  const verify = run(["audit", "verify", "--store", store]);
  const text = JSON.stringify({ madeBy: "engine 0.1.0 at 7c4234a (before records kept data)", store: store, verify, records }, null, 1) + "\n";
  process.stdout.write(require("zlib").gzipSync(text, { level: 9 }));' "$ROOT" "$HERE/text-records.sqlite" "$OLD/dist/cli.js" > "$HERE/text-records.expected.json.gz"
ls -l "$HERE"
