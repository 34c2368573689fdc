import { expect, openApp, test } from './fixtures';

test('opening the app without a token explains where the right link comes from', async ({ page, host }) => {
  await page.goto(`${host.origin}/`);
  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { level: 1, name: 'Open Leitstand with its access link' })).toBeVisible();
  await expect(main).toContainText('npm run serve');
  await expect(main).toContainText('first line');
  await expect(page.getByRole('navigation')).toHaveCount(0);
});

test('a refused token (e.g. from an earlier start) gets the same clear advice and a retry', async ({ page, host }) => {
  await page.goto(`${host.origin}/#token=not-the-token`);
  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { level: 1, name: 'Leitstand cannot be reached' })).toBeVisible();
  await expect(main).toContainText('npm run serve');
  await expect(main.getByRole('button', { name: 'Try again' })).toBeVisible();
});

test('a tab whose host stops says it is reconnecting', async ({ page, host }) => {
  await openApp(page, host.url);
  await host.stop();
  await expect(page.getByRole('status')).toContainText('connection to the Leitstand host was lost');
  // The page stays usable to read; it does not fall back to the no-token page.
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Leitstand' })).toBeVisible();
});
