import { createWorkspace, expect, openApp, sidebar, test, workspaceButton } from './fixtures';

test('a new user learns what a workspace is and creates the first one', async ({ page, host }) => {
  await openApp(page, host.url);

  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { level: 1, name: 'Welcome to Leitstand' })).toBeVisible();
  await expect(main).toContainText('client profile or brand');
  await expect(main).toContainText('“Migros”');
  await expect(sidebar(page).getByRole('list', { name: 'Workspaces' })).toHaveCount(0);

  await main.getByRole('button', { name: 'Create your first workspace' }).click();
  const dialog = page.getByRole('dialog', { name: 'New workspace' });
  await expect(dialog.getByRole('textbox', { name: 'Name' })).toBeFocused();
  await dialog.getByRole('textbox', { name: 'Name' }).fill('Migros');
  await dialog.getByRole('textbox', { name: 'Name' }).press('Enter');

  await expect(dialog).toBeHidden();
  await expect(main.getByRole('heading', { level: 1, name: 'Migros' })).toBeVisible();
  await expect(workspaceButton(page, 'Migros')).toHaveAttribute('aria-current', 'page');
  await expect(page).toHaveTitle('Migros – Leitstand');

  // A fresh workspace says what comes next, and offers it.
  await expect(main.getByRole('heading', { name: 'This workspace is still empty' })).toBeVisible();
  await expect(main).toContainText('Web feeds need no account');
  await expect(main.getByRole('button', { name: 'Add the first column' })).toBeVisible();
});

test('create, rename and switch workspaces; everything is there after a reload and a restart', async ({ page, host }) => {
  await openApp(page, host.url);
  // The token leaves the address bar at once (not bookmarked), yet a reload still works.
  await expect(page).toHaveURL(`${host.origin}/`);

  await createWorkspace(page, 'Migros');
  await createWorkspace(page, 'Helsana');
  // A new workspace becomes the active one.
  await expect(workspaceButton(page, 'Helsana')).toHaveAttribute('aria-current', 'page');
  await expect(workspaceButton(page, 'Migros')).not.toHaveAttribute('aria-current', /.*/);
  await expect(workspaceButton(page, 'Migros')).toHaveAttribute('aria-keyshortcuts', 'Control+1');
  await expect(workspaceButton(page, 'Helsana')).toContainText('Ctrl+2');

  // Rename the active one.
  await page.getByRole('main').getByRole('button', { name: 'Rename' }).click();
  const rename = page.getByRole('dialog', { name: 'Rename workspace' });
  await expect(rename.getByRole('textbox', { name: 'Name' })).toHaveValue('Helsana');
  await rename.getByRole('textbox', { name: 'Name' }).fill('Helsana Versicherungen');
  await rename.getByRole('button', { name: 'Rename' }).click();
  await expect(rename).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: 'Helsana Versicherungen' })).toBeVisible();
  // Focus goes back to where it was.
  await expect(page.getByRole('main').getByRole('button', { name: 'Rename' })).toBeFocused();

  // Switch with the sidebar ...
  await workspaceButton(page, 'Migros').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Migros' })).toBeVisible();
  await expect(workspaceButton(page, 'Migros')).toHaveAttribute('aria-current', 'page');

  // ... and with Ctrl+2.
  await page.keyboard.press('Control+2');
  await expect(page.getByRole('heading', { level: 1, name: 'Helsana Versicherungen' })).toBeVisible();
  await expect(workspaceButton(page, 'Helsana Versicherungen')).toHaveAttribute('aria-current', 'page');
  // ⌘ works as well (macOS).
  await page.keyboard.press('Meta+1');
  await expect(page.getByRole('heading', { level: 1, name: 'Migros' })).toBeVisible();
  // No third workspace: Ctrl+3 changes nothing.
  await page.keyboard.press('Control+3');
  await expect(page.getByRole('heading', { level: 1, name: 'Migros' })).toBeVisible();

  const expectAsLeft = async () => {
    const items = sidebar(page).getByRole('list', { name: 'Workspaces' }).getByRole('button');
    await expect(items).toHaveText([/^Migros/, /^Helsana Versicherungen/]);
    await expect(page.getByRole('heading', { level: 1, name: 'Migros' })).toBeVisible();
    await expect(workspaceButton(page, 'Migros')).toHaveAttribute('aria-current', 'page');
  };

  await page.reload();
  await expectAsLeft();

  await host.restart();
  await openApp(page, host.url);
  await expectAsLeft();
});

test('a duplicate name shows the core’s error in the dialog, in the UI language', async ({ page, host }) => {
  await openApp(page, host.url);
  await createWorkspace(page, 'Migros');

  await sidebar(page).getByRole('button', { name: 'New workspace' }).click();
  const dialog = page.getByRole('dialog', { name: 'New workspace' });
  const name = dialog.getByRole('textbox', { name: 'Name' });
  await name.fill('migros');
  await dialog.getByRole('button', { name: 'Create workspace' }).click();

  await expect(dialog.getByRole('alert')).toHaveText('A workspace named “migros” already exists. Choose another name.');
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(name).toBeFocused();
  await expect(dialog).toBeVisible();

  // An empty name is caught before it reaches the core.
  await name.fill('   ');
  await dialog.getByRole('button', { name: 'Create workspace' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Please enter a name.');

  // Esc closes the dialog, focus returns to the button that opened it, nothing was created.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(sidebar(page).getByRole('button', { name: 'New workspace' })).toBeFocused();
  await expect(sidebar(page).getByRole('list', { name: 'Workspaces' }).getByRole('button')).toHaveCount(1);
});

test('archive a workspace and restore it', async ({ page, host }) => {
  await openApp(page, host.url);
  await createWorkspace(page, 'Migros');
  await createWorkspace(page, 'Own brand');

  // Archiving asks first; Cancel keeps everything.
  const main = page.getByRole('main');
  await main.getByRole('button', { name: 'Archive' }).click();
  let confirm = page.getByRole('alertdialog', { name: 'Archive “Own brand”?' });
  await expect(confirm).toContainText('you can restore it at any time');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toBeHidden();
  await expect(workspaceButton(page, 'Own brand')).toBeVisible();

  await main.getByRole('button', { name: 'Archive' }).click();
  confirm = page.getByRole('alertdialog', { name: 'Archive “Own brand”?' });
  await confirm.getByRole('button', { name: 'Archive' }).click();
  await expect(confirm).toBeHidden();

  await expect(workspaceButton(page, 'Own brand')).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1, name: 'Migros' })).toBeVisible();
  // The Archive button that opened the dialog belonged to the archived workspace's view.
  await expect(page.getByRole('heading', { level: 1, name: 'Migros' })).toBeFocused();

  // The archive is collapsed until opened.
  const archive = sidebar(page).getByText('Archived (1)');
  await expect(sidebar(page).getByRole('button', { name: 'Restore Own brand' })).toBeHidden();
  await archive.click();
  await sidebar(page).getByRole('button', { name: 'Restore Own brand' }).click();

  await expect(workspaceButton(page, 'Own brand')).toBeVisible();
  await expect(sidebar(page).getByText(/^Archived/)).toHaveCount(0);
  const items = sidebar(page).getByRole('list', { name: 'Workspaces' }).getByRole('button');
  await expect(items).toHaveText([/^Migros/, /^Own brand/]);
});

test('with every workspace archived, the main area says so and offers a new one', async ({ page, host }) => {
  await openApp(page, host.url);
  await createWorkspace(page, 'Migros');
  await page.getByRole('main').getByRole('button', { name: 'Archive' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Archive' }).click();

  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { level: 1, name: 'No active workspace' })).toBeVisible();
  await expect(main.getByRole('button', { name: 'Create a workspace' })).toBeVisible();
  await sidebar(page).getByText('Archived (1)').click();
  await expect(sidebar(page).getByRole('button', { name: 'Delete Migros' })).toBeVisible();
  await sidebar(page).getByRole('button', { name: 'Delete Migros' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Delete “Migros” for good?' });
  await expect(confirm).toContainText('cannot be undone');
  // Cancel is the safe default and has the focus.
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(confirm).toBeHidden();
  await expect(sidebar(page).getByRole('button', { name: 'Restore Migros' })).toBeVisible();
});
