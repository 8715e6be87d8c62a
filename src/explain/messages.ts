/**
 * Message catalogues. Trace steps, reasons and flags store a key and arguments (src/trace/messages.ts,
 * data only); the texts live here, in Swedish (the language of the decision) and English. Each
 * catalogue has a text for exactly the keys of src/trace/messages.ts (the type checks it), and a test
 * checks that every code in rules/conditions has a text.
 */
import { isMessageKey, type MessageArgs, type MessageKey } from '../trace/messages.ts';
import { countEn, countSv, othersSv, dateEn, dateSv, krEn as E, krSv as K, monthEn, monthSv } from './format.ts';
import { labelOf, reasonLabel } from './labels.js';

/** A rule condition's name as a person reads it: its Swedish label in quotes (never the code; labels.js). */
const condition = (name: unknown): string => `”${labelOf(String(name)) ?? 'regelvillkor'}”`;

type Catalogue = Record<MessageKey, (a: MessageArgs) => string>;

const residenceSv = (r: string | number, days: string | number, dim: string | number) =>
  r === 'full-time' ? 'bor här hela månaden' : r === 'not-this-month' ? 'bor inte här denna månad' : `bor här ${days} av ${dim} dagar`;
const residenceEn = (r: string | number, days: string | number, dim: string | number) =>
  r === 'full-time' ? 'lives here all month' : r === 'not-this-month' ? 'does not live here this month' : `lives here ${days} of ${dim} days`;
/**
 * A child named with its age: "c1 7 år" for a bare id; a person's label already says the age ("Barn,
 * 7 år", "Alex (barn, 7 år)"), so it is not said twice.
 */
const withAge = (who: string | number | undefined, age: string): string => {
  const name = String(who ?? '');
  return name.includes(age) ? name : `${name} ${age}`;
};
const ownCaseSv = (r: string | number) =>
  r === 'YOUTH_NOT_IN_SCHOOL' ? 'ungdom 18–20 år som inte går i skolan' : r === 'CHILD_OVER_20' ? 'vuxet barn (21 år eller äldre)' : 'vuxen i hushållet som inte är sambo';
const ownCaseEn = (r: string | number) =>
  r === 'YOUTH_NOT_IN_SCHOOL' ? 'youth 18–20 not in school' : r === 'CHILD_OVER_20' ? 'adult child (21 or older)' : 'adult in the household who is not a partner';

// Agency income data (SSBTEK): agency names and where a payment came from.
const AGENCY_SV: Record<string, string> = { fk: 'Försäkringskassan', pm: 'Pensionsmyndigheten', akassa: 'a-kassan', csn: 'CSN', af: 'Arbetsförmedlingen', skv: 'Skatteverket', migrationsverket: 'Migrationsverket' };
const AGENCY_EN: Record<string, string> = { fk: 'Försäkringskassan', pm: 'the Pensions Agency', akassa: 'the unemployment fund', csn: 'CSN', af: 'Arbetsförmedlingen', skv: 'the Tax Agency', migrationsverket: 'the Migration Agency' };
const agSv = (codes: string | number | undefined) => String(codes ?? '').split(/,\s*/).map((c) => AGENCY_SV[c] ?? c).join(' och ');
const agEn = (codes: string | number | undefined) => String(codes ?? '').split(/,\s*/).map((c) => AGENCY_EN[c] ?? c).join(' and ');
const whenSv = (a: MessageArgs) => (a['basis'] === 'periodFrom' ? `avser tiden från ${dateSv(String(a['date']))}` : `utbetalt ${dateSv(String(a['date']))}`);
const whenEn = (a: MessageArgs) => (a['basis'] === 'periodFrom' ? `covering the time from ${dateEn(String(a['date']))}` : `paid ${dateEn(String(a['date']))}`);
/** The benefit, with the sub-benefit when it says more ("Dagersättning (Föräldrapenning)", not "Bostadsbidrag (Bostadsbidrag)"). */
const benefitOf = (a: MessageArgs) => `${a['benefit']}${a['sub'] && String(a['sub']).toLowerCase() !== String(a['benefit']).toLowerCase() ? ` (${a['sub']})` : ''}`;
const paymentSv = (a: MessageArgs) => `${benefitOf(a)} från ${agSv(a['agency'])} till ${a['memberId']}, ${K(a['net']!)}, ${whenSv(a)}`;
const paymentEn = (a: MessageArgs) => `${benefitOf(a)} from ${agEn(a['agency'])} to ${a['memberId']}, ${E(a['net']!)}, ${whenEn(a)}`;
/** An income line that came from an agency: where it came from, then the income rule's own text. */
function innerText(lang: 'sv' | 'en', a: MessageArgs): string {
  const catalogue = (lang === 'sv' ? sv : en) as Record<string, (x: MessageArgs) => string>;
  const fn = catalogue[String(a['inner'])];
  return fn ? fn(a) : '';
}

/** A label inside a sentence: "Sjukpenning/sjukersättning" → "sjukpenning/sjukersättning". */
const lowSv = (label: string | number | undefined) => {
  const t = String(label ?? '');
  return t.charAt(0).toLowerCase() + t.slice(1);
};
/** The alternative of a payment nobody has classified yet: what would be paid if it counted as its likely type. */
const altSv = (a: MessageArgs) => (a['counted'] !== undefined && a['counted'] !== '' ? ` Räknas den som ${lowSv(a['likely'])} blir att betala ${K(a['counted'])} i stället för ${K(a['notCounted']!)}.` : '');
const altEn = (a: MessageArgs) => (a['counted'] !== undefined && a['counted'] !== '' ? ` Counted as ${a['likelyType'] ?? a['likely']}, the payable would be ${E(a['counted'])} instead of ${E(a['notCounted']!)}.` : '');

/**
 * A routing reason, flag or missing-fact code in Swedish, as a short label (the queue's filters and
 * columns, the case view): labels.js's reasonLabel, the one catalogue of the views and the pages;
 * null for a code without a label (never expected: test/explain/code-labels.test.ts).
 */
export function reasonLabelSv(code: string): string | null {
  return reasonLabel(code);
}
/** The same label inside a sentence ("Till handläggare: ny inkomst; …"); an acronym keeps its capitals. */
const routeReasonSv = (code: string): string => {
  const label = reasonLabel(code);
  if (label === null) return 'en uppgift att bedöma';
  return /^.[a-zåäö]/.test(label) ? label.charAt(0).toLowerCase() + label.slice(1) : label;
};

/** A member's genitive: the view's own ("Sara Linds", "sökandens"; People.args gives memberIdGen), else the id's ("a1s"). */
const genSv = (a: MessageArgs): string => String(a['memberIdGen'] ?? `${a['memberId']}s`);

const roleSv = (r: string | number | undefined) => ({ applicant: 'sökande', partner: 'make/maka/sambo', child: 'barn', 'other-adult': 'annan vuxen' })[String(r)] ?? String(r);

/** A shared home (costs/housing.ts): the home's cost, this household's share and the others'. */
const sharedSv = (a: MessageArgs) =>
  `${a['label']} för hela bostaden ${K(a['amount']!)}. Bostaden delas med ${othersSv(a['sharedOthers'])}, och kostnaden fördelas lika ${a['sharedPolicy'] === 'per-adult' ? 'per vuxen' : 'per person'} (kommunens riktlinje): hushållets andel är ${K(a['sharedShare']!)}; de andras andel, ${K(a['sharedOthersShare']!)}, hör till deras ärenden. `;
const sharedEn = (a: MessageArgs) =>
  `${a['label']} for the whole home ${E(a['amount']!)}. The home is shared with ${a['sharedOthers']} ${Number(a['sharedOthers']) === 1 ? 'person' : 'people'} with cases of their own, and the cost is split equally ${a['sharedPolicy'] === 'per-adult' ? 'per adult' : 'per person'} (the municipality's guideline): the household's share is ${E(a['sharedShare']!)}; the others' share, ${E(a['sharedOthersShare']!)}, belongs to their cases. `;
/** The opening of a housing cost line: the cost, or a shared home's cost and this household's share; then the amount the rest of the line is about. */
const housingSv = (a: MessageArgs) => (a['sharedShare'] === undefined ? `${a['label']} ${K(a['amount']!)}` : `${sharedSv(a)}Andelen ${K(a['sharedShare']!)}`);
const housingEn = (a: MessageArgs) => (a['sharedShare'] === undefined ? `${a['label']} ${E(a['amount']!)}` : `${sharedEn(a)}The share of ${E(a['sharedShare']!)}`);
/** What a rent ceiling rests on (circumstances.rentCeilingBasis). */
const basisSv = (a: MessageArgs) => (a['basis'] ? `enligt ${a['basis']}` : 'grunden för nivån är inte angiven');
const basisEn = (a: MessageArgs) => (a['basis'] ? `according to ${a['basis']}` : 'the basis of the level is not given');
/** Which of the guideline's conditions for an item of livsföring i övrigt is not met (costs/guideline.ts). */
const itemUnmetSv = (a: MessageArgs) =>
  ({
    'long-term': 'riktlinjen ger kostnaden vid långvarigt bistånd, och hushållet har inte fått bistånd så länge',
    'cost-estimate': 'riktlinjen kräver ett kostnadsförslag som prövas i förväg',
    'review-threshold': `beloppet är högre än ${K(String(a['reviewAbove'] ?? ''))}, där riktlinjen kräver en särskild prövning`,
    'above-reference': `beloppet är högre än riktlinjens nivå ${K(String(a['reference'] ?? ''))}`,
  })[String(a['unmet'])] ?? String(a['unmet']);
const itemUnmetEn = (a: MessageArgs) =>
  ({
    'long-term': 'the guideline grants it on long-term aid, and the household has not had aid that long',
    'cost-estimate': 'the guideline requires a cost estimate approved in advance',
    'review-threshold': `the amount is above ${E(String(a['reviewAbove'] ?? ''))}, where the guideline requires a special review`,
    'above-reference': `the amount is above the guideline's level ${E(String(a['reference'] ?? ''))}`,
  })[String(a['unmet'])] ?? String(a['unmet']);
const nonZero = (v: string | number | undefined) => v !== undefined && v !== '' && v !== '0';
const whoSv = (a: MessageArgs) => String(a['memberId'] ?? 'den sökande');
const whoEn = (a: MessageArgs) => String(a['memberId'] ?? 'the applicant');
/** A child with age and age band: "c1 (7 år, åldersgrupp 7-10 år)"; a name that already gives the age ("Barn, 7 år") gets the band only. */
const childBandSv = (a: MessageArgs) => (String(a['memberId']).includes(`${a['age']} år`) ? `${a['memberId']} (åldersgrupp ${a['band']} år)` : `${a['memberId']} (${a['age']} år, åldersgrupp ${a['band']} år)`);
const reasonSv = (a: MessageArgs) => (a['reason'] ? `"${a['reason']}"${a['illness'] === 'yes' ? ' och sjukdom utan läkarintyg' : ''}` : 'sjukdom utan läkarintyg');
const reasonEn = (a: MessageArgs) => (a['reason'] ? `"${a['reason']}"${a['illness'] === 'yes' ? ' and illness without a medical certificate' : ''}` : 'illness without a medical certificate');

export const sv: Catalogue = {
  'norm.single': (a) => `${a['memberId']}: personliga kostnader för ensamstående vuxen ${K(a['amount']!)}.`,
  'norm.cohabiting': (a) => `${a['memberId']}: personliga kostnader för sambor är ${K(a['joint']!)} tillsammans; hälften, ${K(a['amount']!)}, redovisas här.`,
  'norm.child': (a) => `${childBandSv(a)}: personliga kostnader ${K(a['amount']!)}.`,
  'norm.childWithoutLunch': (a) => `${childBandSv(a)} äter lunch på förskolan: beloppet "utan lunch" ${K(a['amount']!)}.`,
  'norm.childPartMonth': (a) => `${childBandSv(a)} bor här ${a['days']} av ${a['daysInMonth']} dagar: ${K(a['full']!)} × ${a['days']}/${a['daysInMonth']} = ${K(a['amount']!)}.`,
  'norm.householdSize': (a) => `Hushållet består av ${countSv(a['size']!, 'person', 'personer')}${Number(a['partTime']) > 0 ? ` (varav ${a['partTime']} barn del av månaden, ${a['policy'] === 'pro-rated' ? 'räknade efter antal dagar' : 'räknade som hushållsmedlemmar'})` : ''}.`,
  'norm.common': (a) => `Gemensamma hushållskostnader för ${countSv(a['size']!, 'person', 'personer')}: ${K(a['amount']!)}.`,
  'norm.commonAboveSeven': (a) => `Gemensamma hushållskostnader för ${a['size']} personer (7 personer plus skillnaden mellan 6 och 7 personer för varje ytterligare medlem): ${K(a['amount']!)}.`,
  'norm.separate': (a) => `${a['memberId']} (${ownCaseSv(a['reason']!)}) är ett eget ärende: ensamståendenorm ${K(a['personal']!)} + ${K(a['common']!)} ÷ ${a['size']} = ${K(a['amount']!)}. Beloppet ingår inte i detta hushålls norm.`,
  'norm.commonShare': (a) => `Hushållets andel av de gemensamma hushållskostnaderna sedan ${Number(a['others']) === 1 ? '1 person med eget ärende' : `${a['others']} personer med egna ärenden`} fått sin andel: ${K(a['amount']!)} av ${K(a['common']!)}.`,
  'norm.total': (a) => `Riksnorm: personliga kostnader ${K(a['personal']!)} + gemensamma hushållskostnader ${K(a['common']!)} = ${K(a['amount']!)} (${a['title']}).`,

  'costs.reasonable': (a) => `${a['label']} ${K(a['amount']!)} godtas som skälig kostnad.`,
  'costs.rentNoCeiling': (a) => `${housingSv(a)} godtas; ingen skälig nivå för boendekostnad är angiven för hushållet.`,
  'costs.rentWithinCeiling': (a) => `${housingSv(a)} godtas; den ryms inom den skäliga nivån ${K(a['ceiling']!)}${a['basis'] ? `, ${basisSv(a)}` : ''}.`,
  'costs.rentAboveCeiling': (a) => a['notifiedOn'] === undefined
    ? `${a['label']} ${K(a['amount']!)} är högre än vad som är skäligt för hushållet (${K(a['ceiling']!)}). ${K(a['accepted']!)} godtas och ${K(a['refused']!)} avslås.`
    : `${housingSv(a)} är högre än vad som är skäligt för hushållet. Den skäliga nivån är ${K(a['ceiling']!)}, ${basisSv(a)}. Hushållet fick besked om det ${dateSv(String(a['notifiedOn']))} och har haft ${countSv(a['months']!, 'månads', 'månaders')} rådrum enligt kommunens riktlinje, till ${dateSv(String(a['endsOn']))}, att hitta ett billigare boende. ${K(a['accepted']!)} godtas och ${K(a['refused']!)} avslås.`,
  'costs.rentAboveCeilingNotNotified': (a) => `${housingSv(a)} är ${K(a['above']!)} högre än den skäliga nivån ${K(a['ceiling']!)}, ${basisSv(a)}. Hushållet har ännu inte fått besked om att kostnaden är för hög, så hela kostnaden godtas. Den överskjutande delen kan avslås först när hushållet har fått besked och haft ${countSv(a['months']!, 'månads', 'månaders')} rådrum att hitta ett billigare boende.`,
  'costs.rentAboveCeilingRadrum': (a) => `${housingSv(a)} är ${K(a['above']!)} högre än den skäliga nivån ${K(a['ceiling']!)}, ${basisSv(a)}. Hushållet fick besked om det ${dateSv(String(a['notifiedOn']))} och har rådrum till ${dateSv(String(a['endsOn']))} (${countSv(a['months']!, 'månad', 'månader')}) att hitta ett billigare boende; under rådrummet godtas hela kostnaden. Från och med ${monthSv(String(a['cutFrom']))} godtas högst ${K(a['ceiling']!)}.`,
  'costs.sharedHousing': (a) => `${sharedSv(a)}${K(a['sharedShare']!)} godtas och ${K(a['sharedOthersShare']!)} avslås i detta ärende.`,
  'costs.livsforing': (a) => `${a['label']} ${K(a['amount']!)} ligger utanför försörjningsstödet och prövas som ${a['term'] ?? 'livsföring i övrigt'}; beloppet tas med i förslaget men ska bedömas av handläggare.`,
  'costs.withinGuideline': (a) => `${a['label']} ${K(a['amount']!)} godtas; beloppet ryms inom riktlinjens nivå ${K(a['ceiling']!)} enligt ${a['basis']}.`,
  'costs.aboveGuideline': (a) => `${a['label']} ${K(a['amount']!)} är högre än riktlinjens nivå ${K(a['ceiling']!)} enligt ${a['basis']}; ${K(a['accepted']!)} godtas och ${K(a['refused']!)} avslås.`,
  'costs.aboveGuidelineForAssessment': (a) => `${a['label']} ${K(a['amount']!)} är ${K(a['above']!)} högre än riktlinjens nivå ${K(a['ceiling']!)} enligt ${a['basis']}; enligt riktlinjen bedömer handläggare om det överskjutande beloppet är skäligt.`,
  'costs.itemWithinGuideline': (a) => `${a['label']} ${K(a['amount']!)} godtas som ${a['term'] ?? 'livsföring i övrigt'}; villkoren i riktlinjen är uppfyllda (${a['referenceText']}), enligt ${a['basis']}.`,
  'costs.itemForAssessment': (a) => `${a['label']} ${K(a['amount']!)} prövas som ${a['term'] ?? 'livsföring i övrigt'} och ska bedömas av handläggare: ${itemUnmetSv(a)} (${a['basis']}).`,
  'costs.normSupplement': (a) => `${a['label']} ${K(a['amount']!)} kan motivera en högre norm av särskilda skäl; beloppet tas med i förslaget men ska bedömas av handläggare.`,
  'costs.ownCase': (a) => `${a['label']} ${K(a['amount']!)} gäller ${a['memberId']}, som är ett eget ärende, och ingår inte i detta hushålls beräkning.`,
  'costs.amountMissing': (a) => `${a['label']}: beloppet saknas och kostnaden kan inte prövas ännu.`,
  'costs.total': (a) => `Sökta kostnader ${K(a['claimed']!)}, godtagna ${K(a['accepted']!)}, avslagna ${K(a['refused']!)}.`,

  'income.counted': (a) => `${a['label']} för ${a['memberId']}, ${K(a['amount']!)}, räknas som inkomst krona för krona.`,
  'income.ownCase': (a) => `${a['label']} ${K(a['amount']!)} tillhör ${a['memberId']}, som är ett eget ärende, och räknas inte här.`,
  'income.amountMissing': (a) => `${a['label']} för ${a['memberId']}: beloppet saknas.`,
  'income.jobbstimulans': (a) => `${a['label']} för ${a['memberId']}, ${K(a['amount']!)}: jobbstimulans, ${a['percent']} % (${K(a['disregarded']!)}) räknas inte; ${K(a['counted']!)} räknas.`,
  'income.childEarningsExempt': (a) => `${a['label']} för ${a['memberId']}, ${K(a['amount']!)}: hemmavarande barns/skolungdoms egen arbetsinkomst räknas inte upp till ${K(a['limit']!)} per kalenderår ${a['year']} (${a['earlierKnown'] === 'yes' ? `tidigare i år ${K(a['earlier']!)}` : 'tidigare inkomster i år ej angivna'}).`,
  'income.childEarningsAboveLimit': (a) => a['policy'] === undefined
    ? `${a['label']} för ${a['memberId']}, ${K(a['amount']!)}: ${K(a['exempt']!)} ryms inom gränsen ${K(a['limit']!)} per kalenderår ${a['year']} (tidigare i år ${K(a['earlier']!)}); ${K(a['counted']!)} räknas.`
    : `${a['label']} för ${a['memberId']}, ${K(a['amount']!)}: ${K(a['exempt']!)} ryms inom gränsen ${K(a['limit']!)} per kalenderår ${a['year']} (${a['earlierKnown'] === 'yes' ? `tidigare i år ${K(a['earlier']!)}` : 'tidigare inkomster i år ej angivna'}). Inkomsten över gränsen, ${K(a['aboveLimit']!)}, får räknas men behöver inte räknas; ${a['policy'] === 'count' ? `kommunens riktlinje är att räkna den, och ${K(a['counted']!)} räknas, inom barnets egen andel av hushållets kostnader (${K(a['share']!)})` : 'kommunens riktlinje är att inte räkna den, och 0 kr räknas'}.`,
  'income.childEarningsAboveShare': (a) => `${a['label']} för ${a['memberId']}, ${K(a['amount']!)}: ${K(a['exempt']!)} ryms inom gränsen ${K(a['limit']!)} per kalenderår ${a['year']}. Inkomsten över gränsen, ${K(a['aboveLimit']!)}, får räknas och kommunens riktlinje är att räkna den, men ett barns inkomst räknas bara upp till barnets egen andel av hushållets kostnader (${K(a['share']!)}, varav ${K(a['shareLeft']!)} återstod): ${K(a['counted']!)} räknas. Resten är barnets; ett barn har ingen försörjningsplikt mot sina föräldrar.`,
  'income.childIncomeCounted': (a) => `${a['label']} för ${a['memberId']}, ${K(a['amount']!)}: barnets egen inkomst räknas upp till barnets egen andel av hushållets kostnader (${K(a['share']!)}: barnets norm och andel av gemensamma kostnader och boende); ${K(a['counted']!)} räknas.`,
  'income.childIncomeAboveShare': (a) => `${a['label']} för ${a['memberId']}, ${K(a['amount']!)}: barnets egen inkomst räknas bara upp till barnets egen andel av hushållets kostnader (${K(a['share']!)}, varav ${K(a['shareLeft']!)} återstod); ${K(a['counted']!)} räknas. Resten är barnets; ett barn har ingen försörjningsplikt mot sina föräldrar.`,
  // Kept for records written before issue 20 (a child's own means were capped at the child's norm only).
  'income.childMeansCounted': (a) => `${a['label']} för ${a['memberId']}, ${K(a['amount']!)}: barnets egna medel räknas upp till barnets norm ${K(a['norm']!)}.`,
  'income.childMeansAboveNorm': (a) => `${a['label']} för ${a['memberId']}, ${K(a['amount']!)}: barnets egna medel räknas bara upp till barnets norm; ${K(a['counted']!)} räknas.`,
  'income.jobbstimulansNotInForce': () => 'Jobbstimulans gällde inte under perioden (infördes 1 juli 2013).',
  'income.jobbstimulansWindow': (a) => `Jobbstimulans gäller: perioden ligger inom de ${a['duration']} månaderna ${a['start']}–${a['end']}.`,
  'income.jobbstimulansOutsideWindow': (a) => `Jobbstimulans gäller inte: perioden ligger utanför ${a['start']}–${a['end']}.`,
  'income.jobbstimulansUnknown': (a) => `Det är okänt hur många månader i följd hushållet haft försörjningsstöd; jobbstimulans (efter ${a['qualifying']} månader) kan inte bedömas och arbetsinkomsten räknas fullt ut tills vidare.`,
  'income.jobbstimulansNotYet': (a) => `Hushållet har haft försörjningsstöd ${countSv(a['months']!, 'månad', 'månader i följd')}; jobbstimulans gäller först efter ${a['qualifying']} månader.`,
  'income.jobbstimulansQualified': (a) => `Hushållet har haft försörjningsstöd ${a['months']} månader i följd (minst ${a['qualifying']}); jobbstimulans gäller under ${a['duration']} månader.`,
  'income.jobbstimulansPause': (a) => `Hushållet har haft försörjningsstöd ${a['months']} månader i följd; de ${a['duration']} månaderna med jobbstimulans har löpt ut och ${a['qualifying']} nya månader i följd krävs.`,
  'income.total': (a) => `Inkomster ${K(a['total']!)}, varav ${K(a['counted']!)} räknas och ${K(a['notCounted']!)} inte räknas.`,

  'assets.liquid': (a) => `${a['label']} ${K(a['amount']!)} är egna medel som ska användas före bistånd.`,
  'assets.nonLiquid': (a) => `${a['label']}${a['amount'] ? ` (${K(a['amount'])})` : ''} värderas inte av beräkningen; handläggaren bedömer om tillgången kan användas.`,
  'assets.ownCase': (a) => `${a['label']} tillhör ${a['memberId']}, som är ett eget ärende.`,
  'assets.amountMissing': (a) => `${a['label']}: beloppet saknas.`,
  'assets.available': (a) => `Egna medel ${K(a['liquid']!)} minus buffert ${K(a['buffer']!)} = ${K(a['available']!)} som ska användas före bistånd.`,

  'needs.schoolStatus': (a) => `${a['memberId']} är ${a['age']} år: uppgift saknas om hen går i grundskola eller gymnasium. Det avgör om hen ingår i hushållet (ungdomsnorm) eller är ett eget ärende.`,
  'needs.costAmount': (a) => `${a['label']}: kostnaden är sökt men beloppet saknas. Beloppet behövs (faktura, kvitto) innan förslaget kan räknas fram.`,
  'needs.incomeAmount': (a) => `${a['label']} för ${a['memberId']}: inkomsten finns men beloppet saknas. Beloppet behövs innan förslaget kan räknas fram.`,
  'needs.assetAmount': (a) => `${a['label']}: tillgången finns men beloppet saknas. Beloppet behövs innan förslaget kan räknas fram.`,
  'needs.childEarningsYearToDate': (a) => `${a['memberId']}: tidigare arbetsinkomster i år är inte angivna; beräkningen utgår från att gränsen ${K(a['limit']!)} inte är förbrukad. Kontrollera.`,
  'needs.LABOUR_MARKET_STATUS_UNKNOWN': (a) => `Det är inte angivet om ${whoSv(a)} står till arbetsmarknadens förfogande eller har godtagbara skäl. Förslaget förutsätter att villkoret är uppfyllt; kontrollera.`,
  'needs.JOBBSTIMULANS_UNKNOWN': () => 'Antal månader i följd med försörjningsstöd saknas; jobbstimulans kan inte bedömas och arbetsinkomsten har räknats fullt ut.',

  'conditions.fired': (a) => `Villkoret ${condition(a['name'])} är uppfyllt.`,
  'conditions.notFired': (a) => `Villkoret ${condition(a['name'])} är inte uppfyllt.`,

  'decision.need': (a) => `Behov: riksnorm ${K(a['norm']!)} + godtagna kostnader ${K(a['costs']!)} = ${K(a['need']!)}.`,
  'decision.deficit': (a) => `Behov ${K(a['need']!)} − inkomster som räknas ${K(a['income']!)} = ${K(a['deficit']!)}.`,
  'decision.outcome.approve': () => 'Förslag: bifall. Hela det sökta behovet godtas.',
  'decision.outcome.partial': () => 'Förslag: delvis bifall. En del av det sökta godtas inte.',
  'decision.outcome.deny': (a) => `Förslag: avslag${a['deniedFor'] ? ` (${lowSv(labelOf(String(a['deniedFor'])) ?? 'se skälen')})` : ''}.`,
  'decision.outcome.needs-information': () => 'Inget belopp kan föreslås: uppgifter saknas.',
  'decision.payable': (a) => `Att betala: ${K(a['deficit']!)} − egna medel ${K(a['assets']!)} = ${K(a['payable']!)}, aldrig under 0 kr.`,

  'reason.RIGHT_TO_ASSISTANCE': (a) => `Hushållet kan inte själv tillgodose sina behov för ${monthSv(String(a['period']))}; försörjningsstöd beviljas med ${K(a['payable']!)}.`,
  // Kept for records written before issue 20 (the engine no longer refuses on the labour-market condition).
  'reason.NOT_AT_LABOUR_MARKET_DISPOSAL': () => 'Den sökande kan arbeta men står inte till arbetsmarknadens förfogande och har inte angett godtagbara skäl. Rätt till försörjningsstöd saknas därför.',
  'reason.INCOME_COVERS_NEED': (a) => `Hushållet kan själv tillgodose sina behov: de inkomster som räknas (${K(a['income']!)}) täcker behovet (${K(a['need']!)}).${nonZero(a['childIncome']) ? ` I inkomsterna ingår barnens egna inkomster med ${K(a['childIncome']!)}, för varje barn bara upp till barnets egen andel av hushållets kostnader.` : ''}${nonZero(a['childEarningsAboveLimit']) ? ` Av dem är ${K(a['childEarningsAboveLimit']!)} arbetsinkomst över ett prisbasbelopp per år, som nämnden får räkna men inte måste; kommunens riktlinje är att räkna den.` : ''}`,
  'reason.ASSETS_COVER_NEED': (a) => a['buffer'] === undefined
    ? `Hushållet har egna medel (${K(a['available']!)} över bufferten) som täcker underskottet ${K(a['deficit']!)}. Medlen ska användas före bistånd.`
    : `Hushållet kan själv tillgodose sina behov med egna medel: ${K(a['available']!)} över kommunens buffert på ${K(a['buffer']!)} täcker underskottet ${K(a['deficit']!)}.`,
  'reason.OWN_MEANS_USED': (a) => `Hushållet har egna medel som ska användas först: ${K(a['used']!)} över kommunens buffert på ${K(a['buffer']!)} räknas av från underskottet ${K(a['deficit']!)}, på samma sätt som en inkomst.`,


  'flag.CHILD_AFFECTED_BY_REFUSAL': () => 'Barn berörs av ett avslag eller delavslag: barnets bästa ska prövas och dokumenteras innan beslut.',
  'flag.RENT_ABOVE_CEILING': (a) =>
    a['stage'] === 'not-notified'
      ? `Hyran är ${K(a['above']!)} högre än den skäliga nivån ${K(a['ceiling']!)}, men hushållet har inte fått besked om det: hela hyran godtas. Ge besked om den skäliga nivån och om rådrum (${a['months']} månader enligt kommunens riktlinje) och ange beskedets datum.`
      : a['stage'] === 'radrum' || a['stage'] === 'radrum-ends'
        ? `Hyran är ${K(a['above']!)} högre än den skäliga nivån ${K(a['ceiling']!)}. Hushållet fick besked ${dateSv(String(a['notifiedOn']))}; rådrummet löper ut ${dateSv(String(a['endsOn']))}. Till dess godtas hela hyran; från och med ${monthSv(String(a['cutFrom']))} avslås den överskjutande delen.`
        : a['stage'] === 'after'
          ? `Hyran är högre än den skäliga nivån och rådrummet har löpt ut (${dateSv(String(a['endsOn']))}): den överskjutande delen avslås. Kontrollera att nivån gäller hushållet och om hushållet aktivt har sökt billigare boende (då kan rådrummet förlängas).`
          : 'Boendekostnaden är högre än den skäliga nivån: kontrollera att rådrum har getts och att nivån gäller hushållet.',
  'flag.RENT_RADRUM_ENDS': (a) => `Rådrummet för hyran löper ut ${dateSv(String(a['endsOn']))}: detta är sista månaden hela hyran godtas. Från och med ${monthSv(String(a['cutFrom']))} avslås ${K(a['above']!)} per månad om inte rådrummet förlängs; pröva om hushållet aktivt har sökt billigare boende och hur ett avslag påverkar barnen.`,
  'flag.SHARED_HOUSING_COST': (a) => `Bostaden delas med ${othersSv(a['others'])} och bär sin andel av boendekostnaden, ${K(a['othersShare']!)}, fördelat lika ${a['policy'] === 'per-adult' ? 'per vuxen' : 'per person'} enligt kommunens riktlinje: kontrollera att det stämmer med hur kostnaderna faktiskt delas.`,
  'flag.CHILD_EARNINGS_ABOVE_LIMIT': (a) => `Ett barns eller en skolungdoms arbetsinkomst över ett prisbasbelopp per år räknas med ${K(a['counted']!)}. Lagen säger att den får räknas, inte att den ska: pröva om den ska räknas i detta fall. Den räknas aldrig över barnets egen andel av hushållets kostnader.`,
  'flag.RENT_ARREARS': () => 'Hushållet har hyresskuld: risk för vräkning, pröva bistånd till skulden och kontakt med hyresvärd.',
  'flag.COST_NEEDS_ASSESSMENT': (a) => `Kostnader utanför försörjningsstödet (${a['term'] ?? 'livsföring i övrigt'}) är sökta och ska prövas en och en av handläggare.`,
  'flag.ASSETS_ABOVE_BUFFER': () => 'Hushållet har egna medel över bufferten. De används först och har räknats av från biståndet, krona för krona: kontrollera att pengarna finns och går att använda nu.',
  'flag.NON_LIQUID_ASSETS': () => 'Hushållet har tillgångar som inte är pengar (t.ex. bil, bostad): handläggaren bedömer om de kan användas eller säljas.',
  'flag.OTHER_ADULT_IN_HOUSEHOLD': () => 'En vuxen som inte är sambo bor i hushållet: den personen är ett eget ärende, med egen norm och egen andel av de gemensamma kostnaderna och boendet.',
  'flag.APPLICANT_UNDER_18': () => 'Den sökande är under 18 år: föräldrarnas försörjningsplikt ska utredas.',
  'flag.LONG_TERM_ASSISTANCE': () => 'Hushållet har långvarigt bistånd (10 månader eller mer): planen för självförsörjning ska följas upp.',
  'flag.CHILD_ALLOWANCE_MISMATCH': (a) => `Redovisat barnbidrag${a['reported'] !== undefined ? ` (${K(a['reported'])})` : ''} stämmer inte med förväntat barnbidrag och flerbarnstillägg${a['expected'] !== undefined ? ` (${K(a['expected'])})` : ''}: kontrollera.`,
  'flag.NORM_ESTIMATE_USED': () => 'Minst ett normbelopp för perioden är en uppskattning (ej verifierat mot SFS): kontrollera mot gällande förordning.',
  // Kept for records written before issue 20 (the partner now goes through the same rule as the applicant).
  'flag.PARTNER_NOT_AT_LABOUR_MARKET_DISPOSAL': () => 'Den sökandes make/maka/sambo står inte till arbetsmarknadens förfogande och har inte angett godtagbara skäl: pröva om biståndet ska sättas ned.',
  'flag.NOT_AT_LABOUR_MARKET_DISPOSAL': (a) => `${a['memberId']} står inte till arbetsmarknadens förfogande och har inte angett något skäl. Villkoret gäller den som kan arbeta och bara försörjningsstödet, så beräkningen avslår inte. En handläggare prövar och väljer: hela beloppet ${K(a['full']!)}; utan ${genSv(a)} del (${K(a['adultPart']!)}): ${K(a['withoutAdultPart']!)}, där barnens del ${K(a['childrenPart']!)} alltid ingår; eller en nedsättning däremellan.`,
  'flag.NOT_AT_LABOUR_MARKET_DISPOSAL_UNKNOWN_AMOUNT': (a) => `${a['memberId']} står inte till arbetsmarknadens förfogande och har inte angett något skäl: en handläggare prövar det. Beloppen att välja mellan räknas fram när de uppgifter som saknas finns.`,
  'flag.NOT_AT_LABOUR_MARKET_DISPOSAL_NO_AID': (a) => `${a['memberId']} står inte till arbetsmarknadens förfogande och har inte angett något skäl; inget bistånd betalas ändå ut denna månad, men det ska dokumenteras.`,
  'flag.LABOUR_MARKET_REASON_TO_ASSESS': (a) => `${a['memberId']} står inte till arbetsmarknadens förfogande och anger som skäl ${reasonSv(a)}. Om skälet är godtagbart bedömer en handläggare; förslaget räknar med det tills dess.${a['full'] !== undefined ? ` Godtas det inte: ${K(a['withoutAdultPart']!)} utan ${genSv(a)} del (barnens del ${K(a['childrenPart']!)} ingår alltid).` : ''}`,
  'needs.labourMarketDecision': (a) => `En handläggare ska pröva rätten till försörjningsstöd för ${a['memberId']}, som inte står till arbetsmarknadens förfogande och inte har angett något skäl, och välja belopp: hela beloppet ${K(a['full']!)}, utan ${genSv(a)} del ${K(a['withoutAdultPart']!)} (barnens del ingår alltid) eller en nedsättning däremellan.`,
  'needs.labourMarketDecisionUnknownAmount': (a) => `En handläggare ska pröva rätten till försörjningsstöd för ${a['memberId']}, som inte står till arbetsmarknadens förfogande och inte har angett något skäl.`,
  'needs.rentCeilingBasis': (a) => `Ange vad den skäliga boendekostnaden ${K(a['ceiling']!)} bygger på (kommunens riktlinjer eller handläggarens bedömning): ett avslag på den överskjutande hyran ska motiveras med det.`,

  'child.summary': (a) => `${String(a['memberId']).includes(`${a['age']} år`) ? a['memberId'] : `${a['memberId']}, ${a['age']} år`}, ${residenceSv(a['residence']!, a['days']!, a['daysInMonth']!)}; barnets normbelopp ${K(a['norm']!)}.`,
  'child.effect': (a) => `För ${a['memberId']} motsvarar avslaget ${K(a['share']!)} av hushållets ${K(a['effect']!)}.`,
  'child.needsCoveredByIncome': (a) => `${a['memberId']}: barnets behov enligt riksnormen täcks av hushållets inkomster.`,
  'child.refusalNote': (a) => `Avslaget/delavslaget innebär ${K(a['effect']!)} mindre för hushållet denna månad än om allt sökt beviljats. Barnets bästa ska vägas in och dokumenteras innan beslut.`,
  'child.noRefusalNote': () => 'Förslaget innebär inget avslag som påverkar barnen.',
  'child.nothingDecidedNote': () => 'Förslaget är inte färdigt och inget bistånd är beviljat ännu. Barnets bästa ska vägas in när beslutet fattas.',
  'child.promptAffected': (a) => `${withAge(a['memberId'], `${a['age']} år`)}, ${residenceSv(a['residence']!, a['days']!, a['daysInMonth']!)}`,
  'child.promptRentRefused': (a) => `Hyran sänks till skälig nivå${a['ceiling'] ? ` (${K(a['ceiling'])})` : ''}; ${K(a['refused']!)} avslås. Risk för flytt och byte av skola.`,
  'child.promptRentArrears': (a) => `Hyresskuld ${K(a['arrears']!)}: risk för vräkning.`,
  'child.promptRentAccepted': (a) => `Hyran är ${K(a['above']!)} över den skäliga nivån men godtas ${a['cutFrom'] ? `under rådrummet; från och med ${monthSv(String(a['cutFrom']))} kan den överskjutande delen avslås` : 'tills hushållet har fått besked och haft rådrum'}. Risk för flytt och byte av skola.`,
  'child.promptSharedHome': (a) => `Bostaden delas med ${othersSv(a['others'])}. ${Number(a['others']) === 1 ? 'Den personens' : 'Deras'} del av boendekostnaden är ${K(a['share']!)}.`,
  'child.promptHousingOk': () => 'Boendekostnaden godtas; uppgift om hyresskuld saknas.',
  'child.promptPartTime': (a) => `${a['memberId']} bor här ${a['days']} av ${a['daysInMonth']} dagar`,
  'child.promptConsequence': (a) => `${a['memberId']}: ${K(a['share']!)}`,
  'child.promptCost': (a) => `${a['label']}${a['memberId'] ? ` (${a['memberId']})` : ''}: sökt ${a['claimed'] === '' ? 'belopp saknas' : a['claimed']} kr, godtaget ${a['accepted'] === '' ? '–' : a['accepted']} kr`,
  'child.promptMonthsUnknown': () => 'Antal månader med bistånd är inte angivet.',
  'child.promptMonths': (a) => `${countSv(a['months']!, 'månad', 'månader i följd')} med försörjningsstöd${a['longTerm'] === 'yes' ? ` (långvarigt, ${a['threshold']} månader eller mer)` : ''}.`,
  'child.traceRefusal': (a) => `${a['count']} barn berörs av avslaget (${K(a['effect']!)}); barnkonsekvens ska bedömas av handläggare.`,
  'child.traceNoRefusal': (a) => `${a['count']} barn i hushållet; förslaget innebär inget avslag.`,
  'child.traceUndecided': (a) => `${a['count']} barn i hushållet; förslaget är inte färdigt och inget är beviljat ännu.`,

  'alt.longerRadrum': (a) => `Pröva längre rådrum eller bistånd till faktisk hyra en tid med hänsyn till barnens boende och skola (skillnad ${K(a['refused']!)} per månad).`,
  'alt.housingSupport': () => 'Stöd att söka billigare bostad eller kontakt med hyresvärden.',
  // Kept for records written before issue 20.
  'alt.childrenPart': (a) => `Pröva att bevilja barnens del trots avslaget för den vuxne: barnens normbelopp och andel av gemensamma kostnader och boende ${K(a['need']!)} minus barnbidrag, underhåll och barnens egna inkomster ${K(a['income']!)} = ${K(a['part']!)}.`,
  'alt.planLabourMarket': (a) => `Upprätta en planering så att ${whoSv(a)} kan stå till arbetsmarknadens förfogande (t.ex. inskrivning på Arbetsförmedlingen).`,
  'alt.labourMarketRefuseAdultPart': (a) => `Avslå ${genSv(a)} del (${K(a['adultPart']!)}) och bevilja resten, där barnens del ${K(a['childrenPart']!)} ingår: ${K(a['withoutAdultPart']!)}.`,
  'alt.labourMarketRefuseAdultsParts': (a) => `Avslå de vuxnas delar (${a['memberId']}: ${K(a['adultPart']!)}) och bevilja resten, där barnens del ${K(a['childrenPart']!)} ingår: ${K(a['withoutAdultPart']!)}.`,
  'alt.labourMarketReduce': (a) => `Sätt ned biståndet med ett belopp som handläggaren bestämmer och motiverar, mellan ${K(a['withoutAdultPart']!)} och ${K(a['full']!)}.`,
  'alt.labourMarketReasonAccepted': (a) => `Om ${a['memberId']} står till arbetsmarknadens förfogande eller har godtagbara skäl: hela beloppet ${K(a['full']!)}.`,
  'alt.planAssets': () => 'Gör upp en plan för hur tillgångarna används; ny ansökan kan prövas när de är förbrukade.',
  'alt.budgetAdvice': () => 'Erbjud budget- och skuldrådgivning.',
  'alt.childItems': (a) => `Pröva om barnrelaterade kostnader (fritid, skola, hälsa) ska beviljas som ${a['term'] ?? 'livsföring i övrigt'}.`,

  // Issue 13 (robust): sanity rules on roles and ages (rules/conditions/).
  'needs.MINOR_APPLICANT_REASON_MISSING': () => 'Den sökande är under 18 år och skälet till att hen söker själv är inte angivet (minorApplicantReason, t.ex. gift, eget barn, föräldrarna avlidna). Föräldrarna har försörjningsplikt; skälet behövs innan förslaget kan räknas fram.',
  'flag.PARTNER_UNDER_18': () => 'Partnern är under 18 år: kontrollera att uppgiften om samboförhållandet stämmer och utred föräldrarnas försörjningsplikt.',
  'flag.CHILD_OVER_20': () => 'En medlem med rollen barn är äldre än 20 år och räknas som ett eget ärende: kontrollera födelsedatum och roll (annan vuxen?).',
  'flag.BORN_DURING_PERIOD': () => 'Ett barn är fött under månaden men har fått norm för hela månaden: pröva från vilken dag behovet finns.',

  // The law in force (issue 15): pending rules, the 2027 conditions.
  'needs.rulesPending': (a) => `Reglerna för ${monthSv(String(a['period']))} är inte publicerade: ${a['rule']} saknas.`,
  'rules.pending': (a) => `Regeln är beslutad men inte publicerad och har inte lästs in: ${a['rule']}. Månaden ${monthSv(String(a['period']))} kan inte beräknas.`,
  'flag.SUBLET_WITHOUT_CONSENT': () => 'Hyran gäller en andrahandsuthyrning utan visat samtycke eller tillstånd: boendekostnaden godtas som huvudregel inte (från 2027).',
  'flag.NOT_LAWFULLY_RESIDENT': () => 'En medlem vistas inte lagligen i Sverige: endast nödbistånd i akut situation kan prövas (från 2027).',

  // Aktivitetskrav and läkarintyg (from 2026-07-01; issue 15).
  'activity.notYet': (a) => `${a['memberId']}: aktivitetskravet gäller efter ${a['qualifying']} månader i följd med försörjningsstöd; hushållet har ${a['months']}.`,
  'activity.exempt': (a) => `${a['memberId']}: undantagen från aktivitetskravet (${a['exemption']}).`,
  'activity.participating': (a) => `${a['memberId']}: deltar i anvisad aktivitet.`,
  'activity.required': (a) => `${a['memberId']}: omfattas av aktivitetskravet; inget avböjande är registrerat.`,
  'activity.declinedWithReason': (a) => `${a['memberId']}: har avböjt anvisad aktivitet och angett skäl: ${a['reason']}.`,
  'activity.declined': (a) => `${a['memberId']}: har avböjt anvisad aktivitet utan godtagbart skäl.`,
  'needs.activityStatus': (a) => `${a['memberId']}: ange om personen omfattas av aktivitetskravet (krävs, undantagen, deltar eller avböjt), eftersom hushållet haft försörjningsstöd minst ${a['qualifying']} månader i följd eller antalet månader inte är angivet.`,
  'needs.activityDecision': (a) => `En handläggare ska besluta om fortsatt försörjningsstöd ska vägras eller sättas ned för ${a['memberId']}, som avböjt anvisad aktivitet utan godtagbart skäl (fullt belopp ${K(a['full']!)}, utan den vuxnes del ${K(a['withoutAdultPart']!)}).`,
  'flag.ACTIVITY_DECLINED': (a) => `${a['memberId'] ?? 'En vuxen'} har avböjt anvisad aktivitet utan godtagbart skäl; inget bistånd betalas ändå ut denna månad, men avböjandet ska dokumenteras.`,
  'flag.ACTIVITY_DECLINED_BLOCK': (a) => `${a['memberId']} har avböjt anvisad aktivitet utan godtagbart skäl: nämnden ska vägra eller sätta ned fortsatt försörjningsstöd. Lagen anger inget belopp, så en handläggare väljer: hela beloppet ${K(a['full']!)}; utan den vuxnes del (${K(a['adultPart']!)}) ${K(a['withoutAdultPart']!)}, där barnens del ${K(a['childrenPart']!)} alltid ingår.`,
  'flag.ACTIVITY_DECLINED_WITH_REASON': (a) => `${a['memberId'] ?? 'En vuxen'} har avböjt anvisad aktivitet med skälet "${a['reason'] ?? ''}": pröva om skälet är godtagbart; annars ska fortsatt försörjningsstöd vägras eller sättas ned.`,
  'alt.activityRefuseAdultPart': (a) => `Vägra ${genSv(a)} del (${K(a['adultPart']!)}) och behåll barnens del: ${K(a['withoutAdultPart']!)}.`,
  'alt.activityReduce': (a) => `Sätt ned biståndet med ett belopp som handläggaren bestämmer och motiverar, mellan ${K(a['withoutAdultPart']!)} och ${K(a['full']!)}.`,
  'alt.activityReasonAccepted': (a) => `Om skälet för att avböja bedöms som godtagbart: fullt belopp ${K(a['full']!)}.`,
  'child.sanctionPendingNote': () => 'Om biståndet vägras eller sätts ned påverkas barnen. Barnets bästa ska vägas in och dokumenteras innan beslut; barnens del ingår i alla alternativ nedan.',
  'medical.notNeeded': (a) => `${a['memberId']}: sjuk i ${a['days']} dagar${a['until'] ? ` räknat till ${dateSv(String(a['until']))}` : ''}; läkarintyg krävs efter ${a['threshold']} dagar (gränsen är inte bekräftad i lagtexten).`,
  'medical.given': (a) => `${a['memberId']}: läkarintyg har lämnats in.`,
  'medical.missing': (a) => `${a['memberId']}: står inte till arbetsmarknadens förfogande på grund av sjukdom och har inte lämnat läkarintyg.`,
  'needs.medicalCertificate': (a) => `Läkarintyg för ${a['memberId']}, som på grund av sjukdom inte står till arbetsmarknadens förfogande${a['days'] !== '' ? ` (sjuk i ${a['days']} dagar)` : ''}.`,

  // Agency income data (SSBTEK)
  'agency.item': (a) => `${benefitOf(a)} från ${agSv(a['agency'])}, ${whenSv(a)}${a['paymentRef'] ? ` (${a['paymentRef']})` : ''}: ${innerText('sv', a)}`,
  'agency.answer.answered': (a) => `${agSv(a['agency'])} har svarat om ${a['memberId']}.`,
  'agency.answer.nothing': (a) => `${agSv(a['agency'])} har svarat att det inte finns några utbetalningar till ${a['memberId']}.`,
  'agency.answer.unverifiable': (a) => `${agSv(a['agency'])}s svar om ${a['memberId']} kunde inte kontrolleras; handläggaren bedömer.`,
  'agency.answer.failed': (a) => `${agSv(a['agency'])} svarade inte om ${a['memberId']}; inkomster därifrån är okända, inte noll.`,
  'agency.month.control': (a) => `${paymentSv(a)}: hör till ${monthSv(String(a['month']))}, månaden före ansökningsmånaden ${monthSv(String(a['period']))}, och prövas denna månad.`,
  'agency.month.fallback': (a) => `${paymentSv(a)}: hör till ${monthSv(String(a['month']))}; samma förmån har ingen utbetalning i ${monthSv(String(a['m1']))}, så denna utbetalning prövas för ${monthSv(String(a['period']))}.`,
  'agency.month.superseded': (a) => `${paymentSv(a)}: hör till ${monthSv(String(a['month']))}; samma förmån har en utbetalning i ${monthSv(String(a['m1']))} som används, så denna räknas inte denna månad.`,
  'agency.month.outside': (a) => `${paymentSv(a)}: hör till ${monthSv(String(a['month']))}, utanför ${monthSv(String(a['m2']))}–${monthSv(String(a['m1']))}, och räknas inte för ${monthSv(String(a['period']))}.`,
  'agency.classify.count': (a) => (a['matched'] ? `${a['benefit']} från ${agSv(a['agency'])}: förmånen ${a['matched']} räknas som ${lowSv(a['label'])}.` : `${benefitOf(a)} från ${agSv(a['agency'])} räknas som ${lowSv(a['label'])}.`),
  'agency.classify.exclude': (a) => `${paymentSv(a)}, räknas inte: ${a['reasonSv']}.`,
  'agency.classify.review': (a) => `${paymentSv(a)}, räknas inte i förslaget: ${a['reasonSv']}. Handläggaren bedömer den innan beslut.`,
  'agency.classify.unknown': (a) => `${paymentSv(a)}: förmånen finns inte i reglerna för myndighetsuppgifter. Den räknas inte i förslaget; handläggaren ska bedöma den innan beslut.`,
  'agency.classify.family': (a) => `${paymentSv(a)}: ${agSv(a['agency'])} anger förmånsfamiljen ${a['family']} men ingen förmån som reglerna känner igen. Den räknas inte i förslaget; handläggaren ska bedöma vilken förmån det är${a['likely'] ? ` (troligen ${lowSv(a['likely'])})` : ''}.`,
  'agency.classify.personCount': (a) => `${paymentSv(a)}: handläggaren har bedömt att den räknas som ${lowSv(a['label'])}${a['reason'] ? ` (${a['reason']})` : ''}.`,
  'agency.classify.personExclude': (a) => `${paymentSv(a)}: handläggaren har bedömt att den inte räknas som inkomst: ${a['reason']}.`,
  'agency.reconcile.same': (a) => `${a['label']} för ${a['memberId']}: ansökan${a['declared'] ? ` (${K(a['declared'])})` : ''} och ${agSv(a['agency'])} (${K(a['registered']!)}) gäller samma inkomst; den räknas en gång, med det registrerade beloppet.`,
  'agency.reconcile.differs': (a) => `${a['label']} för ${a['memberId']}: ansökan anger ${K(a['declared']!)} men ${agSv(a['agency'])} har registrerat ${K(a['registered']!)}. Det registrerade beloppet räknas, en gång.`,
  'income.replacedByRegistered': (a) => `${a['label']} för ${a['memberId']} enligt ansökan${a['amount'] ? `, ${K(a['amount'])}` : ''}: räknas inte här, eftersom samma inkomst är registrerad hos ${agSv(a['agency'])} och räknas därifrån.`,
  'needs.agencyAnswer': (a) => `${agSv(a['agency'])} har inte svarat om ${a['memberId']}. Förslaget är beräknat på de uppgifter som finns; uppgiften behövs för att kontrollera det före beslut (en utebliven uppgift är inte noll kronor).`,
  'flag.AGENCY_ANSWER_MISSING': (a) => (a['status'] === 'failed' ? `${agSv(a['agency'])} svarade inte om ${a['memberId']}: inkomster därifrån är okända, inte noll. Förslaget är beräknat på de uppgifter som finns och ska kontrolleras av en handläggare före beslut: fråga igen eller begär uppgiften.` : `${agSv(a['agency'])}s svar om ${a['memberId']} kunde inte kontrolleras: förslaget är beräknat på de uppgifter som finns; bedöm före beslut om inkomster saknas i underlaget.`),
  'flag.UNHANDLED_INCOME': (a) => `Ej bedömd inkomst: ${paymentSv(a)}, finns inte i reglerna och räknas inte i förslaget.${altSv(a)} Handläggaren ska bedöma den; beslut kan inte skickas innan dess.`,
  'flag.UNHANDLED_INCOME_FAMILY': (a) => `Ej bedömd inkomst: ${paymentSv(a)}. ${agSv(a['agency'])} anger bara förmånsfamiljen ${a['family']}, ingen förmån som reglerna känner igen, så den räknas inte i förslaget.${altSv(a)} Handläggaren ska bedöma vilken förmån det är; beslut kan inte skickas innan dess.`,
  'flag.REGISTERED_INCOME_TO_ASSESS': (a) => `${paymentSv(a)}: ${a['reasonSv']}.${altSv(a)} Beslut kan inte skickas förrän handläggaren har bedömt den.`,
  'unassessed.line': (a) => `Ej bedömd: ${benefitOf(a)} från ${agSv(a['agency'])}, ${whenSv(a)}, ${K(a['net']!)}. Ingår inte i beloppet ovan.${a['counted'] !== '' ? ` Räknas den som ${lowSv(a['likely'])} blir att betala ${K(a['counted']!)}.` : ''}`,
  'unassessed.blocked': (a) => `Förslaget kan inte skickas som beslut förrän handläggaren har bedömt ${Number(a['count']) === 1 ? 'utbetalningen' : 'utbetalningarna'} som inte är ${Number(a['count']) === 1 ? 'bedömd' : 'bedömda'}.`,
  'unassessed.label': (a) => `Ej bedömd: ${a['benefit']}`,
  'unassessed.note': (a) => `räknas inte${a['counted'] !== '' ? `; som ${lowSv(a['likely'])}: att betala ${K(a['counted']!)}` : ''}`,
  'unassessed.excludedByPerson': (a) => `${benefitOf(a)} från ${agSv(a['agency'])} (${K(a['net']!)}) räknas inte: ${a['reason']}.`,
  'agency.alternative': (a) => `${benefitOf(a)} från ${agSv(a['agency'])} till ${a['memberId']}, ${K(a['net']!)}, är inte bedömd och räknas inte: att betala ${K(a['notCounted']!)}. Räknas den som ${lowSv(a['likely'])}: att betala ${K(a['counted']!)}.`,
  'flag.INCOME_FROM_EARLIER_MONTH': (a) => `${paymentSv(a)}, räknas fast den hör till ${monthSv(String(a['month']))}: ingen utbetalning av förmånen fanns i ${monthSv(String(a['m1']))}. Kontrollera att den inte räknades förra månaden.`,
  'flag.DECLARED_DIFFERS_FROM_REGISTERED': (a) => `${a['label']} för ${a['memberId']}: ansökan anger ${K(a['declared']!)}, ${agSv(a['agency'])} har registrerat ${K(a['registered']!)}. Det registrerade beloppet räknas; kontrollera skillnaden.`,

  // compare: steps and reasons that only an overlay (a proposed reform, docs/compare.md) adds.
  'compare.aidCap': (a) => `Tak för biståndet enligt förslaget ${a['overlay']}: högst ${K(a['cap']!)} för ett hushåll med ${a['size']} personer. Beräknat ${K(a['payable']!)}, att betala ${K(a['capped']!)}.`,
  'reason.AID_CAP': (a) => `Enligt förslaget ${a['overlay']} betalas högst ${K(a['cap']!)} per månad till hushållet; ${K(a['cut']!)} av det beräknade behovet betalas inte.`,

  // --- monthly återansökan (src/monthly): comparison with last month, routing, handling time ---
  'monthly.previousFound': (a) => `Föregående beslut för ärendet: ${a['decisionId']} (${monthSv(String(a['period']))}).`,
  'monthly.previous': (a) => `Inget registrerat beslut för ärendet ${a['subject']} för ${monthSv(String(a['period']))}: ansökan kan inte jämföras med föregående månad.`,
  'monthly.member': (a) =>
    a['code'] === 'MEMBER_ADDED' ? `${a['subject']} har tillkommit i hushållet (${roleSv(a['current'])}).` : a['code'] === 'MEMBER_GONE' ? `${a['subject']} (${roleSv(a['previous'])}) finns inte längre i hushållet.` : `${a['subject']} (${roleSv(a['current'])}) finns i hushållet båda månaderna.`,
  'monthly.ageBand': (a) => (a['code'] ? `${a['subject']} har bytt åldersgrupp i riksnormen: ${String(a['previous'] || '–').replace('-', '–')} år förra månaden, ${String(a['current'] || '–').replace('-', '–')} år nu.` : `${a['subject']}: samma åldersgrupp som förra månaden (${String(a['current']).replace('-', '–')} år).`),
  'monthly.cost': (a) => (a['code'] ? `${a['label']}: ${a['previous'] === '' ? 'fanns inte' : K(a['previous']!)} förra månaden, ${a['current'] === '' ? 'finns inte' : K(a['current']!)} nu – kostnaden har ändrats.` : `${a['label']}: oförändrad ${K(a['current']!)}.`),
  'monthly.declaredIncome': (a) =>
    a['code'] === 'DECLARED_INCOME_MISSING' ? `${a['member']}: ${a['label']} redovisades förra månaden (${K(a['previous']!)}) men saknas nu i ansökan.` : a['code'] ? `${a['member']}: ${a['label']} ${a['previous'] === '' ? 'fanns inte' : K(a['previous']!)} förra månaden, ${K(a['current']!)} nu – den redovisade inkomsten har ändrats.` : `${a['member']}: ${a['label']} oförändrad ${K(a['current']!)}.`,
  'monthly.registeredIncome': (a) =>
    a['code'] ? `${a['member']}: ${a['label']} räknades förra månaden (${K(a['previous']!)}) men finns inte i myndigheternas uppgifter nu.` : `${a['member']}: ${a['label']} räknades förra månaden och finns i myndigheternas uppgifter även nu.`,
  'monthly.incomeType': (a) =>
    a['code'] === 'NEW_INCOME'
      ? `${a['member']}: ${lowSv(a['label'])} räknas denna månad (${K(a['current']!)}) men fanns inte i förra månadens beslut – en ny inkomst.`
      : a['current'] === ''
        ? `${a['member']}: ${lowSv(a['label'])} räknades förra månaden (${K(a['previous']!)}) men räknas inte denna månad${a['code'] ? ', fast myndigheten fortfarande har utbetalningar av förmånen – kontrollera varför' : ''}.`
        : `${a['member']}: ${lowSv(a['label'])} ${K(a['previous']!)} förra månaden, ${K(a['current']!)} nu${a['change'] !== '' ? ` (${Number(a['change']) > 0 ? '+' : ''}${a['change']} %)` : ''}; gräns ${a['threshold']}${a['code'] ? ' – ändringen ska bedömas' : ''}.`,
  'monthly.dayCheck': (a) =>
    a['previous'] === ''
      ? `${a['member']}: ${a['label']}: antal dagar eller perioden saknas i myndighetens uppgifter, så dagarna kan inte kontrolleras mot arbetsdagarna.`
      : `${a['member']}: ${a['label']} för ${dateSv(String(a['from']))}–${dateSv(String(a['to']))}: ${a['current']} dagar betalda, ${a['previous']} arbetsdagar i perioden${a['code'] ? ' – färre dagar än arbetsdagar: kontrollera frånvaro, sanktion eller en utbetalning som saknas' : ''}.`,
  'monthly.studySupport': (a) =>
    a['code']
      ? `${a['member']}: studiehjälp betalades ut i juni (${a['previous']}) men ingen utbetalning finns för september – kontrollera om ungdomen fortfarande studerar och ska ha studiehjälp.`
      : a['previous'] === ''
        ? `${a['member']}: ingen studiehjälp utbetald i juni i uppgifterna; inget att kontrollera.`
        : `${a['member']}: studiehjälp i juni och i september.`,
  'monthly.route.ready': (a) => `Inget att bedöma, inget saknas och inget har ändrats utöver trösklarna: förslaget är ${a['mode'] === 'automatic' ? 'klart för automatiserat beslut' : 'klart att besluta (rekommendation; en handläggare beslutar)'}.`,
  'monthly.route.caseworker': (a) => `Till handläggare: ${String(a['reasons']).split(/,\s*/).map(routeReasonSv).join('; ')}.`,
  'monthly.dueOn': (a) => `Ansökan kom in ${a['receivedOn']}; ${a['days']} arbetsdagar räknat med ankomstdagen ger senast ${a['dueOn']}${a['skipped'] !== '' ? ` (ej arbetsdagar: ${a['skipped']})` : ''}.`,
  'monthly.dueOnUnknown': () => 'Ankomstdagen saknas: sista handläggningsdag kan inte beräknas.',
  'monthly.automated': (a) => `Beslutet fattas automatiskt (${a['ref']}) enligt nämndens delegationsbeslut: ${a['delegation']}.`,
};

export const en: Catalogue = {
  'norm.single': (a) => `${a['memberId']}: personal costs for a single adult ${E(a['amount']!)}.`,
  'norm.cohabiting': (a) => `${a['memberId']}: personal costs for cohabiting partners are ${E(a['joint']!)} together; half, ${E(a['amount']!)}, is shown here.`,
  'norm.child': (a) => `${a['memberId']} (${a['age']} years, age band ${a['band']}): personal costs ${E(a['amount']!)}.`,
  'norm.childWithoutLunch': (a) => `${a['memberId']} (${a['age']} years, age band ${a['band']}) eats lunch at preschool: the "without lunch" amount ${E(a['amount']!)}.`,
  'norm.childPartMonth': (a) => `${a['memberId']} (${a['age']} years, age band ${a['band']}) lives here ${a['days']} of ${a['daysInMonth']} days: ${E(a['full']!)} × ${a['days']}/${a['daysInMonth']} = ${E(a['amount']!)}.`,
  'norm.householdSize': (a) => `The household has ${countEn(a['size']!, 'person', 'persons')}${Number(a['partTime']) > 0 ? ` (${countEn(a['partTime']!, 'child', 'children')} part of the month, ${a['policy'] === 'pro-rated' ? 'counted by days' : 'counted as members'})` : ''}.`,
  'norm.common': (a) => `Shared household costs for ${countEn(a['size']!, 'person', 'persons')}: ${E(a['amount']!)}.`,
  'norm.commonAboveSeven': (a) => `Shared household costs for ${a['size']} persons (7 persons plus the 6-to-7 difference for each extra member): ${E(a['amount']!)}.`,
  'norm.separate': (a) => `${a['memberId']} (${ownCaseEn(a['reason']!)}) is a separate case: single-adult norm ${E(a['personal']!)} + ${E(a['common']!)} ÷ ${a['size']} = ${E(a['amount']!)}. Not included in this household's norm.`,
  'norm.commonShare': (a) => `This household's share of the shared costs after ${countEn(a['others']!, 'separate case', 'separate cases')} took theirs: ${E(a['amount']!)} of ${E(a['common']!)}.`,
  'norm.total': (a) => `National norm: personal costs ${E(a['personal']!)} + shared household costs ${E(a['common']!)} = ${E(a['amount']!)} (${a['title']}).`,

  'costs.reasonable': (a) => `${a['label']} ${E(a['amount']!)} accepted as a reasonable cost.`,
  'costs.rentNoCeiling': (a) => `${housingEn(a)} accepted; no reasonable housing level is given for the household.`,
  'costs.rentWithinCeiling': (a) => `${housingEn(a)} accepted; within the reasonable level ${E(a['ceiling']!)}${a['basis'] ? `, ${basisEn(a)}` : ''}.`,
  'costs.rentAboveCeiling': (a) => a['notifiedOn'] === undefined
    ? `${a['label']} ${E(a['amount']!)} is above the reasonable level for the household (${E(a['ceiling']!)}). ${E(a['accepted']!)} accepted and ${E(a['refused']!)} refused.`
    : `${housingEn(a)} is above what is reasonable for the household. The reasonable level is ${E(a['ceiling']!)}, ${basisEn(a)}. The household was told on ${dateEn(String(a['notifiedOn']))} and has had ${a['months']} months under the municipality's guideline (until ${dateEn(String(a['endsOn']))}) to find cheaper housing. ${E(a['accepted']!)} accepted and ${E(a['refused']!)} refused.`,
  'costs.rentAboveCeilingNotNotified': (a) => `${housingEn(a)} is ${E(a['above']!)} above the reasonable level ${E(a['ceiling']!)}, ${basisEn(a)}. The household has not yet been told that the cost is too high, so the whole cost is accepted. The excess can be refused only after the household has been told and had ${a['months']} months to find cheaper housing.`,
  'costs.rentAboveCeilingRadrum': (a) => `${housingEn(a)} is ${E(a['above']!)} above the reasonable level ${E(a['ceiling']!)}, ${basisEn(a)}. The household was told on ${dateEn(String(a['notifiedOn']))} and has until ${dateEn(String(a['endsOn']))} (${a['months']} months) to find cheaper housing; until then the whole cost is accepted. From ${monthEn(String(a['cutFrom']))} at most ${E(a['ceiling']!)} is accepted.`,
  'costs.sharedHousing': (a) => `${sharedEn(a)}${E(a['sharedShare']!)} accepted and ${E(a['sharedOthersShare']!)} refused in this case.`,
  'costs.livsforing': (a) => `${a['label']} ${E(a['amount']!)} is outside försörjningsstöd and assessed as ${a['term'] ?? 'livsföring i övrigt'} (other living costs); included in the proposal but to be assessed by a caseworker.`,
  'costs.withinGuideline': (a) => `${a['label']} ${E(a['amount']!)} accepted; within the guideline's level ${E(a['ceiling']!)} according to ${a['basis']}.`,
  'costs.aboveGuideline': (a) => `${a['label']} ${E(a['amount']!)} is above the guideline's level ${E(a['ceiling']!)} according to ${a['basis']}; ${E(a['accepted']!)} accepted and ${E(a['refused']!)} refused.`,
  'costs.aboveGuidelineForAssessment': (a) => `${a['label']} ${E(a['amount']!)} is ${E(a['above']!)} above the guideline's level ${E(a['ceiling']!)} according to ${a['basis']}; under the guideline a caseworker assesses whether the excess is reasonable.`,
  'costs.itemWithinGuideline': (a) => `${a['label']} ${E(a['amount']!)} accepted as ${a['term'] ?? 'livsföring i övrigt'} (other living costs); the guideline's conditions are met (${a['referenceText']}), according to ${a['basis']}.`,
  'costs.itemForAssessment': (a) => `${a['label']} ${E(a['amount']!)} is assessed as ${a['term'] ?? 'livsföring i övrigt'} (other living costs) by a caseworker: ${itemUnmetEn(a)} (${a['basis']}).`,
  'costs.normSupplement': (a) => `${a['label']} ${E(a['amount']!)} may justify a higher norm for special reasons; included but to be assessed by a caseworker.`,
  'costs.ownCase': (a) => `${a['label']} ${E(a['amount']!)} concerns ${a['memberId']}, a separate case, and is not part of this household's calculation.`,
  'costs.amountMissing': (a) => `${a['label']}: the amount is missing and the cost cannot be assessed yet.`,
  'costs.total': (a) => `Claimed costs ${E(a['claimed']!)}, accepted ${E(a['accepted']!)}, refused ${E(a['refused']!)}.`,

  'income.counted': (a) => `${a['label']} of ${a['memberId']}, ${E(a['amount']!)}, counted in full.`,
  'income.ownCase': (a) => `${a['label']} ${E(a['amount']!)} belongs to ${a['memberId']}, a separate case, and is not counted here.`,
  'income.amountMissing': (a) => `${a['label']} of ${a['memberId']}: the amount is missing.`,
  'income.jobbstimulans': (a) => `${a['label']} of ${a['memberId']}, ${E(a['amount']!)}: work incentive, ${a['percent']} % (${E(a['disregarded']!)}) not counted; ${E(a['counted']!)} counted.`,
  'income.childEarningsExempt': (a) => `${a['label']} of ${a['memberId']}, ${E(a['amount']!)}: a child's or school youth's own earnings are not counted up to ${E(a['limit']!)} per calendar year ${a['year']} (${a['earlierKnown'] === 'yes' ? `earlier this year ${E(a['earlier']!)}` : 'earlier earnings this year not given'}).`,
  'income.childEarningsAboveLimit': (a) => a['policy'] === undefined
    ? `${a['label']} of ${a['memberId']}, ${E(a['amount']!)}: ${E(a['exempt']!)} within the limit ${E(a['limit']!)} per calendar year ${a['year']} (earlier this year ${E(a['earlier']!)}); ${E(a['counted']!)} counted.`
    : `${a['label']} of ${a['memberId']}, ${E(a['amount']!)}: ${E(a['exempt']!)} within the limit ${E(a['limit']!)} per calendar year ${a['year']} (${a['earlierKnown'] === 'yes' ? `earlier this year ${E(a['earlier']!)}` : 'earlier earnings this year not given'}). The earnings above the limit, ${E(a['aboveLimit']!)}, may be counted but need not be; ${a['policy'] === 'count' ? `the municipality's guideline is to count them, and ${E(a['counted']!)} is counted, within the child's own share of the household's costs (${E(a['share']!)})` : "the municipality's guideline is not to count them, and nothing is counted"}.`,
  'income.childEarningsAboveShare': (a) => `${a['label']} of ${a['memberId']}, ${E(a['amount']!)}: ${E(a['exempt']!)} within the limit ${E(a['limit']!)} per calendar year ${a['year']}. The earnings above the limit, ${E(a['aboveLimit']!)}, may be counted and the municipality's guideline is to count them, but a child's income counts only up to the child's own share of the household's costs (${E(a['share']!)}, of which ${E(a['shareLeft']!)} was left): ${E(a['counted']!)} counted. The rest is the child's; a child has no duty to maintain a parent.`,
  'income.childIncomeCounted': (a) => `${a['label']} of ${a['memberId']}, ${E(a['amount']!)}: the child's own income counts up to the child's own share of the household's costs (${E(a['share']!)}: the child's norm and share of shared and housing costs); ${E(a['counted']!)} counted.`,
  'income.childIncomeAboveShare': (a) => `${a['label']} of ${a['memberId']}, ${E(a['amount']!)}: the child's own income counts only up to the child's own share of the household's costs (${E(a['share']!)}, of which ${E(a['shareLeft']!)} was left); ${E(a['counted']!)} counted. The rest is the child's; a child has no duty to maintain a parent.`,
  // Kept for records written before issue 20.
  'income.childMeansCounted': (a) => `${a['label']} of ${a['memberId']}, ${E(a['amount']!)}: a child's own means count up to the child's norm ${E(a['norm']!)}.`,
  'income.childMeansAboveNorm': (a) => `${a['label']} of ${a['memberId']}, ${E(a['amount']!)}: a child's own means count only up to the child's norm; ${E(a['counted']!)} counted.`,
  'income.jobbstimulansNotInForce': () => 'The work incentive did not apply in the period (introduced 1 July 2013).',
  'income.jobbstimulansWindow': (a) => `The work incentive applies: the period is within the ${a['duration']} months ${a['start']}–${a['end']}.`,
  'income.jobbstimulansOutsideWindow': (a) => `The work incentive does not apply: the period is outside ${a['start']}–${a['end']}.`,
  'income.jobbstimulansUnknown': (a) => `Consecutive months on assistance are unknown; the work incentive (after ${a['qualifying']} months) cannot be assessed and earnings are counted in full for now.`,
  'income.jobbstimulansNotYet': (a) => `The household has had assistance ${countEn(a['months']!, 'month', 'consecutive months')}; the work incentive applies only after ${a['qualifying']}.`,
  'income.jobbstimulansQualified': (a) => `The household has had assistance ${a['months']} consecutive months (at least ${a['qualifying']}); the work incentive applies for ${a['duration']} months.`,
  'income.jobbstimulansPause': (a) => `The household has had assistance ${a['months']} consecutive months; the ${a['duration']} months of work incentive have run out and ${a['qualifying']} new consecutive months are needed.`,
  'income.total': (a) => `Income ${E(a['total']!)}, of which ${E(a['counted']!)} counted and ${E(a['notCounted']!)} not counted.`,

  'assets.liquid': (a) => `${a['label']} ${E(a['amount']!)} is the household's own money, to be used before assistance.`,
  'assets.nonLiquid': (a) => `${a['label']}${a['amount'] ? ` (${E(a['amount'])})` : ''} is not valued by the calculation; the caseworker assesses whether it can be used.`,
  'assets.ownCase': (a) => `${a['label']} belongs to ${a['memberId']}, a separate case.`,
  'assets.amountMissing': (a) => `${a['label']}: the amount is missing.`,
  'assets.available': (a) => `Own money ${E(a['liquid']!)} minus buffer ${E(a['buffer']!)} = ${E(a['available']!)} to be used before assistance.`,

  'needs.schoolStatus': (a) => `${a['memberId']} is ${a['age']}: it is not known whether they attend compulsory or upper secondary school. That decides whether they belong to the household (youth norm) or are a separate case.`,
  'needs.costAmount': (a) => `${a['label']}: the cost is claimed but the amount is missing. It is needed (invoice, receipt) before a proposal can be computed.`,
  'needs.incomeAmount': (a) => `${a['label']} of ${a['memberId']}: the income exists but its amount is missing. It is needed before a proposal can be computed.`,
  'needs.assetAmount': (a) => `${a['label']}: the asset exists but its amount is missing. It is needed before a proposal can be computed.`,
  'needs.childEarningsYearToDate': (a) => `${a['memberId']}: earlier earnings this year are not given; the calculation assumes the limit ${E(a['limit']!)} is not used up. Check.`,
  'needs.LABOUR_MARKET_STATUS_UNKNOWN': (a) => `It is not stated whether ${whoEn(a)} stands at the labour market’s disposal or has acceptable reasons. The proposal assumes the condition is met; check.`,
  'needs.JOBBSTIMULANS_UNKNOWN': () => 'Consecutive months on assistance are missing; the work incentive cannot be assessed and earnings were counted in full.',

  'conditions.fired': (a) => `Condition ${a['name']} is met.`,
  'conditions.notFired': (a) => `Condition ${a['name']} is not met.`,

  'decision.need': (a) => `Need: national norm ${E(a['norm']!)} + accepted costs ${E(a['costs']!)} = ${E(a['need']!)}.`,
  'decision.deficit': (a) => `Need ${E(a['need']!)} − counted income ${E(a['income']!)} = ${E(a['deficit']!)}.`,
  'decision.outcome.approve': () => 'Proposal: approve. The whole claimed need is accepted.',
  'decision.outcome.partial': () => 'Proposal: partial. Part of the claim is not accepted.',
  'decision.outcome.deny': (a) => `Proposal: deny (${a['deniedFor']}).`,
  'decision.outcome.needs-information': () => 'No amount can be proposed: information is missing.',
  'decision.payable': (a) => `Payable: ${E(a['deficit']!)} − own money ${E(a['assets']!)} = ${E(a['payable']!)}, never below SEK 0.`,

  'reason.RIGHT_TO_ASSISTANCE': (a) => `The household cannot meet its needs for ${monthEn(String(a['period']))} itself; assistance of ${E(a['payable']!)} is granted.`,
  // Kept for records written before issue 20.
  'reason.NOT_AT_LABOUR_MARKET_DISPOSAL': () => 'The applicant can work but does not stand at the labour market’s disposal and has given no acceptable reason, so there is no right to försörjningsstöd.',
  'reason.INCOME_COVERS_NEED': (a) => `The household can meet its needs itself: its counted income (${E(a['income']!)}) covers the need (${E(a['need']!)}).${nonZero(a['childIncome']) ? ` The income includes the children's own income of ${E(a['childIncome']!)}, for each child only up to the child's own share of the household's costs.` : ''}${nonZero(a['childEarningsAboveLimit']) ? ` Of that, ${E(a['childEarningsAboveLimit']!)} is earnings above one prisbasbelopp a year, which the nämnd may count but need not; the municipality's guideline is to count them.` : ''}`,
  'reason.ASSETS_COVER_NEED': (a) => a['buffer'] === undefined
    ? `The household has own money (${E(a['available']!)} above the buffer) that covers the shortfall ${E(a['deficit']!)}. It is to be used before assistance.`
    : `The household can meet its needs itself with its own money: ${E(a['available']!)} above the municipality's buffer of ${E(a['buffer']!)} covers the shortfall ${E(a['deficit']!)}.`,
  'reason.OWN_MEANS_USED': (a) => `The household has own money to be used first: ${E(a['used']!)} above the municipality's buffer of ${E(a['buffer']!)} is deducted from the shortfall ${E(a['deficit']!)}, like income.`,


  'flag.CHILD_AFFECTED_BY_REFUSAL': () => 'Children are affected by a refusal: the best interests of the child must be assessed and documented before deciding.',
  'flag.RENT_ABOVE_CEILING': (a) =>
    a['stage'] === 'not-notified'
      ? `The rent is ${E(a['above']!)} above the reasonable level ${E(a['ceiling']!)}, but the household has not been told: the whole rent is accepted. Tell the household the reasonable level and the time to move (${a['months']} months under the municipality's guideline) and record the date.`
      : a['stage'] === 'radrum' || a['stage'] === 'radrum-ends'
        ? `The rent is ${E(a['above']!)} above the reasonable level ${E(a['ceiling']!)}. The household was told on ${dateEn(String(a['notifiedOn']))}; the time to move ends on ${dateEn(String(a['endsOn']))}. Until then the whole rent is accepted; from ${monthEn(String(a['cutFrom']))} the excess is refused.`
        : a['stage'] === 'after'
          ? `The rent is above the reasonable level and the time to move has ended (${dateEn(String(a['endsOn']))}): the excess is refused. Check that the level applies to the household and whether it has actively looked for cheaper housing (then the time can be extended).`
          : 'The housing cost is above the reasonable level: check that a period to move (rådrum) was given and that the level applies.',
  'flag.RENT_RADRUM_ENDS': (a) => `The time to move ends on ${dateEn(String(a['endsOn']))}: this is the last month the whole rent is accepted. From ${monthEn(String(a['cutFrom']))} ${E(a['above']!)} a month is refused unless the time is extended; consider whether the household has actively looked for cheaper housing and how a refusal affects the children.`,
  'flag.SHARED_HOUSING_COST': (a) => `The home is shared with ${a['others']} ${Number(a['others']) === 1 ? 'person' : 'people'} with cases of their own, who carry their share of the housing cost, ${E(a['othersShare']!)}, split equally ${a['policy'] === 'per-adult' ? 'per adult' : 'per person'} under the municipality's guideline: check that this matches how the costs are actually shared.`,
  'flag.CHILD_EARNINGS_ABOVE_LIMIT': (a) => `A child's or school youth's earnings above one prisbasbelopp a year are counted with ${E(a['counted']!)}. The law says they may be counted, not that they must: consider whether to count them in this case. They never count beyond the child's own share of the household's costs.`,
  'flag.RENT_ARREARS': () => 'The household has rent arrears: risk of eviction; consider assistance for the debt and contact with the landlord.',
  'flag.COST_NEEDS_ASSESSMENT': (a) => `Costs outside försörjningsstöd (${a['term'] ?? 'livsföring i övrigt'}) are claimed and must be assessed one by one by a caseworker.`,
  'flag.ASSETS_ABOVE_BUFFER': () => 'The household has own money above the buffer. It is used first and has been deducted from the assistance, krona for krona: check that the money exists and can be used now.',
  'flag.NON_LIQUID_ASSETS': () => 'The household has assets that are not money (car, home): the caseworker assesses whether they can be used or sold.',
  'flag.OTHER_ADULT_IN_HOUSEHOLD': () => 'An adult who is not a partner lives in the household: that person is a separate case, with their own norm and their own share of the shared costs and the housing.',
  'flag.APPLICANT_UNDER_18': () => 'The applicant is under 18: the parents’ duty of maintenance must be investigated.',
  'flag.LONG_TERM_ASSISTANCE': () => 'Long-term assistance (10 months or more): follow up the plan for self-support.',
  'flag.CHILD_ALLOWANCE_MISMATCH': (a) => `Reported child allowance${a['reported'] !== undefined ? ` (${E(a['reported'])})` : ''} does not match the expected allowance and large-family supplement${a['expected'] !== undefined ? ` (${E(a['expected'])})` : ''}: check.`,
  'flag.NORM_ESTIMATE_USED': () => 'At least one norm amount for the period is an estimate (not verified against the SFS): check against the ordinance in force.',
  // Kept for records written before issue 20.
  'flag.PARTNER_NOT_AT_LABOUR_MARKET_DISPOSAL': () => 'The applicant’s partner does not stand at the labour market’s disposal and has given no acceptable reason: consider reducing the assistance.',
  'flag.NOT_AT_LABOUR_MARKET_DISPOSAL': (a) => `${a['memberId']} does not stand at the labour market’s disposal and has given no reason. The condition concerns the person who can work and only försörjningsstöd, so the calculation refuses nothing. A caseworker assesses and chooses: the full ${E(a['full']!)}; without ${a['memberId']}'s part (${E(a['adultPart']!)}): ${E(a['withoutAdultPart']!)}, always including the children's part ${E(a['childrenPart']!)}; or a reduction in between.`,
  'flag.NOT_AT_LABOUR_MARKET_DISPOSAL_UNKNOWN_AMOUNT': (a) => `${a['memberId']} does not stand at the labour market’s disposal and has given no reason: a caseworker assesses it. The amounts to choose between are computed when the missing information is given.`,
  'flag.NOT_AT_LABOUR_MARKET_DISPOSAL_NO_AID': (a) => `${a['memberId']} does not stand at the labour market’s disposal and has given no reason; no aid is paid this month anyway, but it must be documented.`,
  'flag.LABOUR_MARKET_REASON_TO_ASSESS': (a) => `${a['memberId']} does not stand at the labour market’s disposal and gives as the reason ${reasonEn(a)}. Whether it is acceptable is for a caseworker to judge; the proposal counts on it until then.${a['full'] !== undefined ? ` If it is not accepted: ${E(a['withoutAdultPart']!)} without ${a['memberId']}'s part (the children's part ${E(a['childrenPart']!)} is always included).` : ''}`,
  'needs.labourMarketDecision': (a) => `A caseworker must assess the right to försörjningsstöd of ${a['memberId']}, who does not stand at the labour market’s disposal and has given no reason, and choose the amount: the full ${E(a['full']!)}, without ${a['memberId']}'s part ${E(a['withoutAdultPart']!)} (the children's part always included), or a reduction in between.`,
  'needs.labourMarketDecisionUnknownAmount': (a) => `A caseworker must assess the right to försörjningsstöd of ${a['memberId']}, who does not stand at the labour market’s disposal and has given no reason.`,
  'needs.rentCeilingBasis': (a) => `State what the reasonable housing cost ${E(a['ceiling']!)} rests on (the municipality's guidelines or the caseworker's assessment): a refusal of the excess rent must be motivated with it.`,

  'child.summary': (a) => `${a['memberId']}, ${a['age']} years, ${residenceEn(a['residence']!, a['days']!, a['daysInMonth']!)}; the child's norm ${E(a['norm']!)}.`,
  'child.effect': (a) => `For ${a['memberId']} the refusal corresponds to ${E(a['share']!)} of the household's ${E(a['effect']!)}.`,
  'child.needsCoveredByIncome': (a) => `${a['memberId']}: the child's needs under the norm are covered by the household's income.`,
  'child.refusalNote': (a) => `The refusal means ${E(a['effect']!)} less for the household this month than if everything claimed were granted. The child's best interests must be weighed and documented before deciding.`,
  'child.noRefusalNote': () => 'The proposal has no refusal that affects the children.',
  'child.nothingDecidedNote': () => 'The proposal is not finished and no assistance is granted yet. The child’s best interests must be weighed when the decision is made.',
  'child.promptAffected': (a) => `${withAge(a['memberId'], `${a['age']} years`)}, ${residenceEn(a['residence']!, a['days']!, a['daysInMonth']!)}`,
  'child.promptRentRefused': (a) => `Rent cut to the reasonable level${a['ceiling'] ? ` (${E(a['ceiling'])})` : ''}; ${E(a['refused']!)} refused. Risk of moving and changing school.`,
  'child.promptRentArrears': (a) => `Rent arrears ${E(a['arrears']!)}: risk of eviction.`,
  'child.promptRentAccepted': (a) => `The rent is ${E(a['above']!)} above the reasonable level but accepted ${a['cutFrom'] ? `during the time to move; from ${monthEn(String(a['cutFrom']))} the excess can be refused` : 'until the household has been told and had time to move'}. Risk of moving and changing school.`,
  'child.promptSharedHome': (a) => `The home is shared with ${a['others']} ${Number(a['others']) === 1 ? 'person' : 'people'} with cases of their own, who carry ${E(a['share']!)} of the housing cost.`,
  'child.promptHousingOk': () => 'The housing cost is accepted; no information about rent arrears.',
  'child.promptPartTime': (a) => `${a['memberId']} lives here ${a['days']} of ${a['daysInMonth']} days`,
  'child.promptConsequence': (a) => `${a['memberId']}: ${E(a['share']!)}`,
  'child.promptCost': (a) => `${a['label']}${a['memberId'] ? ` (${a['memberId']})` : ''}: claimed ${a['claimed'] === '' ? 'amount missing' : E(a['claimed']!)}, accepted ${a['accepted'] === '' ? '–' : E(a['accepted']!)}`,
  'child.promptMonthsUnknown': () => 'Months on assistance not given.',
  'child.promptMonths': (a) => `${countEn(a['months']!, 'month', 'consecutive months')} on assistance${a['longTerm'] === 'yes' ? ` (long-term, ${a['threshold']} months or more)` : ''}.`,
  'child.traceRefusal': (a) => `${a['count']} child(ren) affected by the refusal (${E(a['effect']!)}); child impact to be assessed by a caseworker.`,
  'child.traceNoRefusal': (a) => `${a['count']} child(ren) in the household; the proposal has no refusal.`,
  'child.traceUndecided': (a) => `${a['count']} child(ren) in the household; the proposal is not finished and nothing is granted yet.`,

  'alt.longerRadrum': (a) => `Consider a longer period to move, or the actual rent for a time, for the children's housing and school (difference ${E(a['refused']!)} a month).`,
  'alt.housingSupport': () => 'Support to find cheaper housing or contact with the landlord.',
  // Kept for records written before issue 20.
  'alt.childrenPart': (a) => `Consider granting the children's part despite the refusal for the adult: the children's norm and share of shared and housing costs ${E(a['need']!)} minus child allowance, maintenance and the children's own income ${E(a['income']!)} = ${E(a['part']!)}.`,
  'alt.planLabourMarket': (a) => `Make a plan so that ${whoEn(a)} can stand at the labour market’s disposal (e.g. registration with Arbetsförmedlingen).`,
  'alt.labourMarketRefuseAdultPart': (a) => `Refuse ${a['memberId']}'s part (${E(a['adultPart']!)}) and grant the rest, including the children's part ${E(a['childrenPart']!)}: ${E(a['withoutAdultPart']!)}.`,
  'alt.labourMarketRefuseAdultsParts': (a) => `Refuse the adults' parts (${a['memberId']}: ${E(a['adultPart']!)}) and grant the rest, including the children's part ${E(a['childrenPart']!)}: ${E(a['withoutAdultPart']!)}.`,
  'alt.labourMarketReduce': (a) => `Reduce the aid by an amount the caseworker sets and explains, between ${E(a['withoutAdultPart']!)} and ${E(a['full']!)}.`,
  'alt.labourMarketReasonAccepted': (a) => `If ${a['memberId']} stands at the labour market’s disposal or has acceptable reasons: the full ${E(a['full']!)}.`,
  'alt.planAssets': () => 'Make a plan for using the assets; a new application can be assessed when they are used up.',
  'alt.budgetAdvice': () => 'Offer budget and debt counselling.',
  'alt.childItems': (a) => `Consider granting child-related costs (leisure, school, health) as ${a['term'] ?? 'livsföring i övrigt'} (other living costs).`,

  // Issue 13 (robust): sanity rules on roles and ages (rules/conditions/).
  'needs.MINOR_APPLICANT_REASON_MISSING': () => 'The applicant is under 18 and why they apply on their own is not given (minorApplicantReason, e.g. married, own child, parents dead). The parents have a duty of maintenance; the reason is needed before a proposal can be computed.',
  'flag.PARTNER_UNDER_18': () => 'The partner is under 18: check that the cohabitation is correctly stated and investigate the parents’ duty of maintenance.',
  'flag.CHILD_OVER_20': () => 'A member with role child is older than 20 and is counted as a separate case: check the birth date and the role (other adult?).',
  'flag.BORN_DURING_PERIOD': () => 'A child was born during the month but has been given the norm for the whole month: decide from which day the need exists.',

  // The law in force (issue 15): pending rules, the 2027 conditions.
  'needs.rulesPending': (a) => `The rules for ${monthEn(String(a['period']))} are not published: ${a['ruleEn']} is missing.`,
  'rules.pending': (a) => `The rule is enacted but not published and has not been loaded: ${a['ruleEn']}. ${monthEn(String(a['period']))} cannot be calculated.`,
  'flag.SUBLET_WITHOUT_CONSENT': () => 'The rent is for a sublet without consent or permit shown: as a main rule the housing cost is not accepted (from 2027).',
  'flag.NOT_LAWFULLY_RESIDENT': () => 'A member is not lawfully in Sweden: only emergency aid in an acute situation can be considered (from 2027).',

  // Aktivitetskrav and läkarintyg (from 2026-07-01; issue 15).
  'activity.notYet': (a) => `${a['memberId']}: the activity requirement applies after ${a['qualifying']} consecutive months on försörjningsstöd; the household has ${a['months']}.`,
  'activity.exempt': (a) => `${a['memberId']}: exempt from the activity requirement (${a['exemption']}).`,
  'activity.participating': (a) => `${a['memberId']}: takes part in the assigned activity.`,
  'activity.required': (a) => `${a['memberId']}: covered by the activity requirement; no refusal recorded.`,
  'activity.declinedWithReason': (a) => `${a['memberId']}: declined the assigned activity, giving the reason: ${a['reason']}.`,
  'activity.declined': (a) => `${a['memberId']}: declined the assigned activity without an acceptable reason.`,
  'needs.activityStatus': (a) => `${a['memberId']}: state whether the activity requirement applies (required, exempt, participating or declined), since the household has had försörjningsstöd for at least ${a['qualifying']} consecutive months or the number of months is not given.`,
  'needs.activityDecision': (a) => `A caseworker must decide whether to refuse or reduce continued försörjningsstöd for ${a['memberId']}, who declined an assigned activity without an acceptable reason (full amount ${E(a['full']!)}, without the adult's part ${E(a['withoutAdultPart']!)}).`,
  'flag.ACTIVITY_DECLINED': (a) => `${a['memberId'] ?? 'An adult'} declined an assigned activity without an acceptable reason; no aid is paid this month anyway, but the refusal must be documented.`,
  'flag.ACTIVITY_DECLINED_BLOCK': (a) => `${a['memberId']} declined an assigned activity without an acceptable reason: the nämnd shall refuse or reduce continued försörjningsstöd. The law sets no amount, so a caseworker chooses: the full ${E(a['full']!)}; without the adult's part (${E(a['adultPart']!)}) ${E(a['withoutAdultPart']!)}, always including the children's part ${E(a['childrenPart']!)}.`,
  'flag.ACTIVITY_DECLINED_WITH_REASON': (a) => `${a['memberId'] ?? 'An adult'} declined an assigned activity giving the reason "${a['reason'] ?? ''}": assess whether it is acceptable; otherwise continued försörjningsstöd shall be refused or reduced.`,
  'alt.activityRefuseAdultPart': (a) => `Refuse ${a['memberId']}'s part (${E(a['adultPart']!)}) and keep the children's part: ${E(a['withoutAdultPart']!)}.`,
  'alt.activityReduce': (a) => `Reduce the aid by an amount the caseworker sets and explains, between ${E(a['withoutAdultPart']!)} and ${E(a['full']!)}.`,
  'alt.activityReasonAccepted': (a) => `If the reason for declining is judged acceptable: the full ${E(a['full']!)}.`,
  'child.sanctionPendingNote': () => 'If the aid is refused or reduced, the children are affected. The child’s best interests must be weighed and documented before deciding; the children’s part is in every alternative below.',
  'medical.notNeeded': (a) => `${a['memberId']}: ill for ${a['days']} days${a['until'] ? ` counted to ${dateEn(String(a['until']))}` : ''}; a medical certificate is needed after ${a['threshold']} days (the limit is not confirmed in the law text).`,
  'medical.given': (a) => `${a['memberId']}: a medical certificate has been handed in.`,
  'medical.missing': (a) => `${a['memberId']}: not at the labour market's disposal because of illness and no medical certificate handed in.`,
  'needs.medicalCertificate': (a) => `A medical certificate for ${a['memberId']}, who because of illness does not stand at the labour market's disposal${a['days'] !== '' ? ` (ill for ${a['days']} days)` : ''}.`,

  // Agency income data (SSBTEK)
  'agency.item': (a) => `${benefitOf(a)} from ${agEn(a['agency'])}, ${whenEn(a)}${a['paymentRef'] ? ` (${a['paymentRef']})` : ''}: ${innerText('en', a)}`,
  'agency.answer.answered': (a) => `${agEn(a['agency'])} answered about ${a['memberId']}.`,
  'agency.answer.nothing': (a) => `${agEn(a['agency'])} answered that it has no payments to ${a['memberId']}.`,
  'agency.answer.unverifiable': (a) => `The answer of ${agEn(a['agency'])} about ${a['memberId']} could not be verified; a caseworker assesses it.`,
  'agency.answer.failed': (a) => `${agEn(a['agency'])} did not answer about ${a['memberId']}; incomes from there are unknown, not zero.`,
  'agency.month.control': (a) => `${paymentEn(a)}: belongs to ${monthEn(String(a['month']))}, the month before the application month ${monthEn(String(a['period']))}, and is assessed this month.`,
  'agency.month.fallback': (a) => `${paymentEn(a)}: belongs to ${monthEn(String(a['month']))}; the same benefit has no payment in ${monthEn(String(a['m1']))}, so this payment is assessed for ${monthEn(String(a['period']))}.`,
  'agency.month.superseded': (a) => `${paymentEn(a)}: belongs to ${monthEn(String(a['month']))}; the same benefit has a payment in ${monthEn(String(a['m1']))} that is used, so this one does not count this month.`,
  'agency.month.outside': (a) => `${paymentEn(a)}: belongs to ${monthEn(String(a['month']))}, outside ${monthEn(String(a['m2']))}–${monthEn(String(a['m1']))}, and does not count for ${monthEn(String(a['period']))}.`,
  'agency.classify.count': (a) => (a['matched'] ? `${a['benefit']} from ${agEn(a['agency'])}: the benefit ${a['matched']} counts as ${a['incomeType']}.` : `${benefitOf(a)} from ${agEn(a['agency'])} counts as ${a['incomeType']}.`),
  'agency.classify.exclude': (a) => `${paymentEn(a)}, is not counted: ${a['reasonEn']}.`,
  'agency.classify.review': (a) => `${paymentEn(a)}, is not counted in the proposal: ${a['reasonEn']}. A caseworker assesses it before a decision.`,
  'agency.classify.unknown': (a) => `${paymentEn(a)}: the benefit is not in the agency income rules. It is not counted in the proposal; a caseworker must assess it before a decision.`,
  'agency.classify.family': (a) => `${paymentEn(a)}: ${agEn(a['agency'])} gives the benefit family ${a['family']} but no benefit the rules recognise. It is not counted in the proposal; a caseworker must assess which benefit it is${a['likely'] ? ` (probably ${a['likely']})` : ''}.`,
  'agency.classify.personCount': (a) => `${paymentEn(a)}: the caseworker assessed that it counts as ${a['incomeType']}${a['reason'] ? ` (${a['reason']})` : ''}.`,
  'agency.classify.personExclude': (a) => `${paymentEn(a)}: the caseworker assessed that it is not income: ${a['reason']}.`,
  'agency.reconcile.same': (a) => `${a['type']} of ${a['memberId']}: the application${a['declared'] ? ` (${E(a['declared'])})` : ''} and ${agEn(a['agency'])} (${E(a['registered']!)}) concern the same income; it is counted once, with the registered amount.`,
  'agency.reconcile.differs': (a) => `${a['type']} of ${a['memberId']}: the application says ${E(a['declared']!)} but ${agEn(a['agency'])} registered ${E(a['registered']!)}. The registered amount is counted, once.`,
  'income.replacedByRegistered': (a) => `${a['label']} of ${a['memberId']} as declared${a['amount'] ? `, ${E(a['amount'])}` : ''}: not counted here, because ${agEn(a['agency'])} reports the same income and it is counted from there.`,
  'needs.agencyAnswer': (a) => `${agEn(a['agency'])} did not answer about ${a['memberId']}. The proposal is computed on what is known; the information is needed to check it before deciding (a missing answer is not zero).`,
  'flag.AGENCY_ANSWER_MISSING': (a) => (a['status'] === 'failed' ? `${agEn(a['agency'])} did not answer about ${a['memberId']}: incomes from there are unknown, not zero. The proposal is computed on what is known and must be checked by a caseworker before deciding: ask again or request the information.` : `The answer of ${agEn(a['agency'])} about ${a['memberId']} could not be verified: the proposal is computed on what is known; assess before deciding whether incomes are missing.`),
  'flag.UNHANDLED_INCOME': (a) => `Income not assessed: ${paymentEn(a)}, is not in the rules and is not counted in the proposal.${altEn(a)} A caseworker must assess it; no decision can be sent before that.`,
  'flag.UNHANDLED_INCOME_FAMILY': (a) => `Income not assessed: ${paymentEn(a)}. ${agEn(a['agency'])} gives only the benefit family ${a['family']}, no benefit the rules recognise, so it is not counted in the proposal.${altEn(a)} A caseworker must assess which benefit it is; no decision can be sent before that.`,
  'flag.REGISTERED_INCOME_TO_ASSESS': (a) => `${paymentEn(a)}: ${a['reasonEn']}.${altEn(a)} No decision can be sent before a caseworker has assessed it.`,
  'unassessed.line': (a) => `Not assessed: ${benefitOf(a)} from ${agEn(a['agency'])}, ${whenEn(a)}, ${E(a['net']!)}. Not included in the amount above.${a['counted'] !== '' ? ` Counted as ${a['likelyType'] || a['likely']}, the payable would be ${E(a['counted']!)}.` : ''}`,
  'unassessed.blocked': () => 'The proposal cannot be sent as a decision until the caseworker has assessed the payments not yet assessed.',
  'unassessed.label': (a) => `Not assessed: ${a['benefit']}`,
  'unassessed.note': (a) => `not counted${a['counted'] !== '' ? `; as ${a['likelyType'] || a['likely']}: payable ${E(a['counted']!)}` : ''}`,
  'unassessed.excludedByPerson': (a) => `${benefitOf(a)} from ${agEn(a['agency'])} (${E(a['net']!)}) is not counted: ${a['reason']}.`,
  'agency.alternative': (a) => `${benefitOf(a)} from ${agEn(a['agency'])} to ${a['memberId']}, ${E(a['net']!)}, is not assessed and not counted: payable ${E(a['notCounted']!)}. Counted as ${a['likelyType']}: payable ${E(a['counted']!)}.`,
  'flag.INCOME_FROM_EARLIER_MONTH': (a) => `${paymentEn(a)}, is counted although it belongs to ${monthEn(String(a['month']))}: the benefit had no payment in ${monthEn(String(a['m1']))}. Check that it was not counted last month.`,
  'flag.DECLARED_DIFFERS_FROM_REGISTERED': (a) => `${a['type']} of ${a['memberId']}: the application says ${E(a['declared']!)}, ${agEn(a['agency'])} registered ${E(a['registered']!)}. The registered amount is counted; check the difference.`,

  // compare: steps and reasons that only an overlay (a proposed reform, docs/compare.md) adds.
  'compare.aidCap': (a) => `Cap on aid under the proposal ${a['overlay']}: at most ${E(a['cap']!)} for a household of ${a['size']}. Computed ${E(a['payable']!)}, payable ${E(a['capped']!)}.`,
  'reason.AID_CAP': (a) => `Under the proposal ${a['overlay']} the household is paid at most ${E(a['cap']!)} a month; ${E(a['cut']!)} of the computed need is not paid.`,

  // --- monthly återansökan (src/monthly) ---
  'monthly.previousFound': (a) => `Previous decision of the case: ${a['decisionId']} (${monthEn(String(a['period']))}).`,
  'monthly.previous': (a) => `No recorded decision for case ${a['subject']} for ${monthEn(String(a['period']))}: the application cannot be compared with last month (NO_PREVIOUS_DECISION).`,
  'monthly.member': (a) =>
    a['code'] === 'MEMBER_ADDED' ? `${a['subject']} joined the household (${a['current']}) (MEMBER_ADDED).` : a['code'] === 'MEMBER_GONE' ? `${a['subject']} (${a['previous']}) is no longer in the household (MEMBER_GONE).` : `${a['subject']} (${a['current']}) is in the household both months.`,
  'monthly.ageBand': (a) => (a['code'] ? `${a['subject']} moved to another norm age band: ${a['previous'] || '–'} last month, ${a['current'] || '–'} now (CHILD_AGE_BAND_CHANGED).` : `${a['subject']}: same age band as last month (${a['current']}).`),
  'monthly.cost': (a) => (a['code'] ? `Cost ${a['subject']}: ${a['previous'] === '' ? 'none' : E(a['previous']!)} last month, ${a['current'] === '' ? 'none' : E(a['current']!)} now (COST_CHANGED).` : `Cost ${a['subject']}: unchanged ${E(a['current']!)}.`),
  'monthly.declaredIncome': (a) =>
    a['code'] === 'DECLARED_INCOME_MISSING' ? `Income ${a['subject']} was declared last month (${E(a['previous']!)}) but is missing now (DECLARED_INCOME_MISSING).` : a['code'] ? `Income ${a['subject']}: ${a['previous'] === '' ? 'none' : E(a['previous']!)} last month, ${E(a['current']!)} now (DECLARED_INCOME_CHANGED).` : `Income ${a['subject']}: unchanged ${E(a['current']!)}.`,
  'monthly.registeredIncome': (a) =>
    a['code'] ? `${a['member']}: ${a['label']} was counted last month (${E(a['previous']!)}) but is missing from the agencies' data now (MISSING_REGISTERED_INCOME).` : `${a['member']}: ${a['label']} was counted last month and is in the agencies' data now too.`,
  'monthly.incomeType': (a) =>
    a['code'] === 'NEW_INCOME'
      ? `${a['member']}: ${a['label']} counts this month (${E(a['current']!)}) but was not in last month's decision (NEW_INCOME).`
      : a['current'] === ''
        ? `${a['member']}: ${a['label']} was counted last month (${E(a['previous']!)}) and is not counted this month${a['code'] ? ' although the agency still reports the benefit (INCOME_DROPPED)' : ''}.`
        : `${a['member']}: ${a['label']} ${E(a['previous']!)} last month, ${E(a['current']!)} now${a['change'] !== '' ? ` (${Number(a['change']) > 0 ? '+' : ''}${a['change']} %)` : ''}; threshold ${a['threshold']}${a['code'] ? ' – the change must be assessed (INCOME_CHANGE)' : ''}.`,
  'monthly.dayCheck': (a) =>
    a['previous'] === ''
      ? `${a['member']}: ${a['label']}: the days or the period are missing in the agency's data, so the days cannot be checked (SSBTEK_DAY_CHECK).`
      : `${a['member']}: ${a['label']} for ${a['from']}–${a['to']}: ${a['current']} days paid, ${a['previous']} working days in the period${a['code'] ? ' – fewer days than working days (SSBTEK_DAY_CHECK)' : ''}.`,
  'monthly.studySupport': (a) =>
    a['code']
      ? `${a['member']}: study support was paid in June (${a['previous']}) but no payment exists for September – check that the youth still studies (STUDY_SUPPORT_NOT_RESUMED).`
      : a['previous'] === ''
        ? `${a['member']}: no study support paid in June in the data; nothing to check.`
        : `${a['member']}: study support in June and in September.`,
  'monthly.route.ready': (a) => `Nothing to assess, nothing missing, nothing changed beyond the thresholds: the proposal is ${a['mode'] === 'automatic' ? 'ready for an automated decision' : 'ready to decide (a recommendation; a caseworker decides)'}.`,
  'monthly.route.caseworker': (a) => `To a caseworker: ${a['reasons']}.`,
  'monthly.dueOn': (a) => `The application arrived on ${a['receivedOn']}; ${a['days']} working days counting the day of arrival give ${a['dueOn']}${a['skipped'] !== '' ? ` (not working days: ${a['skipped']})` : ''}.`,
  'monthly.dueOnUnknown': () => 'The day of arrival (receivedOn) is missing: the last day for handling cannot be computed.',
  'monthly.automated': (a) => `Decided automatically (${a['ref']}) under the nämnd's delegation: ${a['delegation']}.`,
};

export type Language = 'sv' | 'en';

export function hasMessage(key: string): key is MessageKey {
  return isMessageKey(key);
}

export function renderMessage(lang: Language, key: MessageKey, args: MessageArgs): string {
  const catalogue: Record<string, ((a: MessageArgs) => string) | undefined> = lang === 'sv' ? sv : en;
  const fn = catalogue[key];
  if (!fn) throw new Error(`[messages] no ${lang} text for ${key}`);
  return fn(args);
}
