import { launchChromium } from './chromium';
import { ensureBuilt, HostClient, startHost } from './host';
import { fetchRange, visibleDays } from '../../src/renderer/src/features/planner/calendar';
import { percentile } from '../record';
import type { PlannerSeed } from './plannerSeed';
import { MONTH_CELL_POSTS } from '../../src/renderer/src/features/planner/calendar';

/**
 * ui.calendar_month_ms_p50: in Chromium against the headless host on a seeded data folder, the
 * time from clicking "Month" in the planner (the week of the seeded month on screen) to the frame
 * that shows the month: its posts fetched from the core, grouped by day and rendered.
 *
 * The clock runs in the page: from the click (a capturing listener, before the app's own) to the
 * DOM holding the month table with every post it shows (checked on each mutation), and on to the
 * end of the next frame's rendering work (a message posted from requestAnimationFrame).
 */

const VIEWPORT = { width: 1600, height: 1000 };
const WARM_UP = 2;
const SAMPLES = Number(process.env.LEITSTAND_BENCH_UI_MONTH_SAMPLES ?? 15);

export interface CalendarMonthSamples {
  painted: number[];
  dom: number[];
  /** The same schedule.list the month asks for, from a second client: the core's and the socket's share. */
  coreRoundTrip: number[];
}

interface Options {
  dataDir: string;
  seed: PlannerSeed;
  log(message: string): void;
  cleanups: Array<() => void | Promise<void>>;
}

/** The little of the DOM the page function uses (the benchmark's TypeScript has no DOM library). */
interface El {
  textContent: string | null;
  getAttribute(name: string): string | null;
  closest(selector: string): El | null;
  querySelector(selector: string): El | null;
  querySelectorAll(selector: string): { length: number };
}
interface Win {
  document: El & { body: El; addEventListener(type: string, listener: (event: { target: El }) => void, capture: boolean): void; removeEventListener(type: string, listener: (event: { target: El }) => void, capture: boolean): void };
  performance: { now(): number };
  requestAnimationFrame(callback: () => void): number;
  setTimeout(callback: () => void, ms: number): number;
  clearTimeout(id: number): void;
  MessageChannel: new () => { port1: { onmessage: (() => void) | null }; port2: { postMessage(value: number): void } };
  MutationObserver: new (callback: () => void) => { observe(target: El, options: Record<string, boolean>): void; disconnect(): void };
  __benchMonth?: Promise<{ dom: number; painted: number }>;
}

/** Arms the in-page clock for the next click on "Month"; the outcome is left in window.__benchMonth. */
async function arm(page: import('@playwright/test').Page, expected: { label: string; chips: number }): Promise<void> {
  await page.evaluate(({ label, chips }) => {
    const win = globalThis as unknown as Win;
    const { document, performance } = win;
    win.__benchMonth = new Promise((resolve, reject) => {
      let start: number | null = null;
      let done = false;
      const onClick = (event: { target: El }) => {
        const button = event.target.closest('button');
        if (start === null && button?.textContent?.trim() === 'Month') {
          start = performance.now();
          check();
        }
      };
      const shown = () => {
        const table = document.querySelector(`table[aria-label="${label}"]`);
        return table !== null && table.querySelectorAll('.post-chip').length === chips;
      };
      const observer = new win.MutationObserver(() => check());
      const timer = win.setTimeout(() => finish(new Error(`No "${label}" with ${chips} posts within 20 s.`)), 20_000);
      function finish(outcome: { dom: number; painted: number } | Error) {
        done = true;
        observer.disconnect();
        win.clearTimeout(timer);
        document.removeEventListener('click', onClick, true);
        if (outcome instanceof Error) reject(outcome);
        else resolve(outcome);
      }
      function check() {
        if (done || start === null || !shown()) return;
        done = true;
        const dom = performance.now() - start;
        const begun = start;
        win.requestAnimationFrame(() => {
          const channel = new win.MessageChannel();
          channel.port1.onmessage = () => finish({ dom, painted: performance.now() - begun });
          channel.port2.postMessage(0);
        });
      }
      document.addEventListener('click', onClick, true);
      observer.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
    });
    win.__benchMonth.catch(() => {});
  }, expected);
}

export async function measureCalendarMonth({ dataDir, seed, log, cleanups }: Options): Promise<CalendarMonthSamples> {
  await ensureBuilt(log);
  const browser = await launchChromium();
  cleanups.push(() => browser.close());
  const host = await startHost(dataDir, { startTimeoutMs: 120_000, reportUnexpectedExit: true });
  cleanups.push(() => host.stop());
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'en-US' });
  cleanups.push(() => context.close());
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('crash', () => problems.push('the renderer crashed'));

  await page.goto(host.url);
  await page.getByRole('navigation', { name: 'Workspaces' }).getByRole('button', { name: seed.workspaceName, exact: true }).click({ timeout: 60_000 });
  await page.getByRole('tab', { name: 'Planner' }).click({ timeout: 30_000 });
  // The seeded month: Month, Next month, then back to the week of its first day.
  const layout = page.getByRole('group', { name: 'Calendar layout' });
  await layout.getByRole('button', { name: 'Month' }).click();
  await page.getByRole('button', { name: 'Next month' }).click();
  await layout.getByRole('button', { name: 'Week' }).click();

  const [year, month] = seed.month.split('-').map(Number) as [number, number];
  const title = new Intl.DateTimeFormat('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(year, month - 1, 1)));
  const label = `Calendar ${title}`;
  const chips = [...seed.perDay.values()].reduce((sum, count) => sum + Math.min(count, MONTH_CELL_POSTS), 0);
  const week = page.locator('table.planner-week');

  const samples: CalendarMonthSamples = { painted: [], dom: [], coreRoundTrip: [] };
  for (let taken = 0; taken < WARM_UP + SAMPLES; taken++) {
    await week.waitFor({ timeout: 30_000 });
    await arm(page, { label, chips });
    await layout.getByRole('button', { name: 'Month' }).click();
    const outcome = await page.evaluate(() => (globalThis as unknown as Win).__benchMonth!);
    if (taken >= WARM_UP) {
      samples.painted.push(outcome.painted);
      samples.dom.push(outcome.dom);
    }
    await layout.getByRole('button', { name: 'Week' }).click();
  }
  if (problems.length > 0) throw new Error(`Errors in the page: ${problems.join('; ')}`);
  const client = await HostClient.connect(host.url);
  cleanups.push(() => client.close());
  const { workspaces } = await client.call<{ workspaces: Array<{ id: string; name: string }> }>('workspaces.list', {});
  const workspaceId = workspaces.find((w) => w.name === seed.workspaceName)!.id;
  const range = fetchRange(visibleDays('month', `${seed.month}-01`));
  for (let i = 0; i < 10; i++) {
    const started = performance.now();
    await client.call('schedule.list', { workspaceId, ...range });
    samples.coreRoundTrip.push(performance.now() - started);
  }
  log(`schedule.list of the month from a second client: p50 ${Math.round(percentile(samples.coreRoundTrip, 50))} ms`);
  if (process.env.LEITSTAND_BENCH_SCREENSHOT) {
    await layout.getByRole('button', { name: 'Month' }).click();
    await page.getByRole('table', { name: label }).waitFor();
    await page.screenshot({ path: process.env.LEITSTAND_BENCH_SCREENSHOT });
  }
  log(`switched to ${title} (${seed.posts} posts, ${chips} shown in its cells) ${samples.painted.length} times after ${WARM_UP} to warm up`);
  return samples;
}
