import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, it } from 'vitest';
import { percentile, record, wanted } from '../record';
import { measureCalendarMonth } from '../ui/calendarMonth';
import { seedPlanner } from '../ui/plannerSeed';

// The planner's month view in Debian's Chromium against the real headless host, on a data folder
// seeded through the core: 2,000 scheduled posts across 20 accounts, all in one month.

const FIGURE = 'ui.calendar_month_ms_p50';
const ACCOUNTS = 20;
const POSTS = 2_000;

const log = (message: string) => process.stdout.write(`ui: ${message}\n`);
const round = (value: number) => Math.round(value * 100) / 100;
const cleanups: Array<() => void | Promise<void>> = [];

afterEach(async () => {
  for (let cleanup = cleanups.pop(); cleanup; cleanup = cleanups.pop()) await cleanup();
});

it('ui.calendar_month_ms_p50: the month view with 2,000 scheduled posts across 20 accounts', async () => {
  if (!wanted(FIGURE)) return;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'leitstand-bench-planner-'));
  cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  const seed = await seedPlanner(dataDir, { accounts: ACCOUNTS, posts: POSTS });
  log(`scheduled ${seed.posts} posts for ${ACCOUNTS} accounts in ${seed.month} through schedule.fromDraft in ${seed.seedMs} ms`);
  const samples = await measureCalendarMonth({ dataDir, seed, log, cleanups });
  const summary = (values: number[]) => `p50 ${round(percentile(values, 50))}, p95 ${round(percentile(values, 95))}, max ${round(Math.max(...values))}`;
  log(`click to DOM ${summary(samples.dom)} ms; click to painted frame ${summary(samples.painted)} ms`);
  record(FIGURE, percentile(samples.painted, 50), 'ms');
}, 300_000);
