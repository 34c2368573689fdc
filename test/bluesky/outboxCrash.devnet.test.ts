// Exactly once under SIGKILL against the official AT Protocol dev network: the app runs in a
// child process with the real Bluesky connector, kills itself at each point of the outbox's
// state machine (test/outbox/crash/child.ts) and is started again on the same data folder.
// Reconciliation after a restart asks the PDS for the record key the outbox chose before the
// first attempt (a TID), so a post that went out is found, not posted again.
import path from 'node:path';
import fs from 'node:fs';
import os from 'node:os';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { createCore } from '../../src/main/core/createCore';
import { FileVault } from '../outbox/crash/fileVault';
import { buildChild, runCrashRounds, type ChildBundle } from '../outbox/crash/runner';
import { expectExactlyOnce, summary } from '../outbox/crash/verdict';
import { call } from '../support/core';
import { createUser, startDevNetwork, type DevNetwork, type TestUser } from './devNetwork';

const ROUNDS = 100;
let dev: DevNetwork;
let brand: TestUser;
let bundle: ChildBundle;
const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'leitstand-crash-bluesky-'));

beforeAll(async () => {
  [dev, bundle] = await Promise.all([startDevNetwork(), buildChild()]);
  brand = await createUser(dev, 'brand');
}, 180_000);

afterAll(async () => {
  bundle?.remove();
  await dev?.close();
  fs.rmSync(folder, { recursive: true, force: true });
});

/** The brand's posts, as the PDS lists its repository (every record, not only what the AppView indexed). */
async function countPosts(): Promise<{ byText: Map<string, number>; total: number }> {
  const byText = new Map<string, number>();
  let total = 0;
  let cursor: string | undefined;
  do {
    const page = await brand.agent.com.atproto.repo.listRecords({ repo: brand.did, collection: 'app.bsky.feed.post', limit: 100, cursor });
    for (const record of page.data.records) {
      const text = (record.value as { text?: unknown }).text;
      total++;
      if (typeof text === 'string') byText.set(text, (byText.get(text) ?? 0) + 1);
    }
    cursor = page.data.records.length > 0 ? page.data.cursor : undefined;
  } while (cursor);
  return { byText, total };
}

describe('the outbox under SIGKILL, against the Bluesky dev network', () => {
  it(`publishes each post exactly once across ${ROUNDS} kills at every outbox state`, async () => {
    const startedAt = Date.now();
    const dataDir = path.join(folder, 'data');
    const vaultFile = path.join(folder, 'vault.json');
    // Connected as a user would, with an app password; the session goes to the (file) vault
    // the app processes share, and its tokens rotate from there.
    const appPassword = (await brand.agent.com.atproto.server.createAppPassword({ name: 'leitstand' })).data.password;
    const setup = createCore({ dataDir, appVersion: 'test', shell: 'headless', vault: new FileVault(vaultFile), poll: false, log: () => {} });
    const { id: workspaceId } = await call<{ id: string }>(setup, 'workspaces.create', { name: 'Migros' });
    const account = await call<{ id: string }>(setup, 'accounts.connectBluesky', { workspaceId, serviceUrl: dev.pdsUrl, identifier: brand.handle, appPassword });
    setup.close();

    const run = await runCrashRounds({ bundle, network: 'bluesky', dataDir, vaultFile, workspaceId, accountId: account.id, rounds: ROUNDS, postsPerRound: 2, randomDelayMaxMs: 150, countPosts });
    console.log(`[bluesky] ${summary(run, startedAt)}`);
    expectExactlyOnce(run, dataDir);
  }, 600_000);
});
