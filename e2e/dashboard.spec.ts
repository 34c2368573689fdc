import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import { CoreClient } from './coreClient';
import { expect, openApp, test, workspaceButton } from './fixtures';
import { BURST, NEGATIVE, seedDashboard } from './seedDashboard';

/**
 * The dashboard of a seeded workspace (e2e/seedDashboard.ts: a few days of mentions on Bluesky
 * and Mastodon, inbox questions partly answered, published posts with engagement, a burst of
 * negative mentions in the last hour), against the real core: the host analyses the items when
 * it starts and its spike check raises the alert. Every chart shows data, switching the date
 * range changes them, the alert banner opens the items behind the spike, and a chart exports as
 * CSV (BOM, CRLF, the UI's column names) and PNG.
 */

const WORKSPACE = 'Sonnenbeck';
const CHARTS = ['Mention volume', 'Sentiment over time', 'Share of voice', 'Inbox backlog and response times', 'Posting frequency and engagement'];

function figure(page: Page, name: string): Locator {
  return page.getByRole('figure', { name, exact: true });
}

/** The chart's drawing, named by its one-sentence summary (the first image; recharts' legend icons are inside it). */
function drawing(page: Page, name: string): Locator {
  return figure(page, name).getByRole('img').first();
}

test('the dashboard shows each chart with data, the date range changes them, and a spike alert opens its items', async ({ page, host }) => {
  test.setTimeout(90_000);
  await host.stop();
  const seeded = seedDashboard(host.dataDir, WORKSPACE);
  await host.restart();
  const core = await CoreClient.connect(host.url);
  let peak: number;
  try {
    // A zone with whole-hour offsets, so that "Last 24 hours" is 24 whole hours wherever the test runs.
    await core.call('inbox.setSettings', { workspaceId: seeded.workspaceId, settings: { timeZone: 'Europe/Zurich' } });
    // The host analyses the seeded items as it starts; the spike check follows each batch.
    await expect.poll(async () => (await core.call('insight.status', {})).pending, { timeout: 20_000 }).toBe(0);
    const { alerts } = await core.call('alerts.list', { workspaceId: seeded.workspaceId });
    expect(alerts).toHaveLength(1);
    // How many of the burst the analyzer calls negative is the model's business; most of them, surely.
    peak = alerts[0]!.peakCount;
    expect(peak).toBeGreaterThanOrEqual(BURST / 2);
    expect(peak).toBeLessThanOrEqual(BURST);
  } finally {
    core.close();
  }

  await openApp(page, host.url);
  await workspaceButton(page, WORKSPACE).click();
  await expect(page.getByRole('heading', { level: 1, name: WORKSPACE })).toBeVisible();

  // The spike shows in any view of the workspace (here: the deck), as soon as the host has analysed the burst.
  const banner = page.getByRole('alert', { name: 'Alert', exact: true });
  await expect(banner).toContainText(new RegExp(`^Negative mentions spike: ${peak} in the hour at .*\\d:00.* \\(usually about \\d+(\\.\\d)?\\)`), { timeout: 20_000 });

  await page.getByRole('tab', { name: 'Dashboard' }).click();
  await expect(page.getByRole('tab', { name: 'Dashboard' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('group', { name: 'Date range' }).getByRole('button', { name: '7 days' })).toHaveAttribute('aria-pressed', 'true');

  // Every chart has data: its drawing is there, named by a summary that counts something.
  for (const name of CHARTS) await expect(drawing(page, name), name).toBeVisible();
  await expect(drawing(page, 'Mention volume')).toHaveAccessibleName(new RegExp(`^${seeded.mentions7d} mentions in this range, most in `));
  // Once the host has analysed everything, nothing is "not analysed yet" and the burst makes a negative share.
  await expect(drawing(page, 'Sentiment over time')).toHaveAccessibleName(/ [1-9][\d.]* % negative, 0 % not analysed yet\.$/, { timeout: 20_000 });
  await expect(drawing(page, 'Share of voice')).toHaveAccessibleName(/^Share of voice between 2 tracked terms; largest: /);
  await expect(drawing(page, 'Inbox backlog and response times')).toHaveAccessibleName(/^6 received, 4 answered; median first response \d+ min.*Backlog: 2 open, 0 pending, \d+ overdue\.$/);
  await expect(drawing(page, 'Posting frequency and engagement')).toHaveAccessibleName(/^1 account: 4 published posts, [1-9]\d* interactions\.$/);
  const authors = figure(page, 'Top authors').getByRole('table');
  // Authors are per network: the seeded people wrote on Bluesky, Mastodon and in the forum.
  await expect(authors.getByRole('row')).toHaveCount(1 + seeded.authors);
  // The influence score explains itself on focus: the formula with the author's parts.
  const score = authors.getByRole('button', { name: /^\d+: How the influence score of Anna Keller is calculated$/ }).first();
  await score.focus();
  await expect(authors.getByRole('tooltip').filter({ visible: true })).toContainText(/Influence [\d.]+ = 100 × \(0\.5 × reach [\d.]+ \+ 0\.35 × engagement [\d.]+ \+ 0\.15 × activity [\d.]+\)/);

  // The table view of the volume: one row per day of the 7 days, then one per hour of the last 24 hours.
  const volume = figure(page, 'Mention volume').locator('..');
  await volume.getByRole('button', { name: 'Show the data of Mention volume as a table' }).click();
  const volumeTable = volume.getByRole('table', { name: /^Mention volume, / });
  await expect(volumeTable.locator('tbody tr')).toHaveCount(7);
  const weekSummary = await drawing(page, 'Mention volume').getAttribute('aria-label');

  await page.getByRole('group', { name: 'Date range' }).getByRole('button', { name: 'Last 24 hours' }).click();
  await expect(volumeTable.locator('tbody tr')).toHaveCount(24);
  await expect(drawing(page, 'Mention volume')).not.toHaveAccessibleName(weekSummary ?? '');
  await expect(drawing(page, 'Mention volume')).toHaveAccessibleName(new RegExp(`^${seeded.mentions24h} mentions in this range, most in .+ \\(${BURST}\\)\\.$`));
  await expect(drawing(page, 'Posting frequency and engagement')).toHaveAccessibleName(/^1 account: 1 published posts, /);

  // CSV: UTF-8 with BOM, CRLF, the table's column names; PNG: a real PNG named after workspace, chart and range.
  const [csvDownload] = await Promise.all([page.waitForEvent('download'), volume.getByRole('button', { name: 'Export Mention volume as CSV' }).click()]);
  expect(csvDownload.suggestedFilename()).toMatch(/^Sonnenbeck-Mention-volume-\d{4}-\d{2}-\d{2}T\d{4}_\d{4}-\d{2}-\d{2}T\d{4}\.csv$/);
  const csv = await readFile((await csvDownload.path())!);
  expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = csv.subarray(3).toString('utf8').split('\r\n');
  expect(lines[0]).toBe('Time,Bluesky,Mastodon,Web feeds,Total');
  expect(lines.filter(Boolean)).toHaveLength(1 + 24);
  const [pngDownload] = await Promise.all([page.waitForEvent('download'), volume.getByRole('button', { name: 'Export Mention volume as PNG' }).click()]);
  expect(pngDownload.suggestedFilename()).toMatch(/^Sonnenbeck-Mention-volume-.+\.png$/);
  const png = await readFile((await pngDownload.path())!);
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

  // The alert opens the negative mentions behind it.
  await banner.getByRole('button', { name: 'Show items' }).click();
  const dialog = page.getByRole('dialog', { name: 'Negative mentions of the spike' });
  const feed = dialog.getByRole('feed', { name: 'Items of the alert' });
  await expect(feed.getByRole('article')).toHaveCount(peak);
  await expect(feed.getByRole('article').first()).toContainText(new RegExp(NEGATIVE.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')));
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();

  // The history lists it; dismissing the banner leaves it there, marked.
  const history = page.getByRole('region', { name: 'Alerts', exact: true });
  await expect(history.getByRole('listitem')).toHaveCount(1);
  await banner.getByRole('button', { name: 'Dismiss' }).click();
  await expect(banner).toBeHidden();
  await expect(history.getByRole('listitem')).toContainText('Dismissed');
  await history.getByRole('button', { name: /^Show the items of the alert of / }).click();
  await expect(page.getByRole('dialog', { name: 'Negative mentions of the spike' }).getByRole('article')).toHaveCount(peak);
});
