// Exactly once under SIGKILL against the Mastodon fake (every request and answer checked against
// Mastodon's OpenAPI document; POST /api/v1/statuses honours Idempotency-Key as Mastodon does).
// The app runs in a child process that kills itself at each point of the outbox's state machine
// (crash/child.ts) and is started again on the same data folder; see crash/runner.ts.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../src/main/core/createCore';
import { readOobCode, useFakeMastodon } from '../fakes/mastodon';
import { call } from '../support/core';
import { tempDir } from '../support/tempDir';
import { FileVault } from './crash/fileVault';
import { buildChild, runCrashRounds, type ChildBundle } from './crash/runner';
import { expectExactlyOnce, summary } from './crash/verdict';

const ROUNDS = 100;
const fake = useFakeMastodon();
let bundle: ChildBundle;

beforeAll(async () => {
  bundle = await buildChild();
}, 60_000);
afterAll(() => bundle?.remove());

/** The account's statuses on the fake, per text (the fake stores the text as <p>…</p>). */
function countPosts() {
  const byText = new Map<string, number>();
  let total = 0;
  for (const status of fake().state.statuses.values()) {
    if (status.accountId !== fake().state.me.id) continue;
    total++;
    const text = status.content.replace(/^<p>|<\/p>$/g, '');
    byText.set(text, (byText.get(text) ?? 0) + 1);
  }
  return Promise.resolve({ byText, total });
}

describe('the outbox under SIGKILL, against Mastodon', () => {
  it(`publishes each post exactly once across ${ROUNDS} kills at every outbox state`, async () => {
    const startedAt = Date.now();
    const dataDir = path.join(tempDir('leitstand-crash-mastodon-'), 'data');
    const vaultFile = path.join(dataDir, '..', 'vault.json');
    // Set up as a user would: a workspace and a Mastodon account connected through OAuth; the
    // token goes to the (file) vault the app processes share.
    const setup = createCore({ dataDir, appVersion: 'test', shell: 'headless', vault: new FileVault(vaultFile), oauthMode: 'paste', poll: false, log: () => {} });
    const { id: workspaceId } = await call<{ id: string }>(setup, 'workspaces.create', { name: 'Migros' });
    const begun = await call<{ pendingId: string; authorizeUrl: string }>(setup, 'accounts.beginMastodon', { workspaceId, instanceUrl: fake().url });
    const account = await call<{ id: string }>(setup, 'accounts.completeMastodon', { pendingId: begun.pendingId, code: await readOobCode(begun.authorizeUrl) });
    setup.close();

    const run = await runCrashRounds({ bundle, network: 'mastodon', dataDir, vaultFile, workspaceId, accountId: account.id, rounds: ROUNDS, postsPerRound: 2, randomDelayMaxMs: 40, countPosts });
    console.log(`[mastodon] ${summary(run, startedAt)}`);
    expectExactlyOnce(run, dataDir);
    // Each post was asked for with its own key; repeats after a crash reused it.
    const keys = new Set(fake().statusRequests.map((request) => request.idempotencyKey));
    expect(keys.has(null)).toBe(false);
    expect(keys.size).toBe(run.texts.length);
  }, 600_000);
});
