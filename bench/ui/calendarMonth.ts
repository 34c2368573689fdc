import { openBenchPage, openWorkspaceView, type ClockSamples, type UiBenchOptions } from './benchPage';
import { CoreClient } from './host';
import type { ClockReading, PageClock } from './pageClock';
import { fetchRange, MONTH_CELL_POSTS, visibleDays } from '../../src/renderer/src/features/planner/calendar';
import { percentile } from '../record';
import type { PlannerSeed } from './plannerSeed';

/**
 * ui.calendar_month_ms_p50: in Chromium against the headless host on a seeded data folder, the
 * time from clicking "Month" in the planner (the week of the seeded month on screen) to the frame
 * that shows the month: its posts fetched from the core, grouped by day and rendered.
 *
 * The clock runs in the page (pageClock.ts): from the click to the DOM holding the month table with
 * every post it shows, and on to the end of the next frame's rendering work.
 */

const VIEWPORT = { width: 1600, height: 1000 };
const WARM_UP = 2;
const SAMPLES = Number(process.env.LEITSTAND_BENCH_UI_MONTH_SAMPLES ?? 15);

export interface CalendarMonthSamples extends ClockSamples {
  /** The same schedule.list the month asks for, from a second client: the core's and the socket's share. */
  coreRoundTrip: number[];
}

/** The little of the DOM the page function uses (the benchmark's TypeScript has no DOM library). */
interface El {
  textContent: string | null;
  closest(selector: string): El | null;
  querySelector(selector: string): El | null;
  querySelectorAll(selector: string): { length: number };
}
interface Win extends PageClock {
  document: El;
  __benchMonth?: Promise<ClockReading>;
}

/** Arms the in-page clock for the next click on "Month"; the outcome is left in window.__benchMonth. */
async function arm(page: import('@playwright/test').Page, expected: { label: string; chips: number }): Promise<void> {
  await page.evaluate(({ label, chips }) => {
    const win = globalThis as unknown as Win;
    win.__benchMonth = win.__benchClock!<{ target: El }>({
      event: 'click',
      starts: (event) => event.target.closest('button')?.textContent?.trim() === 'Month',
      shown: () => {
        const table = win.document.querySelector(`table[aria-label="${label}"]`);
        return table !== null && table.querySelectorAll('.post-chip').length === chips;
      },
      timeoutMs: 20_000,
      timeoutMessage: `No "${label}" with ${chips} posts within 20 s.`,
    });
    win.__benchMonth.catch(() => {});
  }, expected);
}

export async function measureCalendarMonth({ dataDir, seed, log, cleanups }: UiBenchOptions<PlannerSeed>): Promise<CalendarMonthSamples> {
  const { host, page, checkPage } = await openBenchPage({ dataDir, viewport: VIEWPORT, log, cleanups });
  await openWorkspaceView(page, seed.workspaceName, 'Planner');
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
  checkPage();
  const client = await CoreClient.connect(host.url);
  cleanups.push(() => client.close());
  const { workspaces } = await client.call('workspaces.list', {});
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
