import type { Locator, Page } from '@playwright/test';
import { createWorkspace, expect, openApp, test } from './fixtures';
import { startFeedServer, UNIQUE_ENTRY, UNIQUE_WORD, type FeedServer } from './feedServer';

/**
 * The deck in Chromium against the real core: feed columns added from a local website, polled by
 * the real poller, read, searched and driven by the keyboard.
 */

let feed: FeedServer;
test.beforeEach(async () => {
  feed = await startFeedServer({ initial: 60 });
});
test.afterEach(async () => {
  await feed.close();
});

function column(page: Page, title: string): Locator {
  return page.getByRole('main').getByRole('region', { name: title, exact: true });
}

function article(scope: Locator, n: number): Locator {
  return scope.getByRole('feed').getByRole('article', { name: new RegExp(`^Item ${n}:`) });
}

/** Adds a column through the dialog: the page's address, then the feed picked from the page's two. */
async function addFeedColumn(page: Page, feedTitle: string, opener: Locator): Promise<Locator> {
  await opener.click();
  const dialog = page.getByRole('dialog', { name: 'Add column' });
  await expect(dialog.getByRole('radio', { name: 'Web feed' })).toBeChecked();
  await dialog.getByRole('textbox', { name: 'Address of the feed or website' }).fill(feed.pageUrl);
  await dialog.getByRole('button', { name: 'Find feed' }).click();
  const choice = dialog.getByRole('group', { name: 'This page offers several feeds. Which one should the column show?' });
  await expect(choice.getByRole('radio')).toHaveCount(2);
  await choice.getByRole('radio', { name: new RegExp(`^${feedTitle} http`) }).check();
  await dialog.getByRole('button', { name: 'Add column' }).click();
  await expect(dialog).toBeHidden();
  const added = column(page, feedTitle);
  await expect(added).toBeVisible();
  return added;
}

async function setUp(page: Page, url: string): Promise<Locator> {
  await openApp(page, url);
  await createWorkspace(page, 'Harbour');
  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { name: 'This workspace is still empty' })).toBeVisible();
  const news = await addFeedColumn(page, 'Harbour News', main.getByRole('button', { name: 'Add the first column' }));
  await expect(article(news, 60)).toBeVisible({ timeout: 15_000 });
  return news;
}

/** The item at the top edge of a column's viewport, and where exactly it is on the screen. */
async function topOfViewport(scope: Locator): Promise<{ label: string; y: number }> {
  return scope.getByRole('feed').evaluate((feedElement) => {
    const scroller = feedElement.parentElement;
    if (!scroller) throw new Error('The feed is not in a scrolling list.');
    const box = scroller.getBoundingClientRect();
    const hit = feedElement.ownerDocument.elementFromPoint(box.left + box.width / 2, box.top + 4)?.closest('article');
    if (!hit) throw new Error('No item at the top of the column.');
    return { label: hit.getAttribute('aria-label') ?? '', y: hit.getBoundingClientRect().top };
  });
}

test('a feed column is added from a website, shows its items and unread count, survives a reload, and asks before it goes', async ({ page, host }) => {
  const news = await setUp(page, host.url);
  const main = page.getByRole('main');

  // The header says what it is and how it is doing.
  await expect(news.getByRole('heading', { level: 2, name: 'Harbour News' })).toBeVisible();
  await expect(news).toContainText('Web feed');
  await expect(news).toContainText('60 unread');
  await expect(news).toContainText(/Updated/);
  await expect(article(news, 60)).toContainText('Reporter 0');
  await expect(article(news, 60)).toContainText('Entry number 60 is about the');

  // Bluesky and Mastodon columns need a connected account; without one, the dialog says so.
  await main.getByRole('button', { name: 'Add column', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Add column' });
  await dialog.getByRole('radio', { name: 'Mastodon' }).check();
  await expect(dialog).toContainText('No Mastodon account is connected to this workspace yet.');
  await expect(dialog.getByRole('button', { name: 'Connect an account first' })).toBeVisible();
  await dialog.getByRole('radio', { name: 'Web feed' }).check();
  // A bad address is caught before it reaches the core.
  await dialog.getByRole('textbox', { name: 'Address of the feed or website' }).fill('ftp://example.com/feed');
  await dialog.getByRole('button', { name: 'Find feed' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('This is not a web address. It starts with http:// or https://.');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // Reading: marking one item read and opening another changes the count.
  await article(news, 60).getByRole('button', { name: 'Mark as read' }).click();
  await expect(article(news, 60).getByRole('button', { name: 'Mark as unread' })).toBeVisible();
  await expect(news).toContainText('59 unread');

  // The column and the read state are stored by the core, not in this tab.
  await page.reload();
  const again = column(page, 'Harbour News');
  await expect(article(again, 60).getByRole('button', { name: 'Mark as unread' })).toBeVisible();
  await expect(article(again, 59).getByRole('button', { name: 'Mark as read' })).toBeVisible();
  await expect(again).toContainText('59 unread');

  await again.getByRole('button', { name: 'Mark all read' }).click();
  await expect(again).not.toContainText('unread');
  await expect(article(again, 59).getByRole('button', { name: 'Mark as unread' })).toBeVisible();

  // Removing asks first; Cancel keeps the column.
  await again.getByRole('button', { name: 'Remove column' }).click();
  let confirm = page.getByRole('alertdialog', { name: 'Remove the column “Harbour News”?' });
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toBeHidden();
  await expect(again).toBeVisible();

  await again.getByRole('button', { name: 'Remove column' }).click();
  confirm = page.getByRole('alertdialog', { name: 'Remove the column “Harbour News”?' });
  await confirm.getByRole('button', { name: 'Remove column' }).click();
  await expect(confirm).toBeHidden();
  await expect(again).toHaveCount(0);
  await expect(main.getByRole('button', { name: 'Add the first column' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('main').getByRole('heading', { name: 'This workspace is still empty' })).toBeVisible();
});

test('new items arrive while the user reads further down, without moving the viewport', async ({ page, host }) => {
  const news = await setUp(page, host.url);
  const feedList = news.getByRole('feed');

  // Scroll down: older pages load as the user goes (60 items, 50 per page).
  await feedList.hover();
  const end = news.getByText('That is everything this column has pulled in.');
  await expect(async () => {
    await page.mouse.wheel(0, 1500);
    await expect(end).toBeInViewport({ timeout: 200 });
  }).toPass({ timeout: 15_000 });
  await expect(article(news, 1)).toBeInViewport();
  await page.mouse.wheel(0, -2400);
  await page.waitForTimeout(300);
  const before = await topOfViewport(news);
  expect(before.label).not.toMatch(/^Item 60:/);

  feed.append(3);
  await news.getByRole('button', { name: 'Refresh' }).click();
  const notice = news.getByRole('button', { name: '3 new items' });
  await expect(notice).toBeVisible();
  await expect(news).toContainText('63 unread');

  // The item the user was reading is exactly where it was.
  const after = await topOfViewport(news);
  expect(after.label).toBe(before.label);
  expect(Math.abs(after.y - before.y)).toBeLessThanOrEqual(1);

  // The notice takes the user to the newest item.
  await notice.click();
  await expect(article(news, 63)).toBeFocused();
  await expect(notice).toBeHidden();
  expect((await topOfViewport(news)).label).toMatch(/^Item 63:/);

  // At the top, new items simply appear (no notice needed).
  feed.append(1);
  await news.getByRole('button', { name: 'Refresh' }).click();
  await expect(article(news, 64)).toBeVisible();
  expect((await topOfViewport(news)).label).toMatch(/^Item 64:/);
  await expect(news.getByRole('button', { name: /new item/ })).toHaveCount(0);
});

test('the keyboard moves through items and columns, opens, shows threads, expands and marks them; columns reorder', async ({ page, host, context }) => {
  const news = await setUp(page, host.url);
  const comments = await addFeedColumn(page, 'Harbour News – Comments', page.getByRole('main').getByRole('button', { name: 'Add column', exact: true }));
  await expect(comments.getByRole('article', { name: /^Comment 2:/ })).toBeVisible({ timeout: 15_000 });

  // j from nowhere selects the first item of the first column; j/k move within the column.
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('j');
  await expect(article(news, 60)).toBeFocused();
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await expect(article(news, 58)).toBeFocused();
  await page.keyboard.press('k');
  await expect(article(news, 59)).toBeFocused();

  // Enter shows the item's thread beside the deck: a web feed has none, so the entry stands
  // alone, with a note. Esc closes it and gives the focus back to the item.
  await page.keyboard.press('Enter');
  const thread = page.getByRole('main').getByRole('complementary', { name: 'Thread' });
  await expect(thread).toContainText('Web feeds have no threads');
  await expect(thread.getByRole('article', { name: /^Item 59:/ })).toHaveAttribute('aria-current', 'true');
  await page.keyboard.press('Escape');
  await expect(thread).toBeHidden();
  await expect(article(news, 59)).toBeFocused();

  // Shift+Enter (or "Show more") shows the whole item: its sanitized HTML, links that leave the
  // app, no script ran.
  await page.keyboard.press('Shift+Enter');
  const expanded = article(news, 59);
  await expect(expanded.getByRole('button', { name: 'Show less' })).toHaveAttribute('aria-expanded', 'true');
  await expect(expanded.locator('strong')).toHaveText('59');
  const readOn = expanded.getByRole('link', { name: 'Read on' });
  await expect(readOn).toHaveAttribute('target', '_blank');
  await expect(readOn).toHaveAttribute('rel', 'noopener noreferrer');
  await expect(readOn).not.toHaveAttribute('onclick', /.*/);
  await expect(expanded.locator('script, img, [onerror], [onclick], [style]')).toHaveCount(0);
  // Opening an item counts as reading it.
  await expect(expanded.getByRole('button', { name: 'Mark as unread' })).toBeVisible();
  await expect(expanded).toBeFocused();

  // m toggles read.
  await page.keyboard.press('m');
  await expect(expanded.getByRole('button', { name: 'Mark as read' })).toBeVisible();
  await page.keyboard.press('m');
  await expect(expanded.getByRole('button', { name: 'Mark as unread' })).toBeVisible();

  // o opens the item's page outside the app.
  const popup = context.waitForEvent('page');
  await page.keyboard.press('o');
  const opened = await popup;
  await expect.poll(() => opened.url()).toBe(`${feed.origin}/items/59`);
  await opened.close();

  // r refreshes the column: its feed is fetched again.
  const fetches = feed.hits('/feed.xml');
  await page.keyboard.press('r');
  await expect.poll(() => feed.hits('/feed.xml')).toBeGreaterThan(fetches);

  // l and h move between columns.
  await page.keyboard.press('l');
  await expect(comments.getByRole('article', { name: /^Comment 2:/ })).toBeFocused();
  await page.keyboard.press('j');
  await expect(comments.getByRole('article', { name: /^Comment 1:/ })).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(article(news, 59)).toBeFocused();

  // Keys do nothing while typing.
  const searchbox = page.getByRole('search').getByRole('searchbox', { name: 'Search this workspace' });
  await page.keyboard.press('/');
  await expect(searchbox).toBeFocused();
  await page.keyboard.type('jk');
  await expect(searchbox).toHaveValue('jk');
  await expect(searchbox).toBeFocused();

  // Reordering with the keyboard: the focus stays on the button that moved the column.
  const columns = page.getByRole('main').getByRole('region', { name: 'Columns' }).getByRole('heading', { level: 2 });
  await expect(columns).toHaveText(['Harbour News', 'Harbour News – Comments']);
  await news.getByRole('button', { name: 'Move column right' }).focus();
  await page.keyboard.press('Enter');
  await expect(columns).toHaveText(['Harbour News – Comments', 'Harbour News']);
  await expect(news.getByRole('button', { name: 'Move column left' })).toBeFocused();

  // ... and with the mouse, by dragging a column's title onto the other column.
  await news.getByRole('heading', { level: 2 }).dragTo(comments, { targetPosition: { x: 20, y: 200 } });
  await expect(columns).toHaveText(['Harbour News', 'Harbour News – Comments']);

  // The order is the core's.
  await page.reload();
  await expect(columns).toHaveText(['Harbour News', 'Harbour News – Comments']);
});

test('the search finds an item by a word in it, with filters', async ({ page, host }) => {
  const news = await setUp(page, host.url);
  await expect(news).toContainText('60 unread');

  const searchbox = page.getByRole('search').getByRole('searchbox', { name: 'Search this workspace' });
  await searchbox.fill(UNIQUE_WORD);
  await searchbox.press('Enter');
  const results = page.getByRole('main').getByRole('region', { name: `Results for “${UNIQUE_WORD}”` });
  const found = results.getByRole('feed', { name: 'Search results' }).getByRole('article');
  await expect(found).toHaveCount(1);
  await expect(found.first()).toHaveAccessibleName(new RegExp(`^Item ${UNIQUE_ENTRY}: ${UNIQUE_WORD}`));

  // Filters narrow it down: Bluesky only finds nothing; back to all networks finds it again.
  await results.getByRole('button', { name: 'Filters' }).click();
  await results.getByRole('checkbox', { name: 'Bluesky' }).check();
  await expect(results).toContainText('Nothing found.');
  await results.getByRole('checkbox', { name: 'Bluesky' }).uncheck();
  await expect(found).toHaveCount(1);
  await results.getByRole('combobox', { name: 'Column' }).selectOption({ label: 'Harbour News' });
  await results.getByRole('textbox', { name: 'Author' }).fill('Reporter 0');
  await expect(found).toHaveCount(1);
  await results.getByRole('textbox', { name: 'Author' }).fill('Nobody');
  await expect(results).toContainText('Nothing found.');
  await results.getByRole('button', { name: 'Reset filters' }).click();
  await expect(found).toHaveCount(1);

  // A word in many items: paged results.
  await searchbox.fill('entry');
  await searchbox.press('Enter');
  const many = page.getByRole('main').getByRole('region', { name: 'Results for “entry”' }).getByRole('article');
  await expect(many).toHaveCount(30);
  await page.getByRole('button', { name: 'Load more results' }).click();
  await expect(many).toHaveCount(60);

  // Marking a result read shows in the column too.
  await page.getByRole('button', { name: 'Close search' }).click();
  await searchbox.fill(UNIQUE_WORD);
  await searchbox.press('Enter');
  await found.first().getByRole('button', { name: 'Mark as read' }).click();
  await expect(news).toContainText('59 unread');
});
