/** The staff directory (serve --staff-directory FILE, docs/workday.md): the decision makers' names and titles by login. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readStaffDirectory } from '../../src/casework/staffDirectory.ts';
import { staffDirectoryFrom, UsageError } from '../../src/cli/common.ts';

const dir = mkdtempSync(join(tmpdir(), 'staff-directory-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('readStaffDirectory', () => {
  it('gives each login its name and title, and null for a login it does not name', () => {
    const read = readStaffDirectory({ staff: [{ user: 'kber01', name: 'Karin Berg', title: 'socialsekreterare' }, { user: 'åsa.ö', name: 'Åsa Öberg', title: 'enhetschef' }] });
    if (!read.ok) throw new Error(read.problems.join('; '));
    expect(read.directory.signer('kber01')).toEqual({ name: 'Karin Berg', title: 'socialsekreterare' });
    expect(read.directory.signer('åsa.ö')).toEqual({ name: 'Åsa Öberg', title: 'enhetschef' });
    expect(read.directory.signer('KBER01')).toBeNull();
    expect(read.directory.size).toBe(2);
  });

  it.each([
    ['no staff list', {}, 'staff'],
    ['a missing title', { staff: [{ user: 'a', name: 'A B' }] }, 'staff.0.title'],
    ['an empty name', { staff: [{ user: 'a', name: ' ', title: 'x' }] }, 'staff.0.name'],
    ['a name of two lines', { staff: [{ user: 'a', name: 'A\nB', title: 'x' }] }, 'staff.0.name'],
    ['an unknown field', { staff: [{ user: 'a', name: 'A', title: 'x', phone: '1' }] }, 'staff.0'],
    ['a login named twice', { staff: [{ user: 'a', name: 'A', title: 'x' }, { user: 'a', name: 'B', title: 'y' }] }, 'the login "a" is named more than once'],
  ])('refuses %s, naming where', (_what, raw, where) => {
    const read = readStaffDirectory(raw);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.problems.join('; ')).toContain(where);
  });

  it('serve and letter refuse a file that is not JSON or not a directory, naming the option and the file', () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{ "staff": [');
    expect(() => staffDirectoryFrom(bad)).toThrow(UsageError);
    expect(() => staffDirectoryFrom(bad)).toThrow(`--staff-directory ${bad}`);
    const wrong = join(dir, 'wrong.json');
    writeFileSync(wrong, JSON.stringify({ staff: [{ user: 'a' }] }));
    expect(() => staffDirectoryFrom(wrong)).toThrow(/staff\.0\.name/);
  });
});
