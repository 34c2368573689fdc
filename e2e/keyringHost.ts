import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test as base } from './fixtures';
import { startHost } from './host';

/**
 * Connecting an account puts its token into the OS keychain, and Leitstand never falls back to
 * anything else. So the specs that connect accounts run their host inside a private D-Bus session
 * with a real, unlocked gnome-keyring (scripts/with-keyring.mjs, as the keychain tests do): the
 * secrets go where a user's would, and nothing of the machine's own keyring is touched.
 */

const WITH_KEYRING = path.resolve(__dirname, '../scripts/with-keyring.mjs');

export interface KeyringHost {
  /** The URL the host printed, with its token. */
  url: string;
  origin: string;
  dataDir: string;
}

/** The e2e fixtures plus `keyringHost`: a fresh host and data folder per test, with a private keychain. */
export const test = base.extend<{ keyringHost: KeyringHost }>({
  // Playwright reads the fixtures a fixture needs from this pattern; this one needs none.
  // eslint-disable-next-line no-empty-pattern
  keyringHost: async ({}, use) => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'leitstand-e2e-accounts-'));
    // SIGTERM reaches with-keyring, which stops the host, then the keyring and the bus, and cleans up.
    const host = await startHost(dataDir, { wrapper: [WITH_KEYRING, '--'], startTimeoutMs: 30_000, stopTimeoutMs: 10_000, reportUnexpectedExit: true });
    try {
      await use({ url: host.url, origin: host.origin, dataDir });
    } finally {
      await host.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  },
});

export { expect } from './fixtures';
