import type { Page } from '@playwright/test';
import { openBenchPage, openWorkspaceView, type ClockSamples, type UiBenchOptions } from './benchPage';
import type { ClockReading, PageClock } from './pageClock';
import type { InboxSeed } from './inboxSeed';

/**
 * ui.open_conversation: in Chromium against the headless host on a seeded data folder, the time
 * from pressing Enter on an inbox item to its conversation (the item, whose thread a feed entry
 * is by itself: no network) and its author's contact history being rendered.
 *
 * The clock runs in the page (pageClock.ts): from the Enter keydown to the DOM showing both, and on
 * to the end of the next frame's rendering work. Every text of the seed starts with
 * "[a<author> n<item>]", which is how the page check knows the right item and person are shown.
 */

const VIEWPORT = { width: 1600, height: 900 };
const WARM_UP = 3;
const SAMPLES = Number(process.env.LEITSTAND_BENCH_UI_OPEN_SAMPLES ?? 40);

/** From Enter to the conversation shown. */
export type OpenConversationSamples = ClockSamples;

/** The little of the DOM the page functions use (the benchmark's TypeScript has no DOM library). */
interface El {
  textContent: string | null;
  id: string;
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
  contains(other: El | null): boolean;
  focus(): void;
  querySelector(selector: string): El | null;
  querySelectorAll(selector: string): ArrayLike<El> & Iterable<El>;
}
interface Win extends PageClock {
  document: El & { activeElement: El | null; getElementById(id: string): El | null };
  __benchOpen?: Promise<ClockReading>;
  __benchFind?: (name: string) => El | null;
}

/** Installs a finder of elements by accessible name (aria-label or aria-labelledby) in the page. */
async function installFinder(page: Page): Promise<void> {
  await page.evaluate(() => {
    const win = globalThis as unknown as Win;
    const nameOf = (el: El) => {
      const label = el.getAttribute('aria-label');
      if (label) return label.trim();
      const ids = el.getAttribute('aria-labelledby');
      if (!ids) return '';
      return ids
        .split(/\s+/)
        .map((id) => win.document.getElementById(id)?.textContent ?? '')
        .join(' ')
        .trim();
    };
    win.__benchFind = (name) => [...win.document.querySelectorAll('[aria-label], [aria-labelledby]')].find((el) => nameOf(el) === name) ?? null;
  });
}

/** The option the list's keyboard focus is on: focused, the active descendant, or the selected one. */
async function currentMarks(page: Page): Promise<{ author: number; item: number } | null> {
  return page.evaluate(() => {
    const win = globalThis as unknown as Win;
    const list = win.__benchFind!('Inbox items');
    if (!list) return null;
    const active = win.document.activeElement;
    const descendant = list.getAttribute('aria-activedescendant');
    const option =
      active && active.getAttribute('role') === 'option' && list.contains(active)
        ? active
        : descendant
          ? win.document.getElementById(descendant)
          : list.querySelector('[role="option"][aria-selected="true"]');
    const match = /\[a(\d+) n(\d+)\]/.exec(option ? `${option.getAttribute('aria-label') ?? ''} ${option.textContent ?? ''}` : '');
    return match ? { author: Number(match[1]), item: Number(match[2]) } : null;
  });
}

/** Puts the keyboard focus back on the list's current option (Enter may have moved it into the conversation). */
async function refocusList(page: Page): Promise<void> {
  await page.evaluate(() => {
    const win = globalThis as unknown as Win;
    const list = win.__benchFind!('Inbox items');
    if (!list) throw new Error('The listbox "Inbox items" is gone.');
    const descendant = list.getAttribute('aria-activedescendant');
    const option = descendant ? null : (list.querySelector('[role="option"][aria-selected="true"]') ?? list.querySelector('[role="option"][tabindex="0"]'));
    (option ?? list).focus();
  });
}

/** Arms the in-page clock for the next Enter; the outcome is left in window.__benchOpen. */
async function arm(page: Page, marks: { item: string; authors: string[] }): Promise<void> {
  await page.evaluate(({ item, authors }) => {
    const win = globalThis as unknown as Win;
    win.__benchOpen = win.__benchClock!<{ key: string }>({
      event: 'keydown',
      starts: (event) => event.key === 'Enter',
      shown: () => {
        const conversation = win.__benchFind!('Conversation');
        if (!conversation?.textContent?.includes(item)) return false;
        const history = win.__benchFind!('Contact history');
        const first = history?.querySelector('li, [role="listitem"]');
        return authors.some((mark) => first?.textContent?.includes(mark));
      },
      timeoutMs: 10_000,
      timeoutMessage: `No conversation with "${item}" and its contact history within 10 s.`,
    });
    // Keeps an unhandled rejection from surfacing before the harness awaits it.
    win.__benchOpen.catch(() => {});
  }, marks);
}

export async function measureOpenConversation({ dataDir, seed, log, cleanups }: UiBenchOptions<InboxSeed>): Promise<OpenConversationSamples> {
  const { page, hostStartMs, checkPage } = await openBenchPage({ dataDir, viewport: VIEWPORT, log, cleanups });
  log(`host up in ${hostStartMs} ms`);
  await openWorkspaceView(page, 'Inbox benchmark', 'Inbox');
  const list = page.getByRole('listbox', { name: 'Inbox items' });
  await list.getByRole('option').first().waitFor({ timeout: 60_000 });
  await installFinder(page);
  // Into the list as a user would: its first option, then j to move on.
  await list.getByRole('option').first().focus();
  await refocusList(page);

  const samples: OpenConversationSamples = { painted: [], dom: [] };
  let previousAuthor = -1;
  let previousItem = -1;
  for (let taken = 0; taken < WARM_UP + SAMPLES; ) {
    const marks = await currentMarks(page);
    if (!marks) throw new Error('No current option with a "[a… n…]" marker in the list "Inbox items".');
    // A new person each time: an already shown history would make it look faster than it is.
    if (marks.author === previousAuthor || marks.item === previousItem) {
      if (marks.item === previousItem && taken > 0) throw new Error('j did not move to the next inbox item.');
      previousItem = marks.item;
      await page.keyboard.press('j');
      continue;
    }
    const authors = seed.busyContactAuthors.includes(marks.author) ? seed.busyContactAuthors : [marks.author];
    await arm(page, { item: `n${marks.item}]`, authors: authors.map((a) => `[a${a} `) });
    await page.keyboard.press('Enter');
    const outcome = await page.evaluate(() => (globalThis as unknown as Win).__benchOpen!);
    if (taken >= WARM_UP) {
      samples.painted.push(outcome.painted);
      samples.dom.push(outcome.dom);
    }
    taken++;
    previousAuthor = marks.author;
    previousItem = marks.item;
    await refocusList(page);
    await page.keyboard.press('j');
  }
  checkPage();
  // To see what was measured: LEITSTAND_BENCH_SCREENSHOT=/tmp/open.png
  if (process.env.LEITSTAND_BENCH_SCREENSHOT) await page.screenshot({ path: process.env.LEITSTAND_BENCH_SCREENSHOT });
  log(`opened ${samples.painted.length} conversations after ${WARM_UP} to warm up, each of another person`);
  return samples;
}
