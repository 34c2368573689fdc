import type { Page } from '@playwright/test';
import { launchChromium } from './chromium';
import { ensureBuilt, startHost, type RunningHost } from './host';
import { installPageClock } from './pageClock';

export interface BenchPage {
  host: RunningHost;
  /** The app, loaded, in English, with the page clock installed. */
  page: Page;
  /** How long the host took to start, ms. */
  hostStartMs: number;
  /** Throws if the page reported an error or crashed so far. */
  checkPage(): void;
}

/** What a UI benchmark is given: the seeded data folder and what was seeded into it. */
export interface UiBenchOptions<Seed> {
  dataDir: string;
  seed: Seed;
  log(message: string): void;
  /** What is started is stopped through these, by the caller. */
  cleanups: Array<() => void | Promise<void>>;
}

/** A UI benchmark's samples, taken with the page clock (pageClock.ts), ms. */
export interface ClockSamples {
  /** From the user's action to the end of the frame that shows its outcome. */
  painted: number[];
  /** From the user's action to the DOM holding its outcome. */
  dom: number[];
}

/** Builds the app if needed, starts Chromium and the headless host on DATA_DIR, and opens the app. */
export async function openBenchPage({
  dataDir,
  viewport,
  log,
  cleanups,
}: Omit<UiBenchOptions<unknown>, 'seed'> & { viewport: { width: number; height: number } }): Promise<BenchPage> {
  await ensureBuilt(log);
  const browser = await launchChromium();
  cleanups.push(() => browser.close());
  const started = Date.now();
  const host = await startHost(dataDir, { startTimeoutMs: 120_000, reportUnexpectedExit: true });
  cleanups.push(() => host.stop());
  const hostStartMs = Date.now() - started;
  const context = await browser.newContext({ viewport, locale: 'en-US' });
  cleanups.push(() => context.close());
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('crash', () => problems.push('the renderer crashed'));
  await installPageClock(page);
  await page.goto(host.url);
  return {
    host,
    page,
    hostStartMs,
    checkPage() {
      if (problems.length > 0) throw new Error(`Errors in the page: ${problems.join('; ')}`);
    },
  };
}

/** Opens the workspace named WORKSPACE and its view TAB ("Inbox", "Planner"), as a user would. */
export async function openWorkspaceView(page: Page, workspace: string, tab: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Workspaces' }).getByRole('button', { name: workspace, exact: true }).click({ timeout: 60_000 });
  await page.getByRole('tab', { name: tab }).click({ timeout: 30_000 });
}
