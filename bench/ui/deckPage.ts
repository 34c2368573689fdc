import type { Page } from '@playwright/test';
import type { PageGlobals } from './pageGlobals';

/** Waits until the deck shows `count` columns and every one of them shows items. */
export async function waitForColumns(page: Page, count: number): Promise<void> {
  await page.waitForFunction(
    (expected) => {
      const { document } = globalThis as unknown as PageGlobals;
      const sections = [...document.querySelectorAll('section[data-column-id]')];
      return sections.length === expected && sections.every((section) => section.querySelector('article[data-item-id]'));
    },
    count,
    { timeout: 60_000 },
  );
}

/**
 * Waits until column i shows an item whose title contains marks[i], or offers its "new items"
 * notice (a reader further down sees the count, not the items).
 */
export async function waitForNewest(page: Page, marks: string[]): Promise<void> {
  await page.waitForFunction(
    (marks) => {
      const { document } = globalThis as unknown as PageGlobals;
      return [...document.querySelectorAll('section[data-column-id]')].every(
        (section, i) =>
          [...section.querySelectorAll('article[data-item-id] .item__title')].some((title) => title.textContent?.includes(marks[i] ?? '\u0000')) ||
          section.querySelector('.column__new') !== null,
      );
    },
    marks,
    { timeout: 60_000 },
  );
}

/** Scrolls the list of column `index` by `px`, as a reader who went further down. */
export async function scrollColumnBy(page: Page, index: number, px: number): Promise<void> {
  await page.evaluate(
    ({ index, px }) => {
      const { document } = globalThis as unknown as PageGlobals;
      document.querySelectorAll('section[data-column-id] .column__scroll')[index]?.scrollBy({ top: px, behavior: 'instant' });
    },
    { index, px },
  );
}

/** Cards rendered in the whole deck. */
export async function renderedCards(page: Page): Promise<number> {
  return page.evaluate(() => (globalThis as unknown as PageGlobals).document.querySelectorAll('article[data-item-id]').length);
}
