import type { Locator, Page } from '@playwright/test';
import { DateTime } from 'luxon';
import type { ScheduledPost } from '../src/shared/contract/planner';
import { connectBluesky, startAliceAndBob } from './blueskyAccount';
import type { E2eDevNetwork } from './blueskyNetwork';
import { CoreClient } from './coreClient';
import { createWorkspace, openApp } from './fixtures';
import { expect, test } from './keyringHost';

/**
 * The planner in Chromium against the real core, with alice connected on the official AT Protocol
 * dev network: a posting plan set in its dialog, a week planned with "Add to queue" (the posts are
 * due in the future: planning needs no network), a post dragged to another day and hour, the
 * over-posting warning on a drop and on the keyboard's "Move…", and a post due now that goes out
 * and shows its "View post" link.
 */

// The browser and this process share the machine's zone; the plan uses it too, so plan days are calendar days.
const ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const planText = (n: number) => `Week plan ${n} – autumn news from the shop`;

function calendar(page: Page): Locator {
  return page.getByRole('table', { name: /^Calendar / });
}

function hourCell(page: Page, day: string, hour: number): Locator {
  return calendar(page).locator(`td[data-day="${day}"][data-hour="${hour}"]`);
}

function chip(scope: Page | Locator, text: string): Locator {
  return scope.getByRole('button', { name: new RegExp(`@alice\\.test: ${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) });
}

async function listPlanned(core: CoreClient, workspaceId: string): Promise<ScheduledPost[]> {
  const from = DateTime.now().minus({ days: 2 }).toISO()!;
  const to = DateTime.now().plus({ days: 40 }).toISO()!;
  const { entries } = await core.call('schedule.list', { workspaceId, from, to });
  return [...entries].sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt));
}

async function newPost(page: Page, text: string): Promise<Locator> {
  await page.getByRole('main').getByRole('button', { name: 'New post', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'New post' });
  await dialog.getByRole('textbox', { name: 'Post' }).fill(text);
  // The only account is preselected as the target.
  await expect(dialog.getByRole('checkbox', { name: /@alice\.test \(Bluesky\)/ })).toBeChecked();
  // The core's check of the typed text clears the "empty" problem before planning is possible.
  await expect(dialog.getByRole('button', { name: 'Add to queue' })).not.toHaveAttribute('aria-disabled', 'true');
  return dialog;
}

test.describe('Planner with the Bluesky dev network', () => {
  // Tall enough that a whole week of hours (the drop targets) is on screen at once.
  test.use({ viewport: { width: 1600, height: 1400 } });

  let dev: E2eDevNetwork;
  let appPassword: string;

  // Playwright reads the fixtures a hook needs from this pattern; this one needs none.
  // eslint-disable-next-line no-empty-pattern
  test.beforeAll(async ({}, testInfo) => {
    testInfo.setTimeout(240_000);
    ({ dev, appPassword } = await startAliceAndBob());
  });

  test.afterAll(async () => {
    await dev?.close();
  });

  test('a week is planned with "Add to queue", a post is dragged, the plan warns before over-posting, and a post due now goes out with its link', async ({ page, keyringHost }) => {
    test.setTimeout(240_000);
    await openApp(page, keyringHost.url);
    await createWorkspace(page, 'Shop');
    const core = await CoreClient.connect(keyringHost.url);
    try {
      const { workspaces } = await core.call('workspaces.list', {});
      const workspaceId = workspaces.find((w) => w.name === 'Shop')!.id;
      await connectBluesky(page, dev, appPassword);
      const { accounts } = await core.call('accounts.list', { workspaceId });
      const accountId = accounts.find((a) => a.handle === 'alice.test')!.id;

      // The planner is the workspace's third view.
      await page.getByRole('tab', { name: 'Planner' }).click();
      await expect(page.getByRole('tab', { name: 'Planner' })).toHaveAttribute('aria-selected', 'true');
      await expect(page.getByRole('region', { name: 'Queue' })).toContainText('Nothing is queued.');

      // Posting plan: 09:00 every day, at most 2 posts a day, 2 h apart, in this machine's zone.
      await page.getByRole('button', { name: 'Posting plan' }).click();
      const plan = page.getByRole('dialog', { name: 'Posting plan for @alice.test' });
      await plan.getByRole('combobox', { name: 'Time zone' }).selectOption(ZONE);
      await plan.getByRole('spinbutton', { name: 'Daily cap (posts per day)' }).fill('2');
      await plan.getByRole('spinbutton', { name: 'Minimum gap between posts (minutes)' }).fill('120');
      for (const day of WEEKDAYS) await plan.getByRole('button', { name: `Add a time on ${day}` }).click();
      await expect(plan.getByRole('textbox', { name: 'Time on Monday' })).toHaveValue('09:00');
      await plan.getByRole('button', { name: 'Save plan' }).click();
      await expect(plan).toBeHidden();
      const saved = await core.call('plans.get', { workspaceId, accountId });
      expect(saved).toEqual({
        timeZone: ZONE,
        slots: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, time: '09:00' })),
        dailyCap: 2,
        minGapMinutes: 120,
        quietHours: null,
      });

      // A week of posts, each into the next free slot: seven days in a row at 09:00.
      for (let n = 1; n <= 7; n += 1) {
        const composer = await newPost(page, planText(n));
        await composer.getByRole('button', { name: 'Add to queue' }).click();
        await expect(composer.getByText('Planned: 1 post.')).toBeVisible();
        await composer.getByRole('button', { name: 'Close', exact: true }).click();
        await expect(composer).toBeHidden();
      }
      let planned = await listPlanned(core, workspaceId);
      expect(planned.map((e) => e.text)).toEqual([1, 2, 3, 4, 5, 6, 7].map(planText));
      expect(planned.every((e) => e.state === 'scheduled' && e.wallTime?.timeZone === ZONE && e.wallTime.local.endsWith('T09:00'))).toBe(true);
      const days = planned.map((e) => e.wallTime!.local.slice(0, 10));
      const first = DateTime.fromISO(days[0]!);
      expect(days).toEqual(days.map((_, i) => first.plus({ days: i }).toISODate()));

      // The queue lists them in order.
      const queue = page.getByRole('region', { name: 'Queue' });
      await expect(queue.getByRole('button', { name: /@alice\.test: Week plan/ })).toHaveCount(7);
      const queued = await queue.getByRole('button', { name: /@alice\.test: Week plan/ }).allTextContents();
      expect(queued.map((text) => /Week plan (\d)/.exec(text)?.[1])).toEqual(['1', '2', '3', '4', '5', '6', '7']);

      // Three days in a row within one calendar week (seven days always hold such a run).
      const start = days.findIndex((_, i) => i + 2 < days.length && DateTime.fromISO(days[i]!).startOf('week').equals(DateTime.fromISO(days[i + 2]!).startOf('week')));
      expect(start).toBeGreaterThanOrEqual(0);
      const [dayA, dayB] = [days[start]!, days[start + 1]!];
      const [postA, postC] = [planned[start]!, planned[start + 2]!];
      const weeksAhead = Math.round(DateTime.fromISO(dayA).startOf('week').diff(DateTime.now().setZone(ZONE).startOf('week').startOf('day'), 'weeks').weeks);
      for (let i = 0; i < weeksAhead; i += 1) await page.getByRole('button', { name: 'Next week' }).click();
      await expect(chip(calendar(page), postA.text)).toBeVisible();

      // Drag: post A to the next day at 14:00 (keeps its minutes), within every rule of the plan.
      await chip(calendar(page), postA.text).dragTo(hourCell(page, dayB, 14));
      await expect(chip(hourCell(page, dayB, 14), postA.text)).toBeVisible();
      await expect.poll(async () => (await listPlanned(core, workspaceId)).find((e) => e.id === postA.id)?.wallTime?.local).toBe(`${dayB}T14:00`);

      // Dropping post C on that day as well would make three: the plan's daily cap of 2 warns first.
      await chip(calendar(page), postC.text).dragTo(hourCell(page, dayB, 20));
      const warning = page.getByRole('alertdialog', { name: 'This breaks the posting plan' });
      await expect(warning).toContainText('Daily cap of 2 posts reached on');
      await warning.getByRole('button', { name: 'Cancel' }).click();
      await expect(warning).toBeHidden();
      planned = await listPlanned(core, workspaceId);
      expect(planned.find((e) => e.id === postC.id)?.wallTime?.local).toBe(postC.wallTime!.local);

      // The keyboard's way: M on the post, a date and time, the same warning, "Move anyway".
      await chip(calendar(page), postC.text).focus();
      await page.keyboard.press('m');
      const move = page.getByRole('dialog', { name: 'Move post' });
      await move.getByLabel('New date and time').fill(`${dayB}T20:00`);
      await move.getByRole('button', { name: 'Move', exact: true }).click();
      await expect(warning).toContainText('Daily cap of 2 posts reached on');
      await warning.getByRole('button', { name: 'Move anyway' }).click();
      await expect(warning).toBeHidden();
      await expect(chip(hourCell(page, dayB, 20), postC.text)).toBeVisible();
      await expect.poll(async () => (await listPlanned(core, workspaceId)).find((e) => e.id === postC.id)?.wallTime?.local).toBe(`${dayB}T20:00`);

      // A post due a minute ago: the plan warns that the time has passed; saved anyway, it goes out at once.
      const nowText = 'Going out now – hello from the planner';
      const composer = await newPost(page, nowText);
      await composer.getByRole('button', { name: 'Schedule…' }).click();
      const schedule = page.getByRole('dialog', { name: 'Schedule post' });
      await expect(schedule.getByRole('combobox', { name: 'Time zone' })).toHaveValue(ZONE);
      await schedule.getByLabel('Date and time').fill(DateTime.now().setZone(ZONE).minus({ minutes: 1 }).toFormat("yyyy-MM-dd'T'HH:mm"));
      await schedule.getByRole('button', { name: 'Schedule', exact: true }).click();
      const past = page.getByRole('alertdialog', { name: 'This breaks the posting plan' });
      await expect(past).toContainText('This time has already passed');
      await past.getByRole('button', { name: 'Save anyway' }).click();
      await expect(composer.getByText('Planned: 1 post.')).toBeVisible();
      await composer.getByRole('button', { name: 'Close', exact: true }).click();

      await page.getByRole('button', { name: 'Today' }).click();
      const sent = chip(calendar(page), nowText);
      await expect(sent).toHaveClass(/post-chip--published/, { timeout: 60_000 });
      await sent.click();
      const details = page.getByRole('dialog', { name: 'Post' });
      await expect(details).toContainText('Published');
      const link = details.getByRole('link', { name: 'View post' });
      await expect(link).toHaveAttribute('href', /^https:\/\/.+/);
      await expect(link).toHaveAttribute('target', '_blank');
      const published = (await listPlanned(core, workspaceId)).find((e) => e.text === nowText)!;
      expect(published.state).toBe('published');
      expect(await link.getAttribute('href')).toBe(published.remoteUrl);
      await details.getByRole('button', { name: 'Close' }).click();
    } finally {
      core.close();
    }
  });
});
