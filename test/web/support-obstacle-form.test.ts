/**
 * The preview form asks for the försörjningshinder of each adult (issue 25 item 1, "the caseworker page
 * asks for it for each adult"): a select of the month's list (GET /api/types supportObstacles, the
 * labels of rules/support-obstacles.json) for the applicant and a partner, none for a child, reached and
 * chosen by keyboard, and sent as members[].supportObstacle; a loaded household keeps its code.
 */
import { describe, expect, it } from 'vitest';
import { supportObstaclesFor } from '../../src/casework/supportObstacle.ts';
import { book } from '../support/engine.ts';
import { householdSent, needBrowser, openWith, parentAndChild, recalculated, rowOf, server, useCaseworkerPage } from './support/caseworker-page.ts';

useCaseworkerPage();

const list = supportObstaclesFor(book, '2026-03')!;

describe('the försörjningshinder in the preview form', () => {
  it('GET /api/types gives the month\'s list with its Swedish labels', async () => {
    needBrowser();
    const types = (await (await fetch(`${server.url}/api/types?period=2026-03`)).json()) as { supportObstacles: { code: string; labelSv: string }[] };
    expect(types.supportObstacles).toEqual(Object.entries(list).map(([code, o]) => ({ code, labelSv: o.labelSv, labelEn: o.labelEn })));
    expect(types.supportObstacles).toHaveLength(23);
  });

  it('offers the list for the applicant, not for a child, and sends the choice made by keyboard', async () => {
    needBrowser();
    const p = await openWith(parentAndChild('2026-03', 0));
    const applicant = rowOf(p, 'members', 0).getByLabel('Försörjningshinder');
    await expect(applicant.isVisible()).resolves.toBe(true);
    expect(await rowOf(p, 'members', 1).getByLabel('Försörjningshinder').isVisible()).toBe(false);
    const options = await applicant.locator('option').evaluateAll((os) => os.map((o) => o.textContent));
    expect(options).toEqual(['Välj försörjningshinder …', ...Object.values(list).map((o) => o.labelSv)]);
    expect((await householdSent(p))['members'][0].supportObstacle).toBeUndefined();

    // Keyboard: Tab from Kön reaches it; the arrow keys choose.
    await rowOf(p, 'members', 0).getByLabel('Kön').focus();
    await p.keyboard.press('Tab');
    expect(await p.evaluate('document.activeElement?.dataset.key')).toBe('supportObstacle');
    await p.keyboard.press('ArrowDown');
    await p.keyboard.press('ArrowDown');
    await recalculated(p);
    const sent = await householdSent(p);
    expect(sent['members'][0].supportObstacle).toBe(Object.keys(list)[1]);
    expect(sent['members'][1].supportObstacle).toBeUndefined();
    await p.context().close();
  });

  it('keeps the code of a loaded household', async () => {
    needBrowser();
    const household = parentAndChild('2026-03', 0);
    household.members[0] = { ...household.members[0]!, supportObstacle: 'saknar-barnomsorg' } as (typeof household.members)[0];
    const p = await openWith(household);
    expect(await rowOf(p, 'members', 0).getByLabel('Försörjningshinder').inputValue()).toBe('saknar-barnomsorg');
    expect((await householdSent(p))['members'][0].supportObstacle).toBe('saknar-barnomsorg');
    await p.context().close();
  });
});
