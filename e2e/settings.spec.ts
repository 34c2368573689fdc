import { createWorkspace, expect, openApp, test } from './fixtures';

test('switching the UI to German applies at once and is remembered', async ({ page, host }) => {
  await openApp(page, host.url);
  await createWorkspace(page, 'Migros');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  await page.getByRole('button', { name: 'Settings' }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await settings.getByRole('combobox', { name: 'Language' }).selectOption({ label: 'Deutsch' });

  // The open dialog itself switches language.
  const einstellungen = page.getByRole('dialog', { name: 'Einstellungen' });
  await expect(einstellungen.getByRole('combobox', { name: 'Sprache' })).toHaveValue('de');
  await einstellungen.getByRole('button', { name: 'Schließen' }).click();
  await expect(einstellungen).toBeHidden();

  const expectGerman = async () => {
    await expect(page.locator('html')).toHaveAttribute('lang', 'de');
    const nav = page.getByRole('navigation', { name: 'Arbeitsbereiche' });
    await expect(nav.getByRole('button', { name: 'Neuer Arbeitsbereich' })).toBeVisible();
    await expect(nav.getByRole('button', { name: 'Einstellungen' })).toBeVisible();
    await expect(nav.getByRole('button', { name: 'Migros' })).toContainText('Strg+1');
    const main = page.getByRole('main');
    await expect(main.getByRole('button', { name: 'Umbenennen' })).toBeVisible();
    await expect(main.getByRole('button', { name: 'Archivieren' })).toBeVisible();
    await expect(main.getByRole('heading', { name: 'Dieser Arbeitsbereich ist noch leer' })).toBeVisible();
  };
  await expectGerman();

  await page.reload();
  await expectGerman();

  // Stored in the SQLite file, not in the browser.
  await host.restart();
  await page.goto(host.url);
  await expectGerman();

  // The dialogs speak German too.
  await page.getByRole('button', { name: 'Archivieren' }).click();
  const confirm = page.getByRole('alertdialog', { name: '„Migros“ archivieren?' });
  await expect(confirm.getByRole('button', { name: 'Abbrechen' })).toBeVisible();
  await confirm.getByRole('button', { name: 'Archivieren' }).click();
  await page.getByText('Archiviert (1)').click();
  await page.getByRole('button', { name: 'Migros wiederherstellen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Migros' })).toBeVisible();
});

/** The app's background (--bg-app in src/renderer/src/styles/tokens.css) in each theme. */
const LIGHT_BACKGROUND = 'rgb(244, 245, 247)';
const DARK_BACKGROUND = 'rgb(23, 27, 33)';

test('the theme follows the setting: dark, light, and the system’s choice', async ({ page, host }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await openApp(page, host.url);
  const html = page.locator('html');
  const body = page.locator('body');
  await expect(html).toHaveAttribute('data-theme', 'system');
  await expect(body).toHaveCSS('background-color', LIGHT_BACKGROUND);

  await page.getByRole('button', { name: 'Settings' }).click();
  const theme = page.getByRole('dialog', { name: 'Settings' }).getByRole('combobox', { name: 'Appearance' });
  await theme.selectOption({ label: 'Dark' });
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await expect(body).toHaveCSS('background-color', DARK_BACKGROUND);

  await page.reload();
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await expect(body).toHaveCSS('background-color', DARK_BACKGROUND);

  // An explicit 'Light' wins over a dark system.
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.getByRole('button', { name: 'Settings' }).click();
  const appearance = page.getByRole('dialog', { name: 'Settings' }).getByRole('combobox', { name: 'Appearance' });
  await appearance.selectOption({ label: 'Light' });
  await expect(body).toHaveCSS('background-color', LIGHT_BACKGROUND);

  // 'System' defers to prefers-color-scheme.
  await appearance.selectOption({ label: 'System' });
  await expect(html).toHaveAttribute('data-theme', 'system');
  await expect(body).toHaveCSS('background-color', DARK_BACKGROUND);
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(body).toHaveCSS('background-color', LIGHT_BACKGROUND);
});

test.describe('with a German system language', () => {
  test.use({ locale: 'de-CH' });

  test('the UI speaks German by default', async ({ page, host }) => {
    await page.goto(host.url);
    const main = page.getByRole('main');
    await expect(main.getByRole('heading', { level: 1, name: 'Willkommen bei Leitstand' })).toBeVisible();
    await expect(main.getByRole('button', { name: 'Ersten Arbeitsbereich anlegen' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'de');

    await page.getByRole('button', { name: 'Einstellungen' }).click();
    const language = page.getByRole('dialog', { name: 'Einstellungen' }).getByRole('combobox', { name: 'Sprache' });
    await expect(language).toHaveValue('system');
    await expect(language.locator('option:checked')).toHaveText('System (Deutsch)');
  });

  test('errors from the core are told in German too', async ({ page, host }) => {
    await page.goto(host.url);
    const dialog = page.getByRole('dialog', { name: 'Neuer Arbeitsbereich' });
    await page.getByRole('main').getByRole('button', { name: 'Ersten Arbeitsbereich anlegen' }).click();
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Migros');
    await dialog.getByRole('button', { name: 'Arbeitsbereich anlegen' }).click();
    await expect(dialog).toBeHidden();

    await page.getByRole('navigation').getByRole('button', { name: 'Neuer Arbeitsbereich' }).click();
    await dialog.getByRole('textbox', { name: 'Name' }).fill('MIGROS');
    await dialog.getByRole('button', { name: 'Arbeitsbereich anlegen' }).click();
    await expect(dialog.getByRole('alert')).toHaveText(
      'Es gibt bereits einen Arbeitsbereich namens „MIGROS“. Bitte wählen Sie einen anderen Namen.',
    );
  });
});
