/**
 * Who the decision makers are, by name and title (docs/workday.md "The decision maker's name and
 * title"): the login proxy names a person by their login (X-Remote-User, e.g. "kber01"), and a letter
 * is signed with the person's name and title ("Karin Berg, socialsekreterare"), never with a login. The
 * municipality keeps the list as a JSON file the server reads (`serve --staff-directory FILE`):
 *
 *   { "staff": [ { "user": "kber01", "name": "Karin Berg", "title": "socialsekreterare" } ] }
 *
 * The name and title are stored in the registration when the decision is registered (what the person
 * was called and in which capacity they decided on that day); a registration made without them gets
 * them from the file when its letter is made later, and no letter is made for a person the file does
 * not name (casework/letter.ts).
 */
import { z } from 'zod';

/** The name and title a decision is signed with. */
export interface Signer {
  readonly name: string;
  readonly title: string;
}

/** One printed line: no control characters, at most 100 characters. */
const line = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[^\u0000-\u001f\u007f]+$/, 'expected one line of text');

const fileSchema = z.strictObject({
  staff: z.array(z.strictObject({ user: z.string().trim().min(1).max(200), name: line, title: line })).max(100_000),
});

export class StaffDirectory {
  readonly #byUser: ReadonlyMap<string, Signer>;

  constructor(entries: readonly { readonly user: string; readonly name: string; readonly title: string }[]) {
    this.#byUser = new Map(entries.map((e) => [e.user, { name: e.name, title: e.title }]));
  }

  /** The person's name and title, or null when the file does not name the login. */
  signer(user: string): Signer | null {
    return this.#byUser.get(user) ?? null;
  }

  get size(): number {
    return this.#byUser.size;
  }
}

/** Reads the file's JSON: the directory, or what is wrong with it (a path and a message each). */
export function readStaffDirectory(raw: unknown): { ok: true; directory: StaffDirectory } | { ok: false; problems: string[] } {
  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map((i) => `${i.path.join('.') || '(file)'}: ${i.message}`) };
  const seen = new Set<string>();
  const twice = parsed.data.staff.filter((e) => (seen.has(e.user) ? true : (seen.add(e.user), false))).map((e) => `staff: the login "${e.user}" is named more than once`);
  if (twice.length > 0) return { ok: false, problems: twice };
  return { ok: true, directory: new StaffDirectory(parsed.data.staff) };
}
