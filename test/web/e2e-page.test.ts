/**
 * Issue 22 item 6, the caseworker preview rebuilt where it helps (the workday review's "typed work",
 * "layout" and "reflow at 320 px" rows), in a real browser (test/web/support/caseworker-page.ts):
 * undo that undoes only what it says, a new letter draft that never deletes the caseworker's own
 * text, the field being typed in kept in view, the amount to pay in the window at 390 px, and no
 * overflow at 320 px.
 */
import { describe, expect, it } from 'vitest';
import type { Route } from 'playwright-core';
import { amount, axe, E2, E3, householdSent, loadExample, needBrowser, openPage, openWith, recalculated, rowOf, serious, server, text, useCaseworkerPage, WAIT } from './support/caseworker-page.ts';

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

  it('"Ångra" after loading an example asks first when the example was changed since, and "Avbryt" keeps the change', async () => {
    needBrowser();
    const p = await openPage();
    await loadExample(p, E3);
    const salary = rowOf(p, 'incomes', 0).getByLabel('Belopp (kr)');
    await salary.fill('23456');
    await recalculated(p);
    let asked = '';
    p.once('dialog', (d) => {
      asked = d.message();
      void d.dismiss();
    });
    await p.getByRole('button', { name: 'Ångra' }).click();
    expect(asked).toMatch(/ändrat efter det tas också bort/);
    expect(await salary.inputValue()).toBe('23456');
    expect(await p.getByRole('button', { name: 'Ångra' }).isVisible()).toBe(true);
    // Said yes to: the page is as it was before the example, empty.
    p.once('dialog', (d) => void d.accept());
    await p.getByRole('button', { name: 'Ångra' }).click();
    expect(await p.locator('[data-list="incomes"] > [data-row]').count()).toBe(0);
    await p.context().close();
  });

  it('"Ersätt texten med ett nytt utkast" is offered only when the proposal changed, asks first, and "Ångra" brings the own text back', async () => {
    needBrowser();
    const p = await openPage();
    await loadExample(p, E3);
    const box = p.getByLabel('Brevets text – kan redigeras före utskrift');
    const outdated = p.locator('#letter-outdated');
    const draft = await box.inputValue();
    expect(draft.length).toBeGreaterThan(100);
    const own = `${draft}\n\nEget tillägg: vi har talat i telefon den 3 december.`;
    await box.fill(own);
    // The proposal has not changed: nothing says it has.
    expect(await outdated.isHidden()).toBe(true);
    // It changes: the own text stays, and the page says the proposal changed.
    await rowOf(p, 'incomes', 0).getByLabel('Belopp (kr)').fill('23456');
    await recalculated(p);
    await outdated.waitFor({ state: 'visible' });
    expect(await box.inputValue()).toBe(own);
    // "No" keeps the text as it is.
    p.once('dialog', (d) => void d.dismiss());
    await p.getByRole('button', { name: 'Ersätt texten med ett nytt utkast' }).click();
    expect(await box.inputValue()).toBe(own);
    // "Yes" replaces it, and "Ångra" brings it back.
    let asked = '';
    p.once('dialog', (d) => {
      asked = d.message();
      void d.accept();
    });
    await p.getByRole('button', { name: 'Ersätt texten med ett nytt utkast' }).click();
    expect(asked).toMatch(/Din egen text .* ersätts/);
    const fresh = await box.inputValue();
    expect(fresh).not.toBe(own);
    expect(fresh).not.toContain('Eget tillägg');
    expect(await text(p.locator('#undo-text'))).toBe('Brevets text är ersatt med ett nytt utkast.');
    await p.getByRole('button', { name: 'Ångra' }).click();
    await recalculated(p);
    expect(await box.inputValue()).toBe(own);
    expect(await p.evaluate('document.activeElement.id')).toBe('letter-text');
    // A recalculation does not overwrite it either.
    await rowOf(p, 'incomes', 0).getByLabel('Belopp (kr)').fill('23457');
    await recalculated(p);
    expect(await box.inputValue()).toBe(own);
    await p.context().close();
  });

  it('Person 1’s "Ta bort" is not the first Tab stop of its card: it comes after the fields, where it is drawn', async () => {
    needBrowser();
    const p = await openPage();
    const card = rowOf(p, 'members', 0);
    await card.getByLabel('Roll').focus();
    await p.keyboard.press('Shift+Tab');
    // Before the card's first field: the fields of "Ärende", never the remove button.
    expect(await p.evaluate(`document.activeElement.closest('[data-row="members"]') === null`)).toBe(true);
    const stops: string[] = [];
    await card.getByLabel('Roll').focus();
    for (let i = 0; i < 40 && stops.at(-1) !== 'remove'; i++) {
      await p.keyboard.press('Tab');
      stops.push((await p.evaluate(`document.activeElement.dataset.remove ? 'remove' : document.activeElement.dataset.key ?? ''`)) as string);
    }
    expect(stops.at(-1)).toBe('remove');
    expect(stops.slice(0, 3)).toEqual(['displayName', 'birthDate', 'personnummer']);
    const button = (await card.getByRole('button', { name: 'Ta bort person 1' }).boundingBox())!;
    const last = (await card.getByLabel('Id').boundingBox())!;
    expect(button.y).toBeGreaterThan(last.y);
    await p.context().close();
  });
});

describe('issue 22: layout', () => {
  it('the field being typed in stays where it was when the answer puts hints above it (1366×768)', async () => {
    needBrowser();
    const p = await openWith({
      period: '2026-03',
      members: [
        { id: 'a1', role: 'applicant', birthDate: '1988-05-14' },
        { id: 'c1', role: 'child', birthDate: '2016-10-03' },
        { id: 'c2', role: 'child', birthDate: '2018-02-11' },
        { id: 'c3', role: 'child', birthDate: '2021-09-15' },
      ],
      incomes: [{ memberId: 'a1', type: 'salary', amount: '12000' }],
      costs: [{ type: 'rent', amount: '9500' }],
      circumstances: { availableForWork: true },
    });
    // Typing faster than the answers: they are held until the caseworker is in the income field.
    const held: Route[] = [];
    await p.route('**/api/calculate', (route) => void held.push(route));
    for (const i of [1, 2, 3]) {
      await rowOf(p, 'members', i).getByLabel('Födelsedatum').fill('2016-13-45');
      await p.keyboard.press('Tab');
    }
    const field = rowOf(p, 'incomes', 0).getByLabel('Belopp (kr)');
    await field.focus();
    // The field near the bottom of the window, as when typing down the form.
    await p.evaluate(`window.scrollBy(0, document.activeElement.getBoundingClientRect().bottom - (innerHeight - 30))`);
    const top = async () => (await p.evaluate('document.activeElement.getBoundingClientRect().top')) as number;
    const before = await top();
    expect(before).toBeGreaterThan(600);
    await p.keyboard.type('5');
    await p.unroute('**/api/calculate');
    for (const route of held) await route.continue().catch(() => undefined);
    await p.locator('#result[data-state="invalid"]').waitFor(WAIT);
    // The three dates' errors are shown above it, and the field has not moved.
    expect(await p.locator('[data-list="members"] .field-error:visible').count()).toBe(3);
    expect(await p.evaluate('document.activeElement.dataset.key')).toBe('amount');
    expect(Math.abs((await top()) - before)).toBeLessThanOrEqual(1);
    await p.context().close();
  });

  it('at 390×844 the outcome and the amount to pay are in the window from the top of the form, and Tab never hides focus under them', async () => {
    needBrowser();
    const p = await openPage({ width: 390, height: 844 });
    await loadExample(p, E2);
    await p.evaluate('window.scrollTo(0, 0)');
    const bar = p.locator('#result-peek');
    await bar.waitFor({ state: 'visible' });
    const box = (await bar.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(844);
    expect(box.y).toBeGreaterThan(700);
    const payable = await text(amount('payable', p));
    expect(await text(bar)).toBe(`${await text(p.locator('#result .outcome__label'))} · Att betala ${payable}`);
    expect(serious(await axe(p))).toEqual([]);
    // Forward through the whole form: every focused control is above the bar.
    let hidden = 0;
    let stops = 0;
    for (let i = 0; i < 80; i++) {
      await p.keyboard.press('Tab');
      if (!(await p.evaluate(`document.activeElement.closest('#household-form') !== null`))) continue;
      stops += 1;
      // Both read in one tick of the page: the bar may hide between two separate reads.
      const { bottom, top } = (await p.evaluate(`(() => {
        const bar = document.getElementById('result-peek');
        const shown = bar !== null && !bar.hidden && bar.getClientRects().length > 0 && getComputedStyle(bar).visibility !== 'hidden';
        return { bottom: document.activeElement.getBoundingClientRect().bottom, top: shown ? bar.getBoundingClientRect().top : 844 };
      })()`)) as { bottom: number; top: number };
      if (bottom > top + 1) hidden += 1;
    }
    expect(stops).toBeGreaterThan(30);
    expect(hidden).toBe(0);
    // The link goes to the proposal, and there the bar gives way to the outcome itself.
    await bar.getByRole('link').click();
    await bar.waitFor({ state: 'hidden' });
    expect((await p.locator('#result .outcome__label').boundingBox())!.y).toBeLessThan(844);
    await p.context().close();
  });
});

describe('issue 22: reflow at 320 px', () => {
  /** The document's width, and what sticks out past the window outside any scroll box (the message when it fails). */
  const overflow = (p: import('playwright-core').Page) =>
    p.evaluate(`({ width: document.documentElement.scrollWidth, wide: [...document.querySelectorAll('body *')].filter((el) => { if (el.getBoundingClientRect().right <= innerWidth + 0.5 || !el.getClientRects().length) return false; for (let a = el.parentElement; a; a = a.parentElement) if (getComputedStyle(a).overflowX !== 'visible') return false; return true; }).slice(0, 3).map((el) => el.tagName + '.' + el.className + ' ' + (el.textContent || '').trim().slice(0, 40)) })`) as Promise<{ width: number; wide: string[] }>;

  it('/ with every part of the calculation open (trace included): nothing wider than 320 px', async () => {
    needBrowser();
    const p = await openPage({ width: 320, height: 700 });
    await loadExample(p, E2);
    await p.evaluate(`for (const d of document.querySelectorAll('#result details')) d.open = true`);
    expect(await p.locator('#r-trace[open]').count()).toBe(1);
    const { width, wide } = await overflow(p);
    expect(width, wide.join(' | ')).toBeLessThanOrEqual(320);
    expect(serious(await axe(p))).toEqual([]);
    await p.context().close();
  });

  it('/ with a name typed as one long word, and the trace open: nothing wider than 320 px', async () => {
    needBrowser();
    const p = await openPage({ width: 320, height: 700 });
    await loadExample(p, 'h3-partner-not-at-labour-market-disposal-2026');
    await rowOf(p, 'members', 0).getByLabel('Namn').fill('Abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz');
    await recalculated(p);
    await p.evaluate(`for (const d of document.querySelectorAll('#result details')) d.open = true`);
    expect(await text(p.locator('#r-trace'))).toContain('Abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz');
    const { width, wide } = await overflow(p);
    expect(width, wide.join(' | ')).toBeLessThanOrEqual(320);
    await p.context().close();
  });

  it('/ with the trace open for a household whose ids and codes are long words: nothing wider than 320 px', async () => {
    needBrowser();
    const id = 'sokande-med-ett-mycket-langt-id-utan-mellanslag';
    const p = await openWith({
      caseId: 'ARENDE-2026-0000000000000000000000000001',
      period: '2026-03',
      members: [{ id, role: 'applicant', birthDate: '1988-05-14' }, { id: `${id}-barn`, role: 'child', birthDate: '2016-10-03' }],
      incomes: [{ memberId: id, type: 'salary', amount: '2000' }],
      costs: [{ type: 'rent', amount: '7000' }],
      circumstances: { availableForWork: true },
    });
    await p.setViewportSize({ width: 320, height: 700 });
    await p.evaluate(`for (const d of document.querySelectorAll('#result details')) d.open = true`);
    const { width, wide } = await overflow(p);
    expect(width, wide.join(' | ')).toBeLessThanOrEqual(320);
    await p.context().close();
  });

  for (const lang of ['sv', 'ar']) {
    it(`/invanare (${lang}): the norm table scrolls in its own box, the page is no wider than 320 px`, async () => {
      needBrowser();
      const p = await openPage({ width: 320, height: 700 });
      await p.goto(`${server.url}/invanare/?lang=${lang}&month=2026-03`);
      // Each norm table in a box of its own, reached by Tab, named by its caption.
      const boxes = p.locator('#norm .table-scroll[tabindex="0"][role="region"]');
      expect(await boxes.count()).toBe(2);
      expect(await boxes.first().getAttribute('aria-labelledby')).toBe('norm-personal');
      const { width, wide } = await overflow(p);
      expect(width, wide.join(' | ')).toBeLessThanOrEqual(320);
      expect(serious(await axe(p))).toEqual([]);
      await p.context().close();
    });
  }
});
