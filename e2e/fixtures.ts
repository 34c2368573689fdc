import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { startHost, type RunningHost } from './host';

export interface HostFixture {
  /** The data folder of this test's host (a fresh temporary one). */
  dataDir: string;
  /** The URL the running host printed, with its token. */
  url: string;
  /** The address without the token. */
  origin: string;
  /** Stops the host and starts a new one on the same data folder (new port, new token). */
  restart(): Promise<void>;
  /** Stops the host (SIGTERM), as a user pressing Ctrl+C would. */
  stop(): Promise<void>;
}

/**
 * Every test gets its own host process and data folder, stopped (SIGTERM) and removed after it.
 * Every test also fails on an uncaught error in the page or a Content-Security-Policy violation.
 */
export const test = base.extend<{ host: HostFixture; pageHealth: void }>({
  pageHealth: [
    async ({ page }, use) => {
      const problems: string[] = [];
      page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
      page.on('console', (message) => {
        if (/Content Security Policy/i.test(message.text())) problems.push(`CSP: ${message.text()}`);
      });
      await use();
      expect(problems, 'errors in the page').toEqual([]);
    },
    { auto: true },
  ],
  // Playwright reads the fixtures a fixture needs from this pattern; this one needs none.
  // eslint-disable-next-line no-empty-pattern
  host: async ({}, use) => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'leitstand-e2e-'));
    let running: RunningHost = await startHost(dataDir);
    const fixture: HostFixture = {
      dataDir,
      get url() {
        return running.url;
      },
      get origin() {
        return running.origin;
      },
      async restart() {
        await running.stop();
        running = await startHost(dataDir);
      },
      stop: () => running.stop(),
    };
    try {
      await use(fixture);
    } finally {
      await running.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  },
});

export { expect };

/** Opens the app the way a user does: the URL the host printed. Waits until it has loaded. */
export async function openApp(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.getByRole('navigation', { name: /Workspaces|Arbeitsbereiche/ })).toBeVisible();
}

export function sidebar(page: Page) {
  return page.getByRole('navigation', { name: /^(Workspaces|Arbeitsbereiche)$/ });
}

/** Creates a workspace through the "New workspace" button and its dialog. */
export async function createWorkspace(page: Page, name: string): Promise<void> {
  await sidebar(page).getByRole('button', { name: 'New workspace' }).click();
  const dialog = page.getByRole('dialog', { name: 'New workspace' });
  await dialog.getByRole('textbox', { name: 'Name' }).fill(name);
  await dialog.getByRole('button', { name: 'Create workspace' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

/** The button of a live workspace in the sidebar's switcher. */
export function workspaceButton(page: Page, name: string) {
  return sidebar(page).getByRole('list', { name: 'Workspaces' }).getByRole('button', { name, exact: true });
}
