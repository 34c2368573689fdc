import type { Locator, Page } from '@playwright/test';
import { startFeedServer, type FeedServer } from './feedServer';
import { readOobCode, startFakeMastodon, type FakeMastodon } from './fakeMastodon';
import { createWorkspace, openApp } from './fixtures';
import { expect, test } from './keyringHost';

/**
 * The thread view in Chromium against the real core: Enter on an item of a Mastodon column shows
 * its conversation from the fake instance (which checks every request and response against the
 * Mastodon OpenAPI document) beside the deck; Esc closes it and the focus goes back to the item.
 * A web feed's entry has no thread, and the view says so.
 */

function column(page: Page, title: string): Locator {
  return page.getByRole('main').getByRole('region', { name: title, exact: true });
}

function threadPanel(page: Page): Locator {
  return page.getByRole('main').getByRole('complementary', { name: 'Thread' });
}

/** Accounts → Connect Mastodon account → the instance → the pasted code; the dialog closes again. */
async function connectMastodon(page: Page, fake: FakeMastodon): Promise<string> {
  await page.getByRole('main').getByRole('button', { name: /^Accounts/ }).click();
  const accounts = page.getByRole('dialog', { name: 'Accounts' });
  await accounts.getByRole('button', { name: 'Connect Mastodon account' }).click();
  const connect = page.getByRole('dialog', { name: 'Connect a Mastodon account' });
  await connect.getByRole('textbox', { name: 'Instance' }).fill(fake.url);
  await connect.getByRole('button', { name: 'Continue' }).click();
  const authorizeUrl = await connect.getByRole('link', { name: 'Open the authorization page' }).getAttribute('href');
  await connect.getByRole('textbox', { name: 'Authorization code' }).fill(await readOobCode(authorizeUrl!));
  await connect.getByRole('button', { name: 'Connect' }).click();
  const handle = `brand@${new URL(fake.url).host}`;
  await expect(accounts.getByRole('status')).toHaveText(`@${handle} is connected.`);
  await accounts.getByRole('button', { name: 'Close' }).click();
  await expect(accounts).toBeHidden();
  return handle;
}

test.describe('Mastodon', () => {
  let fake: FakeMastodon;
  test.beforeEach(async () => {
    fake = await startFakeMastodon();
  });
  test.afterEach(async () => {
    await fake.close();
    expect(fake.violations, 'requests and responses outside the Mastodon OpenAPI document').toEqual([]);
  });

  test('Enter shows the thread of the selected item with its replies indented; Esc closes it and the focus goes back', async ({ page, keyringHost }) => {
    // The brand's status with a reply (from an account the brand does not follow, so not in Home)
    // and a reply to that reply.
    const s = fake.state;
    const alice = s.addAccount({ username: 'alice', displayName: 'Alice Example' });
    const bob = s.addAccount({ username: 'bob', domain: 'social.example', displayName: 'Bob Remote' });
    const root = s.post(s.me, { content: '<p>We open a new branch in Bern</p>' });
    const reply = s.post(alice, { content: '<p>Which street?</p>', inReplyTo: root });
    s.post(bob, { content: '<p>Marktgasse, I heard</p>', inReplyTo: reply });

    await openApp(page, keyringHost.url);
    await createWorkspace(page, 'Brand');
    const handle = await connectMastodon(page, fake);

    await page.getByRole('main').getByRole('button', { name: /^Add (the first )?column$/ }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Add column' });
    await dialog.getByRole('radio', { name: 'Mastodon' }).check();
    await expect(dialog.getByRole('combobox', { name: 'Account' })).toHaveText(`@${handle}`);
    await dialog.getByRole('radio', { name: 'Home', exact: true }).check();
    await dialog.getByRole('button', { name: 'Add column' }).click();
    await expect(dialog).toBeHidden();

    const home = column(page, 'Home');
    const rootCard = home.getByRole('feed').getByRole('article').filter({ hasText: 'We open a new branch in Bern' });
    await expect(rootCard).toBeVisible({ timeout: 15_000 });
    await expect(home.getByRole('feed').getByRole('article')).toHaveCount(1);
    // Network items have a "Thread" button; "Show more" is still there.
    await expect(rootCard.getByRole('button', { name: 'Thread', exact: true })).toBeVisible();
    await expect(rootCard.getByRole('button', { name: 'Show more' })).toBeVisible();

    // j selects the item, Enter opens its thread beside the deck.
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('j');
    await expect(rootCard).toBeFocused();
    await page.keyboard.press('Enter');
    const panel = threadPanel(page);
    await expect(panel).toBeVisible();
    const posts = panel.getByRole('feed', { name: 'Conversation' }).getByRole('article');
    await expect(posts).toHaveCount(3, { timeout: 15_000 });
    await expect(posts.nth(0)).toContainText('We open a new branch in Bern');
    await expect(posts.nth(0)).toHaveAttribute('aria-current', 'true');
    await expect(posts.nth(0)).toBeFocused();
    await expect(posts.nth(1)).toContainText('Which street?');
    await expect(posts.nth(1)).toContainText('Alice Example');
    await expect(posts.nth(1)).not.toHaveAttribute('aria-current', /.*/);
    await expect(posts.nth(2)).toContainText('Marktgasse, I heard');
    await expect(posts.nth(2)).toContainText('Bob Remote');
    await expect(panel).toContainText('Reply to Alice Example');
    // Replies step in by their depth.
    const left = async (n: number) => (await posts.nth(n).boundingBox())!.x;
    const [rootX, replyX, nestedX] = [await left(0), await left(1), await left(2)];
    expect(replyX).toBeGreaterThan(rootX);
    expect(nestedX).toBeGreaterThan(replyX);
    // Within the thread, items have no thread button of their own.
    await expect(panel.getByRole('button', { name: 'Thread', exact: true })).toHaveCount(0);
    expect(fake.log.some((entry) => entry.url.startsWith(`/api/v1/statuses/${root.id}/context`))).toBe(true);

    // Esc closes it; the focus is back on the item it was opened from.
    await page.keyboard.press('Escape');
    await expect(panel).toBeHidden();
    await expect(rootCard).toBeFocused();

    // The button opens it too; the close button closes it and gives the focus back to the button.
    const threadButton = rootCard.getByRole('button', { name: 'Thread', exact: true });
    await threadButton.click();
    await expect(posts).toHaveCount(3, { timeout: 15_000 });
    await panel.getByRole('button', { name: 'Close the thread' }).click();
    await expect(panel).toBeHidden();
    await expect(threadButton).toBeFocused();
  });
});

test.describe('Web feeds', () => {
  let feed: FeedServer;
  test.beforeEach(async () => {
    feed = await startFeedServer({ initial: 3 });
  });
  test.afterEach(async () => {
    await feed.close();
  });

  test('a feed entry has no thread: Enter shows the entry with a note', async ({ page, host }) => {
    await openApp(page, host.url);
    await createWorkspace(page, 'Harbour');
    await page.getByRole('main').getByRole('button', { name: 'Add the first column' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add column' });
    await dialog.getByRole('textbox', { name: 'Address of the feed or website' }).fill(feed.pageUrl);
    await dialog.getByRole('button', { name: 'Find feed' }).click();
    await dialog.getByRole('radio', { name: /^Harbour News http/ }).check();
    await dialog.getByRole('button', { name: 'Add column' }).click();
    await expect(dialog).toBeHidden();

    const news = column(page, 'Harbour News');
    const newest = news.getByRole('feed').getByRole('article', { name: /^Item 3:/ });
    await expect(newest).toBeVisible({ timeout: 15_000 });
    // Feed entries have no "Thread" button.
    await expect(newest.getByRole('button', { name: 'Thread', exact: true })).toHaveCount(0);

    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('j');
    await expect(newest).toBeFocused();
    await page.keyboard.press('Enter');
    const panel = threadPanel(page);
    await expect(panel).toContainText('Web feeds have no threads: this entry stands on its own.');
    const posts = panel.getByRole('article');
    await expect(posts).toHaveCount(1);
    await expect(posts.first()).toHaveAccessibleName(/^Item 3:/);
    await expect(posts.first()).toHaveAttribute('aria-current', 'true');
    // Opening counts as reading.
    await expect(newest.getByRole('button', { name: 'Mark as unread' })).toBeVisible();

    await page.keyboard.press('Escape');
    await expect(panel).toBeHidden();
    await expect(newest).toBeFocused();
  });
});
