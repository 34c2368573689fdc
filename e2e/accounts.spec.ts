import type { Locator, Page } from '@playwright/test';
import { readOobCode, startFakeMastodon, type FakeMastodon } from './fakeMastodon';
import { startAliceAndBob } from './blueskyAccount';
import { postAs, type DevUser, type E2eDevNetwork } from './blueskyNetwork';
import { createWorkspace, openApp } from './fixtures';
import { expect, test } from './keyringHost';

/**
 * Accounts in Chromium against the real core, whose host keeps tokens in a private keychain:
 * a Mastodon account connected through the paste-the-code flow against the fake instance (which
 * checks every request and response against the Mastodon OpenAPI document), and a Bluesky
 * account on a self-hosted PDS of the official AT Protocol dev network.
 */

function column(page: Page, title: string): Locator {
  return page.getByRole('main').getByRole('region', { name: title, exact: true });
}

async function openAccounts(page: Page): Promise<Locator> {
  await page.getByRole('main').getByRole('button', { name: /^Accounts/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Accounts' });
  await expect(dialog).toBeVisible();
  return dialog;
}

/** Add column → the network → the account → what to show. */
async function addNetworkColumn(page: Page, network: 'Bluesky' | 'Mastodon', handle: string, kind: string): Promise<void> {
  await page.getByRole('main').getByRole('button', { name: /^Add (the first )?column$/ }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Add column' });
  await dialog.getByRole('radio', { name: network }).check();
  await expect(dialog.getByRole('combobox', { name: 'Account' })).toHaveText(`@${handle}`);
  await dialog.getByRole('radio', { name: kind, exact: true }).check();
  await dialog.getByRole('button', { name: 'Add column' }).click();
  await expect(dialog).toBeHidden();
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

  test('an account is connected by pasting the code, its home column shows a new status, and removing it takes the column along', async ({ page, keyringHost }) => {
    await openApp(page, keyringHost.url);
    await createWorkspace(page, 'Brand');
    const handle = `brand@${new URL(fake.url).host}`;

    // Accounts → Connect Mastodon account → the instance.
    let accounts = await openAccounts(page);
    await expect(accounts).toContainText('No account is connected to this workspace yet.');
    await accounts.getByRole('button', { name: 'Connect Mastodon account' }).click();
    const connect = page.getByRole('dialog', { name: 'Connect a Mastodon account' });
    const instance = connect.getByRole('textbox', { name: 'Instance' });
    await expect(instance).toBeFocused();
    await instance.fill(fake.url);
    await connect.getByRole('button', { name: 'Continue' }).click();

    // In a browser tab: the link opens the instance in a new tab; the user pastes the code it shows.
    const link = connect.getByRole('link', { name: 'Open the authorization page' });
    await expect(link).toBeFocused();
    await expect(link).toHaveAttribute('target', '_blank');
    await expect(link).toHaveAttribute('rel', 'noopener noreferrer');

    // A wrong code ends that sign-in: the form says so and starts again at the instance.
    await connect.getByRole('textbox', { name: 'Authorization code' }).fill('not-the-code');
    await connect.getByRole('button', { name: 'Connect' }).click();
    await expect(connect.getByRole('alert')).toHaveText(
      'The instance did not accept this code.This sign-in has ended. Start again: the instance shows a new code each time.',
    );
    await expect(instance).toHaveValue(fake.url);
    await expect(instance).toBeFocused();
    await connect.getByRole('button', { name: 'Start again' }).click();
    await expect(link).toBeFocused();
    const authorizeUrl = await link.getAttribute('href');
    expect(authorizeUrl).toMatch(new RegExp(`^${fake.url}/oauth/authorize\\?`));
    const code = await readOobCode(authorizeUrl!);
    await connect.getByRole('textbox', { name: 'Authorization code' }).fill(code);
    await connect.getByRole('button', { name: 'Connect' }).click();

    accounts = page.getByRole('dialog', { name: 'Accounts' });
    await expect(accounts.getByRole('status')).toHaveText(`@${handle} is connected.`);
    const row = accounts.getByRole('list', { name: 'Connected accounts' }).getByRole('listitem');
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('Brand Team');
    await expect(row).toContainText(`@${handle}`);
    await expect(row).toContainText(`Mastodon on ${new URL(fake.url).host}`);
    await expect(row).toContainText('Connected');
    await accounts.getByRole('button', { name: 'Close' }).click();
    await expect(accounts).toBeHidden();

    // A home column through that account; a status posted afterwards arrives on refresh.
    await addNetworkColumn(page, 'Mastodon', handle, 'Home');
    const home = column(page, 'Home');
    await expect(home).toContainText(`@${handle}`);
    await expect(home).toContainText(/Updated|Not updated yet/);
    fake.state.post(fake.state.me, { content: '<p>Neue Öffnungszeiten ab Montag</p>' });
    await home.getByRole('button', { name: 'Refresh' }).click();
    await expect(home.getByRole('article').filter({ hasText: 'Neue Öffnungszeiten ab Montag' })).toBeVisible({ timeout: 15_000 });

    // The instance revokes the token: the column says so and leads to reconnecting; nothing is lost.
    fake.revokeAllTokens();
    await home.getByRole('button', { name: 'Refresh' }).click();
    const reconnect = home.getByRole('button', { name: 'Reconnect needed' });
    await expect(reconnect).toBeVisible({ timeout: 15_000 });
    await expect(home.getByRole('article').filter({ hasText: 'Neue Öffnungszeiten ab Montag' })).toBeVisible();
    await expect(page.getByRole('main').getByRole('button', { name: 'Accounts (An account needs to be reconnected)' })).toBeVisible();
    await reconnect.click();
    const again = page.getByRole('dialog', { name: `Reconnect ${handle}` });
    await expect(again.getByRole('textbox', { name: 'Instance' })).toHaveValue(fake.url);
    await again.getByRole('button', { name: 'Back' }).click();
    accounts = page.getByRole('dialog', { name: 'Accounts' });
    await expect(row).toContainText('Reconnect needed');
    await expect(row.getByRole('button', { name: `Reconnect ${handle}` })).toBeVisible();

    // Removing the account asks first, names the column that goes with it, and takes it along.
    await accounts.getByRole('button', { name: `Remove ${handle}` }).click();
    const confirm = page.getByRole('alertdialog', { name: `Remove the account “${handle}”?` });
    await expect(confirm).toContainText('Its column “Home” is removed too.');
    await confirm.getByRole('button', { name: 'Remove account' }).click();
    await expect(confirm).toBeHidden();
    await expect(accounts).toContainText('No account is connected to this workspace yet.');
    await accounts.getByRole('button', { name: 'Close' }).click();
    await expect(home).toBeHidden();
    await expect(page.getByRole('main').getByRole('heading', { name: 'This workspace is still empty' })).toBeVisible();
  });
});

test.describe('Bluesky on a self-hosted PDS', () => {
  let dev: E2eDevNetwork;
  let alice: DevUser;
  let bob: DevUser;
  let appPassword: string;

  // Playwright reads the fixtures a hook needs from this pattern; this one needs none.
  // eslint-disable-next-line no-empty-pattern
  test.beforeAll(async ({}, testInfo) => {
    // Postgres, Redis and the dev network's migrations take a while on a cold machine.
    testInfo.setTimeout(240_000);
    ({ dev, alice, bob, appPassword } = await startAliceAndBob());
  });

  test.afterAll(async () => {
    await dev?.close();
  });

  test('the main password is refused in words; an app password connects, and a mention arrives in the mentions column', async ({ page, keyringHost }) => {
    test.setTimeout(90_000);
    await openApp(page, keyringHost.url);
    await createWorkspace(page, 'Own brand');

    const accounts = await openAccounts(page);
    await accounts.getByRole('button', { name: 'Connect Bluesky account' }).click();
    const connect = page.getByRole('dialog', { name: 'Connect a Bluesky account' });
    const server = connect.getByRole('textbox', { name: 'Server' });
    await expect(server).toHaveValue('https://bsky.social');
    await expect(connect).toContainText('Self-hosted servers work too');
    await server.fill(dev.pdsUrl);
    await connect.getByRole('textbox', { name: 'Handle or DID' }).fill('alice.test');
    const password = connect.getByLabel('App password');
    await expect(password).toHaveAttribute('type', 'password');
    await expect(connect).toContainText('Settings › Privacy and security › App passwords');

    // The account password can do everything: Leitstand refuses it, says why, and forgets it.
    await password.fill(alice.mainPassword);
    await connect.getByRole('button', { name: 'Connect' }).click();
    await expect(connect.getByRole('alert')).toHaveText(
      'Please use an app password, not your account password. Create one in Bluesky under Settings › Privacy and security › App passwords.',
    );
    await expect(password).toHaveValue('');
    await expect(password).toBeFocused();

    await password.fill(appPassword);
    await connect.getByRole('button', { name: 'Connect' }).click();
    const list = page.getByRole('dialog', { name: 'Accounts' });
    await expect(list.getByRole('status')).toHaveText('@alice.test is connected.');
    const row = list.getByRole('list', { name: 'Connected accounts' }).getByRole('listitem');
    await expect(row).toContainText('@alice.test');
    await expect(row).toContainText(`Bluesky on 127.0.0.1:${dev.network.pds.port}`);
    await expect(row).toContainText('Connected');
    await list.getByRole('button', { name: 'Close' }).click();

    await addNetworkColumn(page, 'Bluesky', 'alice.test', 'Mentions');
    const mentions = column(page, 'Mentions');
    await expect(mentions).toContainText('@alice.test');
    await expect(mentions).toContainText(/Updated/, { timeout: 20_000 });

    await postAs(bob, '@alice.test your new opening hours are great');
    await dev.network.processAll();
    await mentions.getByRole('button', { name: 'Refresh' }).click();
    await expect(mentions.getByRole('article').filter({ hasText: 'your new opening hours are great' })).toBeVisible({ timeout: 20_000 });
  });
});
