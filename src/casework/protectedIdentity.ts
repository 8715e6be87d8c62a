/**
 * Skyddade personuppgifter (issue 22): a member with `protectedIdentity: true` has their name,
 * personnummer and address masked in everything the case work shows, except to a person whose role
 * may see them (the login proxy's role for protected identities, src/web/casework/auth.ts). The
 * calculation never reads these fields; the store keeps the input as given (a replay needs it).
 *
 * Masking works on the answer itself, whatever shape it has: each protected member's identifying
 * fields are replaced, and every occurrence of their texts anywhere else in the answer (a letter, a
 * payee's name) is replaced too.
 */

export const MASK = 'Skyddad identitet';

/** The fields of a member (or of the household, for the applicant's address) that identify a person. */
export const IDENTIFYING_FIELDS = ['name', 'personnummer', 'address', 'streetAddress', 'postalCode', 'postalTown', 'city', 'coAddress', 'phone', 'email'] as const;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

function membersOf(household: unknown): Record<string, unknown>[] {
  const members = isObject(household) ? household['members'] : undefined;
  return Array.isArray(members) ? members.filter(isObject) : [];
}

export function hasProtectedIdentity(household: unknown): boolean {
  return membersOf(household).some((m) => m['protectedIdentity'] === true);
}

/** The personnummer's other ways of writing it: with and without century and hyphen. */
function personnummerForms(pnr: string): string[] {
  const digits = pnr.replace(/[^0-9]/g, '');
  const forms = new Set<string>([pnr]);
  if (digits.length === 12) forms.add(digits).add(`${digits.slice(0, 8)}-${digits.slice(8)}`).add(digits.slice(2)).add(`${digits.slice(2, 8)}-${digits.slice(8)}`).add(`${digits.slice(0, 8)}-****`);
  if (digits.length === 10) forms.add(digits).add(`${digits.slice(0, 6)}-${digits.slice(6)}`);
  return [...forms];
}

/** Every text that identifies a protected member (and, when the applicant is protected, the household's address; when any member is, the letter's address lines), longest first. */
export function protectedTexts(household: unknown): string[] {
  const texts = new Set<string>();
  const add = (v: unknown) => {
    if (typeof v === 'string' && v.trim().length >= 3) texts.add(v.trim());
    else if (isObject(v)) for (const x of Object.values(v)) add(x);
  };
  for (const m of membersOf(household)) {
    if (m['protectedIdentity'] !== true) continue;
    for (const field of IDENTIFYING_FIELDS) {
      const v = m[field];
      if (field === 'personnummer' && typeof v === 'string') for (const f of personnummerForms(v)) texts.add(f);
      else add(v);
    }
    if (m['role'] === 'applicant' && isObject(household)) for (const field of IDENTIFYING_FIELDS) if (field !== 'name' && field !== 'personnummer') add(household[field]);
  }
  // The letter's address block (docs/household.md "letterhead") is the home of every member: masked when any member is protected.
  const letterhead = isObject(household) && texts.size > 0 ? household['letterhead'] : undefined;
  if (isObject(letterhead) && Array.isArray(letterhead['applicantAddress'])) for (const line of letterhead['applicantAddress']) add(line);
  return [...texts].sort((a, b) => b.length - a.length);
}

function maskString(text: string, texts: readonly string[]): string {
  let out = text;
  for (const t of texts) if (out.includes(t)) out = out.split(t).join(MASK);
  return out;
}

/**
 * A copy of `value` in which the protected members' identifying fields (in any `members` list) are
 * replaced and every occurrence of their texts in any string is masked. Without protected members,
 * the value itself.
 */
export function maskProtected<T>(value: T, household: unknown): T {
  if (!hasProtectedIdentity(household)) return value;
  const texts = protectedTexts(household);
  const walk = (v: Json, inMembers: boolean): Json => {
    if (typeof v === 'string') return maskString(v, texts);
    if (Array.isArray(v)) return v.map((x) => walk(x, inMembers));
    if (v !== null && typeof v === 'object') {
      const out: Record<string, Json> = {};
      const protectedMember = inMembers && v['protectedIdentity'] === true;
      for (const [key, x] of Object.entries(v)) {
        out[key] = protectedMember && (IDENTIFYING_FIELDS as readonly string[]).includes(key) && x !== null ? MASK : walk(x, key === 'members');
      }
      return out;
    }
    return v;
  };
  return walk(JSON.parse(JSON.stringify(value)) as Json, false) as T;
}
