/**
 * How the views name the people of a household: by the name given (members[].name), otherwise by a
 * plain description, never by the member id. The letter speaks to the applicant ("du", "dig"), the
 * worksheet about everyone ("Sökande", "Barn, 7 år").
 *
 *   letter     subject "du" / "Alex" / "din partner" / "barnet som är 7 år"; heading "Alex, 7 år"
 *   worksheet  "Alex (sökande)" / "Sökande, född 1988" / "Barn, 7 år"
 *   case work  "Alex" / "sökanden" / "medsökanden" / "barnet som är 7 år" (the queue, the case view's
 *              points, the journal note); genitive "Alex del", "Sara Linds del", "sökandens del"
 *
 * Skyddad identitet (src/casework/protectedIdentity.ts): with `masked`, a member with
 * protectedIdentity is named as if no name were given ("sökanden"), so the name is never written.
 *
 * Two unnamed children of the same age are told apart by their birth date. A view: nothing here is
 * used in a calculation.
 */
import type { Household, Member } from '../household/types.ts';
import { ageOn, firstDayOf, parsePeriod } from '../period/index.ts';
import { dateSv } from './format.ts';
import type { MessageArgs } from '../trace/messages.ts';

/** What naming reads of a member: the parsed input's member, or a stored input's as JSON (name may be absent there). */
export type NamedMember = Pick<Member, 'id' | 'role' | 'birthDate'> & { readonly name?: string | null; readonly protectedIdentity?: boolean };

export interface Person {
  readonly id: string;
  readonly role: Member['role'];
  readonly name: string | null;
  readonly age: number;
  /** The letter's subject: "du", "Alex", "din partner", "barnet som är 7 år". */
  readonly subject: string;
  /** The letter's object form: "dig", "Alex", "din partner", "barnet som är 7 år". */
  readonly object: string;
  /** The letter's third person, for a sentence whose grammar does not know who it is about: "Alex", "sökanden", "din partner". */
  readonly third: string;
  /** A child's heading in the letter: "Alex, 7 år" or "Barnet som är 7 år". */
  readonly heading: string;
  /** The worksheet's label: "Alex (sökande)", "Sökande, född 1988", "Barn, 7 år". */
  readonly label: string;
  /** The case work's name in a sentence: "Alex", "sökanden", "medsökanden", "barnet som är 7 år". */
  readonly called: string;
  /** Its genitive: "Alex del", "Sara Linds del", "sökandens del", "barnets (7 år) del". */
  readonly calledGen: string;
}

/** A name's genitive in Swedish: "Sara Linds", but "Lars", "Max", "Inez" (a name ending in s, x or z takes no s). */
export function genitiveSv(name: string): string {
  return /[sxzSXZ]$/.test(name) ? name : `${name}s`;
}

const ROLE_WORD: Readonly<Record<Member['role'], string>> = { applicant: 'sökande', partner: 'make/maka/sambo', child: 'barn', 'other-adult': 'annan vuxen' };

/** "alex" → "Alex": a sentence starts with a capital letter. */
export function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The people of a household, by member id. */
export class People {
  readonly #byId: ReadonlyMap<string, Person>;
  readonly applicant: Person | null;

  constructor(household: { readonly members: readonly NamedMember[]; readonly period: Household['period'] }, options: { readonly masked?: boolean } = {}) {
    const day = firstDayOf(household.period);
    const ages = new Map(household.members.map((m) => [m.id, Math.max(0, ageOn(m.birthDate, day))]));
    // The name as given; none for a protected member when the view is masked (skyddad identitet).
    const nameOf = (m: NamedMember): string | null => (options.masked === true && m.protectedIdentity === true ? null : typeof m.name === 'string' && m.name.trim() !== '' ? m.name.trim() : null);
    // Unnamed children who share an age are told apart by their birth date.
    const sameAge = new Map<number, number>();
    for (const m of household.members) if (m.role === 'child' && nameOf(m) === null) sameAge.set(ages.get(m.id)!, (sameAge.get(ages.get(m.id)!) ?? 0) + 1);
    const others = household.members.filter((m) => m.role === 'other-adult');
    const byId = new Map<string, Person>();
    for (const m of household.members) {
      const name = nameOf(m);
      const age = ages.get(m.id)!;
      const born = `född ${dateSv(m.birthDate)}`;
      const years = `${age} år`;
      let subject: string;
      let object: string;
      let heading: string;
      let label: string;
      let called: string;
      let calledGen: string;
      if (name !== null) {
        subject = m.role === 'applicant' ? 'du' : name;
        object = m.role === 'applicant' ? 'dig' : name;
        heading = m.role === 'child' ? `${name}, ${years}` : name;
        label = `${name} (${ROLE_WORD[m.role]}${m.role === 'child' ? `, ${years}` : ''})`;
        called = name;
        calledGen = genitiveSv(name);
      } else if (m.role === 'applicant') {
        subject = 'du';
        object = 'dig';
        heading = 'Sökanden';
        label = `Sökande, född ${m.birthDate.slice(0, 4)}`;
        called = 'sökanden';
        calledGen = 'sökandens';
      } else if (m.role === 'partner') {
        subject = object = 'din partner';
        heading = 'Din partner';
        label = `Make/maka/sambo, född ${m.birthDate.slice(0, 4)}`;
        called = 'medsökanden';
        calledGen = 'medsökandens';
      } else if (m.role === 'child') {
        const twin = (sameAge.get(age) ?? 0) > 1;
        subject = object = `barnet som är ${years}${twin ? ` (${born})` : ''}`;
        heading = `Barnet som är ${years}${twin ? ` (${born})` : ''}`;
        label = `Barn, ${years}${twin ? `, ${born}` : ''}`;
        called = subject;
        calledGen = `barnets (${years}${twin ? `, ${born}` : ''})`;
      } else {
        const several = others.length > 1;
        subject = object = several ? `den vuxna som är ${born}` : 'den andra vuxna i hushållet';
        heading = capital(subject);
        label = `Annan vuxen, född ${several ? m.birthDate : m.birthDate.slice(0, 4)}`;
        called = subject;
        calledGen = several ? `den vuxnas (${born})` : 'den andra vuxnas';
      }
      const third = name ?? (m.role === 'applicant' ? 'sökanden' : subject);
      byId.set(m.id, { id: m.id, role: m.role, name, age, subject, object, third, heading, label, called, calledGen });
    }
    this.#byId = byId;
    this.applicant = household.members.map((m) => byId.get(m.id)!).find((p) => p.role === 'applicant') ?? null;
  }

  /**
   * The people of a stored input (a household as JSON: the queue's and the case view's records), or
   * null when it has no month or no members to read; a member without id, role or birth date is left out.
   */
  static fromInput(input: unknown, options: { readonly masked?: boolean } = {}): People | null {
    if (input === null || typeof input !== 'object') return null;
    const raw = input as Record<string, unknown>;
    const period = typeof raw['period'] === 'string' ? parsePeriod(raw['period']) : null;
    if (period === null || !Array.isArray(raw['members'])) return null;
    const members: NamedMember[] = [];
    for (const m of raw['members'] as unknown[]) {
      if (m === null || typeof m !== 'object') continue;
      const x = m as Record<string, unknown>;
      if (typeof x['id'] !== 'string' || typeof x['birthDate'] !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(x['birthDate']) || !(typeof x['role'] === 'string' && x['role'] in ROLE_WORD)) continue;
      members.push({ id: x['id'], role: x['role'] as Member['role'], birthDate: x['birthDate'], name: typeof x['name'] === 'string' ? x['name'] : null, protectedIdentity: x['protectedIdentity'] === true });
    }
    return new People({ members, period }, options);
  }

  get(id: string): Person | undefined {
    return this.#byId.get(id);
  }

  /** The letter's subject for a member id; an id not in the household (never expected) reads "en person i hushållet", never the id. */
  subject(id: string | null | undefined): string {
    return (id === null || id === undefined ? undefined : this.#byId.get(id)?.subject) ?? 'en person i hushållet';
  }

  object(id: string | null | undefined): string {
    return (id === null || id === undefined ? undefined : this.#byId.get(id)?.object) ?? 'en person i hushållet';
  }

  /** The worksheet's label for a member id. */
  label(id: string | null | undefined): string {
    return (id === null || id === undefined ? undefined : this.#byId.get(id)?.label) ?? 'En person i hushållet';
  }

  /** Every member id. */
  ids(): string[] {
    return [...this.#byId.keys()];
  }

  /**
   * A message's arguments with every member id replaced by how `form` names the person, so that a
   * catalogue text reads "Alex (sökande)" or "dig" instead of "a1". Generic over the keys: an argument
   * called memberId, or a comma-separated list of them in `children`.
   */
  args(args: MessageArgs, form: 'label' | 'third' | 'called' = 'label'): MessageArgs {
    if (!('memberId' in args) && !('children' in args)) return args;
    const name = (id: string) => (form === 'label' ? this.label(id) : ((form === 'called' ? this.#byId.get(id)?.called : this.#byId.get(id)?.third) ?? 'en person i hushållet'));
    const out: Record<string, string | number> = { ...args };
    if (typeof args['memberId'] === 'string' && args['memberId'] !== '') {
      // One id, or the adults of a household-wide alternative as "a1, a2".
      out['memberId'] = args['memberId'].split(/,\s*/).filter(Boolean).map(name).join(', ');
      // The genitive ("utan Sara Linds del"), never the label's "Sara Lind (sökande)s".
      const person = this.#byId.get(args['memberId']);
      out['memberIdGen'] = person === undefined ? 'en persons' : form === 'third' ? genitiveSv(person.third) : person.calledGen;
    }
    if (typeof args['children'] === 'string') out['children'] = args['children'].split(/,\s*/).filter(Boolean).map(name).join(', ');
    return out;
  }
}
