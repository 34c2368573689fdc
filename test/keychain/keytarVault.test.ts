// The keytar vault against the real gnome-keyring Secret Service that scripts/with-keyring.mjs
// starts (npm run test:keychain). Each file of this project runs in its own process but they
// share that one keyring, so this file uses a service name of its own and cleans it up.

import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createKeytarVault,
  KEYCHAIN_CHECK_ACCOUNT,
  type KeytarModule,
} from '../../src/main/core/vault/keytarVault';
import { VAULT_SERVICE, type VaultEntry } from '../../src/main/core/vault/vault';

const SERVICE = `Leitstand-test-${randomUUID()}`;
let keytar: KeytarModule | undefined;

/** Looks an entry up with libsecret's own command-line tool, not through keytar. */
function secretTool(service: string, account: string): string | null {
  const result = spawnSync('secret-tool', ['lookup', 'service', service, 'account', account], { encoding: 'utf8' });
  if (result.error) throw result.error;
  return result.status === 0 ? result.stdout : null;
}

/** keytar itself, to look behind the vault; only after the private-keyring check has passed. */
function realKeytar(): KeytarModule {
  if (!keytar) throw new Error('keytar not loaded');
  return keytar;
}

beforeAll(async () => {
  // These tests write to the session's keyring: only ever the private one of with-keyring.
  expect(process.env.LEITSTAND_PRIVATE_KEYRING, 'run these through npm run test:keychain').toBe('1');
  const loaded = (await import('keytar')) as KeytarModule & { default?: KeytarModule };
  keytar = loaded.default ?? loaded;
});

afterAll(async () => {
  if (!keytar) return;
  for (const { account } of await keytar.findCredentials(SERVICE)) await keytar.deletePassword(SERVICE, account);
});

describe('keytar vault on a real Secret Service', () => {
  const vault = createKeytarVault({ service: SERVICE });
  const w1 = `ws-${randomUUID()}`;
  const w2 = `ws-${randomUUID()}`;
  const a = (workspaceId: string, accountId: string): VaultEntry => ({ workspaceId, accountId });

  it('reports itself available and leaves no trace of its check', async () => {
    expect(await vault.status()).toEqual({ available: true });
    const accounts = (await realKeytar().findCredentials(SERVICE)).map((c) => c.account);
    expect(accounts).not.toContain(KEYCHAIN_CHECK_ACCOUNT);
  });

  it('sets, gets, lists and deletes secrets for several workspaces and accounts', async () => {
    await vault.set(a(w1, 'mastodon-1'), 'token-w1-m1');
    await vault.set(a(w1, 'bluesky-1'), 'token-w1-b1');
    await vault.set(a(w2, 'mastodon-1'), 'token-w2-m1');

    expect(await vault.get(a(w1, 'mastodon-1'))).toBe('token-w1-m1');
    expect(await vault.get(a(w1, 'bluesky-1'))).toBe('token-w1-b1');
    expect(await vault.get(a(w2, 'mastodon-1'))).toBe('token-w2-m1');

    const byKey = (x: VaultEntry, y: VaultEntry) => `${x.workspaceId}/${x.accountId}`.localeCompare(`${y.workspaceId}/${y.accountId}`);
    expect((await vault.list(w1)).sort(byKey)).toEqual([a(w1, 'bluesky-1'), a(w1, 'mastodon-1')]);
    expect(await vault.list(w2)).toEqual([a(w2, 'mastodon-1')]);
    expect((await vault.list()).sort(byKey)).toEqual([a(w1, 'bluesky-1'), a(w1, 'mastodon-1'), a(w2, 'mastodon-1')].sort(byKey));

    expect(await vault.delete(a(w1, 'mastodon-1'))).toBe(true);
    expect(await vault.get(a(w1, 'mastodon-1'))).toBeNull();
    expect(await vault.list(w1)).toEqual([a(w1, 'bluesky-1')]);
    // The other workspace's entry with the same account id is a different entry.
    expect(await vault.get(a(w2, 'mastodon-1'))).toBe('token-w2-m1');
  });

  it('lists entries only, never their secrets', async () => {
    await vault.set(a(w2, 'listed'), 'do-not-list-me');
    const listed = await vault.list(w2);
    expect(listed).toContainEqual(a(w2, 'listed'));
    expect(JSON.stringify(listed)).not.toContain('do-not-list-me');
  });

  it('overwrites a secret in place', async () => {
    await vault.set(a(w1, 'rotating'), 'first');
    await vault.set(a(w1, 'rotating'), 'second');
    expect(await vault.get(a(w1, 'rotating'))).toBe('second');
    expect((await vault.list(w1)).filter((e) => e.accountId === 'rotating')).toHaveLength(1);
  });

  it('answers false when deleting what is not there, and null when reading it', async () => {
    expect(await vault.delete(a(w1, 'never-stored'))).toBe(false);
    expect(await vault.get(a(w1, 'never-stored'))).toBeNull();
    expect(await vault.list(`ws-${randomUUID()}`)).toEqual([]);
  });

  it('keeps unicode and long secrets intact', async () => {
    const unicode = 'Grüezi mitenand 🔑 秘密 سرّ ñ\n\ttab "quotes" \\ back';
    const long = Array.from({ length: 20_000 }, (_, i) => String.fromCharCode(33 + (i % 94))).join('') + 'é🔑';
    await vault.set(a(w1, 'unicode'), unicode);
    await vault.set(a(w1, 'long'), long);
    expect(await vault.get(a(w1, 'unicode'))).toBe(unicode);
    expect(await vault.get(a(w1, 'long'))).toBe(long);
    // Unicode in the key too: account ids come from the networks.
    await vault.set(a(w1, 'ünï/cödé'), 'x');
    expect(await vault.get(a(w1, 'ünï/cödé'))).toBe('x');
    expect(await vault.list(w1)).toContainEqual(a(w1, 'ünï/cödé'));
  });

  it('refuses a secret with a NUL character instead of storing it cut short', async () => {
    await expect(vault.set(a(w1, 'nul'), 'abc\0def')).rejects.toMatchObject({ code: 'keychain_failed' });
    expect(await vault.get(a(w1, 'nul'))).toBeNull();
  });

  it('refuses an empty secret with a typed error', async () => {
    await expect(vault.set(a(w1, 'empty'), '')).rejects.toMatchObject({ code: 'keychain_failed' });
    expect(await vault.get(a(w1, 'empty'))).toBeNull();
  });

  it('names entries service "Leitstand", account "workspaceId/accountId", as other tools see them', async () => {
    const real = createKeytarVault();
    const entry = a(`ws-${randomUUID()}`, 'acct-1');
    await real.set(entry, 'seen-by-secret-tool');
    try {
      expect(secretTool(VAULT_SERVICE, `${entry.workspaceId}/${entry.accountId}`)).toBe('seen-by-secret-tool');
      expect(secretTool(SERVICE, `${entry.workspaceId}/${entry.accountId}`)).toBeNull();
    } finally {
      expect(await real.delete(entry)).toBe(true);
    }
    expect(secretTool(VAULT_SERVICE, `${entry.workspaceId}/${entry.accountId}`)).toBeNull();
  });

  it('works once keytar loads, after failing to load (e.g. built later in the session)', async () => {
    let attempts = 0;
    const flaky = createKeytarVault({
      service: SERVICE,
      load: async () => {
        attempts += 1;
        if (attempts === 1) throw new Error("Cannot find module '../build/Release/keytar.node'");
        return realKeytar();
      },
    });
    await expect(flaky.set(a(w1, 'later'), 'v')).rejects.toMatchObject({ code: 'keychain_unavailable' });
    await flaky.set(a(w1, 'later'), 'v');
    expect(await flaky.get(a(w1, 'later'))).toBe('v');
    expect(attempts).toBe(2);
  });
});
