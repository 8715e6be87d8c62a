/** The workday pages in a real browser: a page signed in as someone, and key presses counted (docs/workday.md). */
import type { Page } from 'playwright-core';
import type { TestBrowser } from '../../support/browser.ts';

/** A new page in its own context, signed in with `headers` (the login proxy's), Swedish, with the page's errors collected. */
export async function workdayPage(chromium: TestBrowser, headers: Record<string, string>, width = 1366, height = 900): Promise<{ page: Page; errors: string[] }> {
  const context = await chromium.need().newContext({ viewport: { width, height }, locale: 'sv-SE', extraHTTPHeaders: headers });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return { page, errors };
}

/** Counts the keys pressed for one case. */
export class Keys {
  tab = 0;
  enter = 0;
  space = 0;
  typed = 0;
  constructor(private readonly page: Page) {}
  get total(): number {
    return this.tab + this.enter + this.space + this.typed;
  }
  async press(key: 'Tab' | 'Shift+Tab' | 'Enter' | ' '): Promise<void> {
    if (key === 'Enter') this.enter += 1;
    else if (key === ' ') this.space += 1;
    else this.tab += 1;
    await this.page.keyboard.press(key === ' ' ? 'Space' : key);
  }
  async type(text: string): Promise<void> {
    this.typed += text.length;
    await this.page.keyboard.type(text);
  }
  /** Tabs (forwards or backwards, whichever is the way in the document) until the element has focus. */
  async focus(selector: string): Promise<void> {
    await this.page.locator(selector).waitFor();
    for (let i = 0; i < 80; i++) {
      // Where the element is from the focus, in document order (the page's DOM, as a string: no DOM types here).
      const where = (await this.page.evaluate(`(() => {
        const target = document.querySelector(${JSON.stringify(selector)});
        const active = document.activeElement;
        if (active === target) return 'here';
        if (!active || active === document.body) return 'after';
        return active.compareDocumentPosition(target) & Node.DOCUMENT_POSITION_FOLLOWING ? 'after' : 'before';
      })()`)) as 'here' | 'after' | 'before';
      if (where === 'here') return;
      await this.press(where === 'after' ? 'Tab' : 'Shift+Tab');
    }
    throw new Error(`${selector}: not reached by Tab`);
  }
}
