/**
 * The decision store's tables and the triggers that keep them append-only (issue 4).
 *
 * The triggers are a first line of defence only: anyone who can open the file can drop them, so
 * `audit verify` never relies on them and checks the hash chain itself (src/store/verify.ts).
 */
import { GENESIS } from './chain.ts';

export const SCHEMA_VERSION = '1';

/** Every trigger the schema creates; `audit verify` reports any that are missing. */
export const TRIGGERS = [
  'records_no_update',
  'records_no_delete',
  'records_extend_head',
  'records_advance_head',
  'chain_head_forward_only',
  'chain_head_no_delete',
  'rule_sets_no_update',
  'rule_sets_no_delete',
  'meta_no_update',
  'meta_no_delete',
] as const;

const refuse = (what: string) => `BEGIN SELECT RAISE(ABORT, '${what}'); END`;

/**
 * Which input lines a batch run has recorded (batch --record): updated in the same transaction as
 * the records, so a resumed run never records a line twice. Bookkeeping only: not part of the hash
 * chain, not append-only, ignored by audit verify.
 */
export const BATCH_RUNS_SQL = `
CREATE TABLE IF NOT EXISTS batch_runs (
  run_id    TEXT PRIMARY KEY,
  last_line INTEGER NOT NULL
);

-- Runs that finished, by the sha256 of their input and --period (issue 13): batch --record --resume
-- after a finished run is recognised here and records nothing again.
CREATE TABLE IF NOT EXISTS batch_finished (
  input_key TEXT PRIMARY KEY,
  run_id    TEXT NOT NULL,
  lines     INTEGER NOT NULL,
  recorded  INTEGER NOT NULL
);
`;

/**
 * The caseworker's decision beside the engine's proposal (issue 11), as stores before issue 22 have it:
 * append-only rows with a hash of their own. Nothing writes it any more (a registered decision is a
 * record of the chain, CASEWORK_SQL); audit verify still checks its rows (verifyCasework.ts).
 */
export const CASEWORKER_DECISIONS_SQL = `
CREATE TABLE IF NOT EXISTS caseworker_decisions (
  id            INTEGER PRIMARY KEY,
  decision_id   TEXT NOT NULL REFERENCES records(decision_id),
  record_hash   TEXT NOT NULL,
  recorded_at   TEXT NOT NULL,
  decided_by    TEXT NOT NULL,
  decided_on    TEXT NOT NULL,
  delegation    TEXT NOT NULL,
  outcome       TEXT NOT NULL,
  letter_kind   TEXT NOT NULL,
  letter_text   TEXT NOT NULL,
  child_answers TEXT NOT NULL,
  content_hash  TEXT NOT NULL
);
CREATE TRIGGER IF NOT EXISTS caseworker_decisions_no_update BEFORE UPDATE ON caseworker_decisions
  BEGIN SELECT RAISE(ABORT, 'caseworker decisions are append-only'); END;
CREATE TRIGGER IF NOT EXISTS caseworker_decisions_no_delete BEFORE DELETE ON caseworker_decisions
  BEGIN SELECT RAISE(ABORT, 'caseworker decisions are append-only'); END;
`;

/**
 * Kontaktcenter's case desk (issue 12, src/store/casedesk.ts): who the caseworker is, payment dates,
 * and the access log of every lookup; three append-only tables created on first use.
 */
export const CASE_DESK_SQL = `
CREATE TABLE IF NOT EXISTS access_log (
  seq      INTEGER PRIMARY KEY,
  at       TEXT NOT NULL,
  who      TEXT NOT NULL,
  case_id  TEXT NOT NULL,
  purpose  TEXT NOT NULL,
  found    INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS case_assignments (
  seq          INTEGER PRIMARY KEY,
  case_id      TEXT NOT NULL,
  caseworker   TEXT NOT NULL,
  recorded_at  TEXT NOT NULL,
  recorded_by  TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS payment_dates (
  seq          INTEGER PRIMARY KEY,
  decision_id  TEXT NOT NULL,
  pay_on       TEXT NOT NULL,
  recorded_at  TEXT NOT NULL,
  recorded_by  TEXT NOT NULL
);
CREATE TRIGGER IF NOT EXISTS access_log_no_update BEFORE UPDATE ON access_log ${refuse('the access log is append-only')};
CREATE TRIGGER IF NOT EXISTS access_log_no_delete BEFORE DELETE ON access_log ${refuse('the access log is append-only')};
CREATE TRIGGER IF NOT EXISTS case_assignments_no_update BEFORE UPDATE ON case_assignments ${refuse('case assignments are append-only')};
CREATE TRIGGER IF NOT EXISTS case_assignments_no_delete BEFORE DELETE ON case_assignments ${refuse('case assignments are append-only')};
CREATE TRIGGER IF NOT EXISTS payment_dates_no_update BEFORE UPDATE ON payment_dates ${refuse('payment dates are append-only')};
CREATE TRIGGER IF NOT EXISTS payment_dates_no_delete BEFORE DELETE ON payment_dates ${refuse('payment dates are append-only')};
`;

/**
 * Finding a case's decisions by month (monthly: last month's decision of each case). An index only:
 * additive, outside the hash chain, created when a store is opened for writing.
 */
export const CASE_PERIOD_INDEX_SQL = `
CREATE INDEX IF NOT EXISTS records_case_period ON records (case_id, period, seq);
`;

/**
 * The chain head a monthly run started from (monthly): its comparisons read only records up to
 * that position, so a resumed run reads the same previous decisions as the first attempt even
 * though it has recorded proposals since. Bookkeeping like batch_runs, outside the hash chain.
 */
export const MONTHLY_RUNS_SQL = `
CREATE TABLE IF NOT EXISTS monthly_runs (
  run_id   TEXT PRIMARY KEY,
  head_seq INTEGER NOT NULL
);
`;

/** A table whose rows are append-only: UPDATE and DELETE refused. */
const appendOnly = (table: string, what: string) =>
  `CREATE TRIGGER IF NOT EXISTS ${table}_no_update BEFORE UPDATE ON ${table} ${refuse(`${what} are append-only`)};
CREATE TRIGGER IF NOT EXISTS ${table}_no_delete BEFORE DELETE ON ${table} ${refuse(`${what} are append-only`)};
`;

/**
 * A side chain (src/store/sideChain.ts): an append-only table whose every row carries the hash of the
 * row before it, like the decision records, with its head kept in side_chain_heads by a trigger so
 * that deleting the newest rows is seen too. The case log and the payment events are side chains.
 */
const sideChainTriggers = (table: string, what: string) => `${appendOnly(table, what)}CREATE TRIGGER IF NOT EXISTS ${table}_extend_head BEFORE INSERT ON ${table}
  WHEN NEW.seq IS NOT (SELECT seq + 1 FROM side_chain_heads WHERE chain = '${table}')
    OR NEW.prev_hash IS NOT (SELECT hash FROM side_chain_heads WHERE chain = '${table}')
  ${refuse(`a ${table} row must extend its chain head`)};
CREATE TRIGGER IF NOT EXISTS ${table}_advance_head AFTER INSERT ON ${table}
  BEGIN UPDATE side_chain_heads SET seq = NEW.seq, hash = NEW.hash WHERE chain = '${table}'; END;
INSERT OR IGNORE INTO side_chain_heads (chain, seq, hash) VALUES ('${table}', 0, '${GENESIS}');
`;

/**
 * The caseworker's workday (issue 22, src/store/casework.ts): registered decisions and their payment
 * orders indexed for queries (the decisions themselves are records in the hash chain; audit verify
 * checks that every index row says what its record says), the payment events (stopped, exported) and
 * the case log of every read and write as side chains, and the exported payment files.
 */
export const CASEWORK_SQL = `
CREATE TABLE IF NOT EXISTS side_chain_heads (
  chain TEXT PRIMARY KEY,
  seq   INTEGER NOT NULL,
  hash  TEXT NOT NULL
);
CREATE TRIGGER IF NOT EXISTS side_chain_heads_no_delete BEFORE DELETE ON side_chain_heads ${refuse('a side chain head cannot be deleted')};
CREATE TRIGGER IF NOT EXISTS side_chain_heads_forward_only BEFORE UPDATE ON side_chain_heads
  WHEN NEW.chain IS NOT OLD.chain OR NEW.seq IS NOT OLD.seq + 1
  ${refuse('a side chain head only moves to the newest row')};

-- One row per registered decision record (records.decision_id): who decided what, when, for which
-- case and month, and which decision it changes. A first decision is unique per case and month, and a
-- decision is changed at most once (the next change names the newest decision): registered once.
CREATE TABLE IF NOT EXISTS registered_decisions (
  decision_id  TEXT PRIMARY KEY REFERENCES records(decision_id),
  case_id      TEXT NOT NULL,
  period       TEXT NOT NULL,
  proposal_id  TEXT NOT NULL REFERENCES records(decision_id),
  supersedes   TEXT REFERENCES registered_decisions(decision_id),
  change_kind  TEXT,
  outcome      TEXT NOT NULL,
  payable_ore  INTEGER NOT NULL,
  decided_on   TEXT NOT NULL,
  decided_by   TEXT NOT NULL,
  delegation   TEXT NOT NULL,
  recorded_at  TEXT NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS registered_once ON registered_decisions (case_id, period) WHERE supersedes IS NULL;
CREATE UNIQUE INDEX IF NOT EXISTS registered_changed_once ON registered_decisions (supersedes) WHERE supersedes IS NOT NULL;
CREATE INDEX IF NOT EXISTS registered_by_proposal ON registered_decisions (proposal_id);
${appendOnly('registered_decisions', 'registered decisions')}
-- The payment orders (utbetalningsunderlag) of a registered decision, as its record lists them.
CREATE TABLE IF NOT EXISTS payment_orders (
  order_id     TEXT PRIMARY KEY,
  decision_id  TEXT NOT NULL REFERENCES registered_decisions(decision_id),
  line         INTEGER NOT NULL,
  case_id      TEXT NOT NULL,
  period       TEXT NOT NULL,
  recipient    TEXT NOT NULL,
  name         TEXT NOT NULL,
  scheme       TEXT NOT NULL,
  account      TEXT NOT NULL,
  amount_ore   INTEGER NOT NULL CHECK (amount_ore > 0),
  pay_on       TEXT NOT NULL,
  reference    TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS payment_orders_by_decision ON payment_orders (decision_id);
${appendOnly('payment_orders', 'payment orders')}
-- What happened to an order after its decision: stopped before export (with a reason), or exported
-- in a payment file. A side chain.
CREATE TABLE IF NOT EXISTS payment_events (
  seq        INTEGER PRIMARY KEY,
  at         TEXT NOT NULL,
  kind       TEXT NOT NULL CHECK (kind IN ('stop', 'export')),
  order_id   TEXT REFERENCES payment_orders(order_id),
  export_id  TEXT,
  who        TEXT NOT NULL,
  entry_json TEXT NOT NULL,
  prev_hash  TEXT NOT NULL,
  hash       TEXT NOT NULL UNIQUE
);
CREATE INDEX IF NOT EXISTS payment_events_by_order ON payment_events (order_id);
CREATE INDEX IF NOT EXISTS payment_events_by_export ON payment_events (export_id);
${sideChainTriggers('payment_events', 'payment events')}
-- The payment files as exported (ISO 20022 pain.001), byte for byte: the export event carries its hash.
CREATE TABLE IF NOT EXISTS payment_files (
  export_id  TEXT PRIMARY KEY,
  file_name  TEXT NOT NULL,
  sha256     TEXT NOT NULL,
  content    TEXT NOT NULL
);
${appendOnly('payment_files', 'payment files')}
-- Every read and write of a case by a person: who (and in which role), what, when, why. A side chain.
CREATE TABLE IF NOT EXISTS case_log (
  seq         INTEGER PRIMARY KEY,
  at          TEXT NOT NULL,
  who         TEXT NOT NULL,
  role        TEXT NOT NULL,
  action      TEXT NOT NULL,
  case_id     TEXT,
  decision_id TEXT,
  purpose     TEXT NOT NULL,
  entry_json  TEXT NOT NULL,
  prev_hash   TEXT NOT NULL,
  hash        TEXT NOT NULL UNIQUE
);
CREATE INDEX IF NOT EXISTS case_log_by_case ON case_log (case_id, seq);
${sideChainTriggers('case_log', 'case log rows')}`;

/**
 * A begäran om komplettering and an överklagande (issue 30, src/store/caseEvents.ts): what a person
 * recorded about a case besides its decisions, as a side chain like the case log (each row hashes the
 * row before it). Created when first written; needs CASEWORK_SQL's side_chain_heads.
 */
export const CASE_EVENTS_SQL = `
CREATE TABLE IF NOT EXISTS case_events (
  seq         INTEGER PRIMARY KEY,
  at          TEXT NOT NULL,
  kind        TEXT NOT NULL CHECK (kind IN ('completion.request', 'completion.answer', 'appeal.receive', 'appeal.review', 'appeal.dismiss', 'appeal.forward', 'appeal.close')),
  case_id     TEXT NOT NULL,
  period      TEXT NOT NULL,
  decision_id TEXT NOT NULL,
  who         TEXT NOT NULL,
  entry_json  TEXT NOT NULL,
  prev_hash   TEXT NOT NULL,
  hash        TEXT NOT NULL UNIQUE
);
CREATE INDEX IF NOT EXISTS case_events_by_case ON case_events (case_id, period, seq);
CREATE INDEX IF NOT EXISTS case_events_by_period ON case_events (period, seq);
${sideChainTriggers('case_events', 'case events')}`;

/**
 * The queue's index of packed records (issue 30, src/store/queueParts.ts): the flags and missing facts
 * of a record that keeps data (form 2), as the queue lists them, so a queue page does not unpack every
 * record of the month on every request. Derived, never a source: each row names the record and its
 * hash, a row whose hash is not its record's is ignored and written again, the table may be emptied
 * at any time (it is filled again from the records), and `audit verify` recomputes every row.
 */
export const QUEUE_PARTS_SQL = `
CREATE TABLE IF NOT EXISTS queue_parts (
  decision_id TEXT PRIMARY KEY REFERENCES records(decision_id),
  record_hash TEXT NOT NULL,
  needs_json  TEXT NOT NULL,
  flags_json  TEXT NOT NULL
);
`;

/**
 * Tables beside the chain that a store may or may not have yet (each is created when first used).
 * `audit verify` knows their SQL too: an edited definition is reported, their presence is not.
 */
export const ADDITIVE_SQL = [BATCH_RUNS_SQL, CASEWORKER_DECISIONS_SQL, CASE_DESK_SQL, MONTHLY_RUNS_SQL, CASEWORK_SQL, CASE_EVENTS_SQL, QUEUE_PARTS_SQL] as const;

export const SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

-- Each resolved rule set once, in full, under its content hash (its ruleSetVersion): a replay
-- reads the rules from here, never from today's rules/ folder.
CREATE TABLE IF NOT EXISTS rule_sets (
  version TEXT PRIMARY KEY,
  json    TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS records (
  seq              INTEGER PRIMARY KEY,
  decision_id      TEXT NOT NULL UNIQUE,
  recorded_at      TEXT NOT NULL,
  case_id          TEXT,
  period           TEXT NOT NULL,
  rule_set_version TEXT NOT NULL REFERENCES rule_sets(version),
  engine_version   TEXT NOT NULL,
  input_hash       TEXT NOT NULL,
  input_json       TEXT NOT NULL,
  decision_json    TEXT NOT NULL,
  prev_hash        TEXT NOT NULL,
  record_hash      TEXT NOT NULL UNIQUE
);

-- The newest record, kept by a trigger: without it, deleting the last records would leave a
-- chain that still links. (An attacker who also rewrites this row is caught only by an anchor
-- kept outside the file: audit verify --anchor HASH, docs/records.md.)
CREATE TABLE IF NOT EXISTS chain_head (
  id          INTEGER PRIMARY KEY CHECK (id = 1),
  seq         INTEGER NOT NULL,
  record_hash TEXT NOT NULL
);
INSERT OR IGNORE INTO chain_head (id, seq, record_hash) VALUES (1, 0, '${GENESIS}');
INSERT OR IGNORE INTO meta (key, value) VALUES ('schema', '${SCHEMA_VERSION}');

CREATE TRIGGER IF NOT EXISTS records_no_update BEFORE UPDATE ON records ${refuse('decision records are append-only')};
CREATE TRIGGER IF NOT EXISTS records_no_delete BEFORE DELETE ON records ${refuse('decision records are append-only')};
CREATE TRIGGER IF NOT EXISTS records_extend_head BEFORE INSERT ON records
  WHEN NEW.seq IS NOT (SELECT seq + 1 FROM chain_head WHERE id = 1)
    OR NEW.prev_hash IS NOT (SELECT record_hash FROM chain_head WHERE id = 1)
  ${refuse('a decision record must extend the chain head')};
CREATE TRIGGER IF NOT EXISTS records_advance_head AFTER INSERT ON records
  BEGIN UPDATE chain_head SET seq = NEW.seq, record_hash = NEW.record_hash WHERE id = 1; END;
CREATE TRIGGER IF NOT EXISTS chain_head_forward_only BEFORE UPDATE ON chain_head
  WHEN NEW.id IS NOT 1 OR NEW.seq IS NOT OLD.seq + 1
    OR NOT EXISTS (SELECT 1 FROM records WHERE seq = NEW.seq AND record_hash = NEW.record_hash)
  ${refuse('the chain head only moves to the newest record')};
CREATE TRIGGER IF NOT EXISTS chain_head_no_delete BEFORE DELETE ON chain_head ${refuse('the chain head cannot be deleted')};
CREATE TRIGGER IF NOT EXISTS rule_sets_no_update BEFORE UPDATE ON rule_sets ${refuse('stored rule sets are append-only')};
CREATE TRIGGER IF NOT EXISTS rule_sets_no_delete BEFORE DELETE ON rule_sets ${refuse('stored rule sets are append-only')};
CREATE TRIGGER IF NOT EXISTS meta_no_update BEFORE UPDATE ON meta ${refuse('store metadata is append-only')};
CREATE TRIGGER IF NOT EXISTS meta_no_delete BEFORE DELETE ON meta ${refuse('store metadata is append-only')};
`;
