/**
 * `npm run schemas`: writes the JSON Schemas of the household (input) and the decision (output) to
 * schemas/, generated from the zod schemas the engine itself uses (zod 4 z.toJSONSchema):
 * householdSchema (src/household/parse.ts) and decisionSchema (src/decision/schema.ts). The household
 * schema gets each field's description and format from FIELD_DOCS below (the zod schema words the
 * errors; the meanings are here and in docs/household.md). test/schemas/schemas.test.ts checks that the
 * files in schemas/ equal what this generates, so after adding a field run `npm run schemas` and commit.
 *
 *   npx tsx scripts/schemas.ts            write schemas/*.json
 *   npx tsx scripts/schemas.ts --check    exit 1 if a file in schemas/ is not what would be written
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { decisionSchema } from '../src/decision/schema.ts';
import { MAX_AMOUNT_TEXT, MAX_ID_LENGTH, MAX_LIST_ITEMS, MAX_LIST_TOTAL_TEXT, MAX_MEMBERS, MAX_TEXT_LENGTH, MAX_YEARS_FROM_PERIOD } from '../src/household/limits.ts';
import { householdSchema } from '../src/household/parse.ts';
import { municipalFileSchema } from '../src/rulebook/schema.ts';
import { GENDERS, ROLES } from '../src/household/types.ts';

export const SCHEMAS_DIR = fileURLToPath(new URL('../schemas/', import.meta.url));

type Doc = { readonly description: string; readonly pattern?: string; readonly enum?: readonly string[] };

const MONEY = `^(0|[1-9][0-9]{0,11})(\\.[0-9]{1,2})?$`;
const money = (what: string): Doc => ({
  description: `${what}: kronor as a decimal string, at most two decimals ("7900", "7900.5", "7900.50"), never a number; at most ${MAX_AMOUNT_TEXT}. Absent or null: the amount is not known (needs information).`,
  pattern: MONEY,
});
const MONTH = '^[0-9]{4}-(0[1-9]|1[0-2])$';
const DATE = '^[0-9]{4}-[0-9]{2}-[0-9]{2}$';

/** Meaning and format of every household field (docs/household.md says the same at more length). */
export const FIELD_DOCS: Readonly<Record<string, Doc>> = {
  caseId: { description: `The case number (ärendenummer), at most ${MAX_ID_LENGTH} characters; echoed in the decision. Optional.` },
  period: { description: 'The month the application is for, YYYY-MM. The rules in force that month are used; a month without rules is refused.', pattern: MONTH },
  decidedOn: { description: `The date the decision is made, YYYY-MM-DD, optional: picks the law cited (SoL (2001:453) before 2025-07-01, SoL (2025:400) from then, with the transitional provisions); the amounts follow the benefit month. Not earlier than the first day of the month before the period, not more than ${MAX_YEARS_FROM_PERIOD} years after it.`, pattern: DATE },
  municipality: { description: "Kommunkod, four digits. Selects rules/municipal/<kod>.json when it exists, else the default policy.", pattern: '^[0-9]{4}$' },
  district: { description: 'Stadsdel or distrikt (Stockholm, Göteborg, Malmö), at most 60 characters, for the official statistics (EKB-Månad, docs/statistics.md). Not used in the calculation. Optional.' },
  members: { description: `Everyone in the household: exactly one applicant, at most one partner, at most ${MAX_MEMBERS} members.` },
  'members.id': { description: `An id of your choice, at most ${MAX_ID_LENGTH} characters, unique in the household; incomes, costs and assets refer to it.` },
  'members.role': { description: 'applicant (sökande), partner (make/maka/sambo), child (barn, including youths 18–20), other-adult (another adult who is their own case).', enum: ROLES },
  'members.birthDate': { description: 'Date of birth, YYYY-MM-DD (a real calendar date, not after the period). The age is read on the first day of the month unless the municipality says otherwise.', pattern: DATE },
  'members.lunchOutsideHome': { description: 'A child 0–6 who eats lunch at preschool five days a week: the "utan lunch" norm amount.' },
  'members.daysInHousehold': { description: 'A child living here part of the month (växelvis boende): days of the month, 0–days in the month. Absent or null: all month.' },
  'members.inSchool': { description: 'A youth 18–20 in grundskola or gymnasium: part of the household (else their own case). Null: not known (needs information).' },
  'members.gender': { description: 'female, male or other; used only for the batch summary statistics.', enum: GENDERS },
  'members.personnummer': { description: 'Personnummer or samordningsnummer (YYYYMMDD-NNNN or YYMMDD-NNNN); checked (date, Luhn) and never printed in full.' },
  'members.availableForWork': { description: "Applicant or partner: stands at the labour market's disposal (12 kap. 3 § SoL (2025:400)): true, false, or null when not given. The same rule for both; for the applicant it may instead be given as circumstances.availableForWork (both at once must agree). false with no reason: the engine refuses nothing, a person decides (needs-information with the alternatives)." },
  'members.acceptableReason': { description: "Applicant or partner: the reason stated for not standing at the labour market's disposal (e.g. sick leave). Never accepted by the engine: the amount is proposed and a person judges the reason (LABOUR_MARKET_REASON_TO_ASSESS)." },
  'members.name': { description: 'The person\'s name, at most 200 characters: the letter and the worksheet call the person by it (without one: "sökanden", "barnet som är 7 år"). Never used in the calculation.' },
  'members.minorApplicantReason': { description: 'For an applicant under 18: why they apply on their own (married, own child, parents dead …). Without it the proposal needs information.' },
  'members.protectedIdentity': { description: 'true: the member has skyddade personuppgifter. Not used in the calculation; the monthly run routes the case to a caseworker, the case work masks the name, personnummer and address except for the role that may see them, and Kontaktcenter gives out nothing about the case.' },
  'members.activityRequirement': { description: 'Applicant or partner, from försörjningsstöd for 2026-10 (aktivitetskrav): { status: required | exempt | participating | declined, exemption: a code of rules/activity-requirement.json when exempt, acceptableReason when declined }. See docs/law-in-force.md.' },
  'members.activityRequirement.status': { description: 'required, exempt, participating or declined.' },
  'members.activityRequirement.exemption': { description: 'When exempt: the exemption code (rules/activity-requirement.json).' },
  'members.activityRequirement.acceptableReason': { description: 'When declined: the reason the person gave, for a caseworker to judge.' },
  'members.sickness.since': { description: 'First day of the illness, YYYY-MM-DD, not after the period.', pattern: DATE },
  'members.sickness.medicalCertificate': { description: 'true when a läkarintyg has been handed in.' },
  'members.sickness': { description: 'Applicant or partner who does not stand at the labour market\'s disposal because of illness: { since: YYYY-MM-DD, medicalCertificate: true | false }. From 2026-07-01 a missing läkarintyg is needs-information. See docs/law-in-force.md.' },
  'members.supportObstacle': { description: 'Applicant or partner: the försörjningshinder (obstacle to self-support) for the official statistics, a code of rules/support-obstacles.json. Not used in the calculation; a proposal without it notes that it is missing, and a decision cannot be registered without it for each adult. See docs/statistics.md.', pattern: '^[a-z][a-z0-9-]{0,59}$' },
  incomes: { description: `The household's income in the month, at most ${MAX_LIST_ITEMS} items. The amounts add up to at most ${MAX_LIST_TOTAL_TEXT}.` },
  'incomes.memberId': { description: 'The member whose income it is (members[].id).' },
  'incomes.type': { description: "The income type: one of the period's rules/income-types.json (salary, sickness-benefit, child-allowance, …)." },
  'incomes.amount': money('The amount received in the month'),
  'incomes.yearToDate': money("Earlier earnings this calendar year (for a child's or school youth's exempt earnings)"),
  'incomes.description': { description: 'Free text for people; not used in the calculation.' },
  costs: { description: `Costs claimed for the month, at most ${MAX_LIST_ITEMS} items. The amounts add up to at most ${MAX_LIST_TOTAL_TEXT}.` },
  'costs.type': { description: "The cost type: one of the period's rules/cost-types.json (rent, electricity, commuting, …)." },
  'costs.amount': money('The amount claimed'),
  'costs.memberId': { description: 'The member the cost is for, when it is personal (members[].id).' },
  'costs.description': { description: 'Free text for people; not used in the calculation.' },
  assets: { description: `Own money and property, at most ${MAX_LIST_ITEMS} items. The amounts add up to at most ${MAX_LIST_TOTAL_TEXT}.` },
  'assets.memberId': { description: 'The member who owns it (members[].id), or absent.' },
  'assets.type': { description: "The asset type: one of the period's rules/asset-types.json (bank, cash, shares, funds, car, property, other)." },
  'assets.amount': money('The value'),
  'assets.description': { description: 'Free text for people; not used in the calculation.' },
  registeredIncomes: { description: `Payments as the agencies report them through SSBTEK (docs/agency-income.md), at most ${MAX_LIST_ITEMS}: classified by rules/agency-income-map.json, counted by payment month, never counted twice with a declared income. Their dates lie within ${MAX_YEARS_FROM_PERIOD} years of the period.` },
  'registeredIncomes.memberId': { description: 'The member the payment went to (members[].id).' },
  'registeredIncomes.agency': { description: 'fk (Försäkringskassan), pm (Pensionsmyndigheten), akassa, csn, af (Arbetsförmedlingen), skv (Skatteverket), migrationsverket.' },
  'registeredIncomes.benefit': { description: `The benefit in the agency's own words (förmån), e.g. Bostadsbidrag, Dagersättning, Arbetslöshetsersättning; at most ${MAX_TEXT_LENGTH} characters.` },
  'registeredIncomes.subBenefit': { description: `The sub-benefit (delförmån), e.g. Sjukpenning under Dagersättning; optional, at most ${MAX_TEXT_LENGTH} characters.` },
  'registeredIncomes.amountType': { description: `The amount type (beloppstyp) when the agency gives one; optional, at most ${MAX_TEXT_LENGTH} characters.` },
  'registeredIncomes.net': money('The net amount paid; the only amount counted'),
  'registeredIncomes.gross': money('Gross amount; shown, never summed'),
  'registeredIncomes.tax': money('Tax withheld; shown, never summed'),
  'registeredIncomes.paidOn': { description: 'Payment date YYYY-MM-DD: decides which month the payment counts in (the month before the application month).', pattern: DATE },
  'registeredIncomes.periodFrom': { description: 'First day of the period the payment covers, YYYY-MM-DD; optional.', pattern: DATE },
  'registeredIncomes.periodTo': { description: 'Last day of the period the payment covers, YYYY-MM-DD; optional.', pattern: DATE },
  'registeredIncomes.days': { description: 'Days paid, as the agency reports them (may be a half day, "0.5"); shown, not summed.' },
  'registeredIncomes.preliminary': { description: 'true for an announced (not yet paid) payment.' },
  'registeredIncomes.ref': { description: `The agency's reference for the payment, echoed in the trace and the decision; at most ${MAX_TEXT_LENGTH} characters.` },
  'registeredIncomes.assessment': { description: "The caseworker's classification of a payment the rules leave to a person or do not know: { action: count | exclude, incomeType (an income type of the period, required with count), reason (required with exclude) }. Until a payment that waits for a person has one, no letter can be produced. See docs/agency-income.md." },
  'registeredIncomes.assessment.action': { description: 'count (counted as the income type given) or exclude (not counted, for the reason given).' },
  'registeredIncomes.assessment.incomeType': { description: 'With count: an income type of the period (rules/income-types.json).' },
  'registeredIncomes.assessment.reason': { description: 'With exclude: why the payment is not counted (text).' },
  agencyAnswers: { description: `How each agency answered for each member, at most ${MAX_LIST_ITEMS}: a failed answer is never read as zero and never withholds aid: the proposal is computed on what is known and flagged for a person (never ready, never automatic).` },
  'agencyAnswers.memberId': { description: 'The member asked about (members[].id).' },
  'agencyAnswers.agency': { description: 'The agency that answered (as registeredIncomes[].agency).' },
  'agencyAnswers.status': { description: 'answered, nothing (answered: no payments), unverifiable or failed (AGENCY_ANSWER_MISSING: computed on what is known, for a person to verify).' },
  letterhead: { description: "The letter's case facts, all optional (docs/household.md): the nämnd, the application date, the applicant's address, the decision maker and their delegation, the contact person. The applicant's name and personnummer are the applicant member's name and personnummer. A fact not given is left out of the letter, never printed as a dash." },
  'letterhead.board': { description: 'The nämnd that decides, as the letter names it, e.g. "Socialnämnden i Exempelby"; one line, at most 200 characters.' },
  'letterhead.applicationDate': { description: 'The day the application came in, YYYY-MM-DD; not after the decision date or the month applied for.', pattern: DATE },
  'letterhead.applicantAddress': { description: "The applicant's postal address, one line per item (at most 6 lines of 200 characters)." },
  'letterhead.decisionMaker': { description: 'Who decides (beslutsfattare): { name, title, delegation }.' },
  'letterhead.decisionMaker.name': { description: "The decision maker's name (required when decisionMaker is given)." },
  'letterhead.decisionMaker.title': { description: 'Their title, e.g. "socialsekreterare".' },
  'letterhead.decisionMaker.delegation': { description: "The point of the nämnd's delegationsordning the decision is made under." },
  'letterhead.contact': { description: 'Whom the applicant contacts with questions: { name, phone, email }, at least one of them.' },
  'letterhead.contact.name': { description: "The contact person's name." },
  'letterhead.contact.phone': { description: 'A telephone number: digits, spaces, +, - and parentheses, at least 5 digits.' },
  'letterhead.contact.email': { description: 'An e-mail address (name@domain).' },
  circumstances: { description: "Facts about the applicant's situation." },
  'circumstances.availableForWork': { description: "The applicant stands at the labour market's disposal: true, false, or null when not given (the same rule as a partner's members[].availableForWork)." },
  'circumstances.acceptableReason': { description: "The applicant's stated reason for not standing at the labour market's disposal (e.g. sick leave); a person judges it, the engine never accepts it." },
  'circumstances.consecutiveMonthsOnAssistance': { description: 'Whole months in a row with försörjningsstöd before this one (jobbstimulans, long-term aid), not more than the applicant has lived. Null: not known.' },
  'circumstances.rentCeiling': money("The reasonable rent level for this household: rent above it is accepted until the household has been told (rentCeilingNotifiedOn) and the rådrum (the municipality's rentAdjustmentMonths, default 3) has passed, then the excess is refused"),
  'circumstances.rentCeilingNotifiedOn': { description: `The day the household was told that its rent is above what the nämnd finds reasonable (YYYY-MM-DD); the rådrum runs from it; within ${MAX_YEARS_FROM_PERIOD} years of the period. Absent: not told, the whole rent is accepted and flagged.`, pattern: DATE },
  'circumstances.rentCeilingBasis': { description: "What the ceiling rests on, in words (the municipality's guideline, or the caseworker's assessment): stated in the reason when the excess is refused; required then." },
  'circumstances.rentArrears': money('Rent owed'),
  'circumstances.jobbstimulansStart': { description: `The first month of the current 24-month jobbstimulans window, YYYY-MM, when known: not after the period, not more than ${MAX_YEARS_FROM_PERIOD} years before it.`, pattern: MONTH },
};

type JsonSchema = { [key: string]: unknown; properties?: Record<string, JsonSchema>; items?: JsonSchema };

/** Adds FIELD_DOCS to the generated schema; returns the fields it has no words for. */
function annotate(node: JsonSchema, prefix: string, undocumented: string[]): void {
  for (const [name, child] of Object.entries(node.properties ?? {})) {
    const key = prefix === '' ? name : `${prefix}.${name}`;
    const doc = FIELD_DOCS[key];
    if (doc === undefined) undocumented.push(key);
    else {
      // A nullable field's enum must list null too, or the schema would refuse the null it allows.
      const nullable = Array.isArray(child['type']) && (child['type'] as unknown[]).includes('null');
      Object.assign(child, doc.enum ? { ...doc, enum: nullable ? [...doc.enum, null] : [...doc.enum] } : doc);
    }
    // The object itself, a list's items, or (a nullable object) the object branch of its anyOf.
    const branches = [child.items ?? child, ...((child['anyOf'] as JsonSchema[] | undefined) ?? []).map((b) => b.items ?? b)];
    for (const inner of branches) if (inner.properties) annotate(inner, key, undocumented);
  }
}

/** A published schema file: its $schema first, then its id, title and description, then the generated body. */
function published(schema: JsonSchema, name: string, title: string, description?: string): JsonSchema {
  return {
    $schema: schema['$schema'],
    $id: `https://bistand-engine.example/schemas/${name}`,
    title,
    ...(description === undefined ? {} : { description }),
    ...Object.fromEntries(Object.entries(schema).filter(([k]) => k !== '$schema')),
  };
}

export function generateSchemas(): { files: Record<string, string>; undocumented: string[] } {
  const undocumented: string[] = [];
  const household = z.toJSONSchema(householdSchema, { io: 'input' }) as JsonSchema;
  annotate(household, '', undocumented);
  const householdFile = published(
    household,
    'household.schema.json',
    'Household (bistånd-engine input)',
    'One household and one month, as read by calculate, batch (one per line) and POST /api/calculate. Fields not listed are reported as warnings and not used. Further checks (dates, roles, member references, amounts, types of the period) are in docs/household.md.',
  );
  const decisionFile = published(z.toJSONSchema(decisionSchema, { io: 'output' }) as JsonSchema, 'decision.schema.json', 'Decision proposal (bistånd-engine output)');
  // The municipality's file (rules/municipal/<kommunkod>.json) with its guideline (issue 24, docs/guidelines.md).
  const municipalFile = published(
    z.toJSONSchema(municipalFileSchema, { io: 'input', unrepresentable: 'any' }) as JsonSchema,
    'municipal.schema.json',
    "A municipality's policy and guideline (rules/municipal/<kommunkod>.json)",
    "Dated values (effectiveFrom/effectiveTo), each with its status and the key of its source in sources. The guideline holds the nämnd's decision, the rent ceiling (a household table, Försäkringskassan's average or rooms), fixed ceilings per cost type, items of livsföring i övrigt with their conditions, and supplements; a part with status pending is shown but never used. Further checks (sources named, cost types known, windows without gaps) are made by `rules check`; see docs/guidelines.md.",
  );
  const text = (o: unknown) => `${JSON.stringify(o, null, 2)}\n`;
  return { files: { 'household.schema.json': text(householdFile), 'decision.schema.json': text(decisionFile), 'municipal.schema.json': text(municipalFile) }, undocumented };
}

function main(check: boolean): number {
  const { files, undocumented } = generateSchemas();
  if (undocumented.length > 0) process.stderr.write(`schemas: no description yet for ${undocumented.join(', ')} (add it to FIELD_DOCS in scripts/schemas.ts and docs/household.md)\n`);
  let stale = 0;
  for (const [name, text] of Object.entries(files)) {
    const path = `${SCHEMAS_DIR}${name}`;
    if (check) {
      let current = '';
      try {
        current = readFileSync(path, 'utf8');
      } catch {
        // missing counts as stale
      }
      if (current !== text) {
        process.stderr.write(`schemas: ${path} is not up to date; run npm run schemas\n`);
        stale++;
      }
    } else {
      writeFileSync(path, text);
      process.stdout.write(`wrote ${path}\n`);
    }
  }
  return stale > 0 ? 1 : 0;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) process.exitCode = main(process.argv.includes('--check'));
