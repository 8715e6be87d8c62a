/**
 * How the views name the people of a household: by the name given (members[].name), otherwise by a
 * plain description, never by the member id. The letter speaks to the applicant ("du", "dig"), the
 * worksheet about everyone ("Sökande", "Barn, 7 år").
 *
 *   letter     subject "du" / "Alex" / "din partner" / "barnet som är 7 år"; heading "Alex, 7 år"
 *   worksheet  "Alex (sökande)" / "Sökande, född 1988" / "Barn, 7 år"
 *
 * Two unnamed children of the same age are told apart by their birth date. A view: nothing here is
 * used in a calculation.
 */
import type { Household, Member } from '../household/types.ts';
import { ageOn, firstDayOf } from '../period/index.ts';
import { dateSv } from './format.ts';
import type { MessageArgs } from '../trace/messages.ts';

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

  constructor(household: Pick<Household, 'members' | 'period'>) {
    const day = firstDayOf(household.period);
    const ages = new Map(household.members.map((m) => [m.id, Math.max(0, ageOn(m.birthDate, day))]));
    // Unnamed children who share an age are told apart by their birth date.
    const sameAge = new Map<number, number>();
    for (const m of household.members) if (m.role === 'child' && m.name === null) sameAge.set(ages.get(m.id)!, (sameAge.get(ages.get(m.id)!) ?? 0) + 1);
    const others = household.members.filter((m) => m.role === 'other-adult');
    const byId = new Map<string, Person>();
    for (const m of household.members) {
      const age = ages.get(m.id)!;
      const born = `född ${dateSv(m.birthDate)}`;
      const years = `${age} år`;
      let subject: string;
      let object: string;
      let heading: string;
      let label: string;
      if (m.name !== null) {
        subject = m.role === 'applicant' ? 'du' : m.name;
        object = m.role === 'applicant' ? 'dig' : m.name;
        heading = m.role === 'child' ? `${m.name}, ${years}` : m.name;
        label = `${m.name} (${ROLE_WORD[m.role]}${m.role === 'child' ? `, ${years}` : ''})`;
      } else if (m.role === 'applicant') {
        subject = 'du';
        object = 'dig';
        heading = 'Sökanden';
        label = `Sökande, född ${m.birthDate.slice(0, 4)}`;
      } else if (m.role === 'partner') {
        subject = object = 'din partner';
        heading = 'Din partner';
        label = `Make/maka/sambo, född ${m.birthDate.slice(0, 4)}`;
      } else if (m.role === 'child') {
        const twin = (sameAge.get(age) ?? 0) > 1;
        subject = object = `barnet som är ${years}${twin ? ` (${born})` : ''}`;
        heading = `Barnet som är ${years}${twin ? ` (${born})` : ''}`;
        label = `Barn, ${years}${twin ? `, ${born}` : ''}`;
      } else {
        const several = others.length > 1;
        subject = object = several ? `den vuxna som är ${born}` : 'den andra vuxna i hushållet';
        heading = capital(subject);
        label = `Annan vuxen, född ${several ? m.birthDate : m.birthDate.slice(0, 4)}`;
      }
      const third = m.name ?? (m.role === 'applicant' ? 'sökanden' : subject);
      byId.set(m.id, { id: m.id, role: m.role, name: m.name, age, subject, object, third, heading, label });
    }
    this.#byId = byId;
    this.applicant = household.members.map((m) => byId.get(m.id)!).find((p) => p.role === 'applicant') ?? null;
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
  args(args: MessageArgs, form: 'label' | 'third' = 'label'): MessageArgs {
    if (!('memberId' in args) && !('children' in args)) return args;
    const name = (id: string) => (form === 'label' ? this.label(id) : (this.#byId.get(id)?.third ?? 'en person i hushållet'));
    const out: Record<string, string | number> = { ...args };
    if (typeof args['memberId'] === 'string' && args['memberId'] !== '') out['memberId'] = name(args['memberId']);
    if (typeof args['children'] === 'string') out['children'] = args['children'].split(/,\s*/).filter(Boolean).map(name).join(', ');
    return out;
  }
}
