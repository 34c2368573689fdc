// The app process of the crash tests: the real core (createCore) on a data folder, with the real
// connector of one network wrapped so that it can SIGKILL its own process at a chosen point of
// the outbox's state machine. Started by runner.ts (bundled once, run with the same Node);
// orders come in LEITSTAND_CRASH_ORDERS (protocol.ts), observations go to the report file.
//
// A run: open the core (the outbox reconciles what the previous run left), wait until every
// earlier entry is published, send this round's posts through the composer, and die at the
// kill point; without a kill point, publish everything and exit cleanly.
import fs from 'node:fs';
import { randomUUID } from 'node:crypto';
import { AccountSecrets } from '../../../src/main/core/accounts/accountSecrets';
import { BlueskyConnector } from '../../../src/main/core/connectors/bluesky';
import type { Connector, PublishRequest } from '../../../src/main/core/connectors/connector';
import { createMastodonConnector } from '../../../src/main/core/connectors/mastodon';
import { createCore, type Core } from '../../../src/main/core/createCore';
import type { OutboxEntry } from '../../../src/shared/contract/composer';
import { FileVault } from './fileVault';
import { killingConnector } from './killingConnector';
import { ORDERS_ENV, type ChildOrders, type KillPoint, type ReportLine, type RowAtKill } from './protocol';

const orders = JSON.parse(process.env[ORDERS_ENV] ?? 'null') as ChildOrders | null;
if (!orders) throw new Error(`${ORDERS_ENV} is not set`);
const { round } = orders;

function report(line: ReportLine): void {
  fs.appendFileSync(orders!.reportFile, `${JSON.stringify(line)}\n`);
}

let core: Core | null = null;
const closeCore = (): void => core?.close();

function rowsOf(where: string, ...params: unknown[]): RowAtKill[] {
  if (!core) return [];
  const rows = core.store.db
    .prepare(`SELECT body, state, attempts, remote_id FROM outbox WHERE ${where} ORDER BY due_ms, created_at`)
    .all(...params) as Array<{ body: string; state: string; attempts: number; remote_id: string | null }>;
  return rows.map((row) => ({ text: (JSON.parse(row.body) as { text: string }).text, state: row.state, attempts: row.attempts, remoteId: row.remote_id }));
}

/** Records what the store says at this very moment, then dies without any clean-up. */
function die(point: KillPoint, rows: RowAtKill[], networkAnswer?: string): never {
  report({ kind: 'kill', round, point, rows, ...(networkAnswer ? { networkAnswer } : {}) });
  process.kill(process.pid, 'SIGKILL');
  // SIGKILL cannot be caught; nothing after this line runs. Keep the type checker honest.
  throw new Error('still alive after SIGKILL');
}

const targetText = orders.kill && orders.kill.point !== 'random' ? orders.kill.targetText : null;
const isTarget = (request: PublishRequest) => targetText !== null && request.text === targetText;

const vault = new FileVault(orders.vaultFile);
const real: Connector =
  orders.network === 'bluesky'
    ? new BlueskyConnector({ vault, vaultEntry: (accountId) => ({ workspaceId: orders.workspaceId, accountId }) })
    : createMastodonConnector({
        credentials: async (accountId) => {
          const secret = await new AccountSecrets(vault).read(orders.workspaceId, accountId);
          return secret ? { instanceUrl: secret.instanceUrl, accessToken: secret.accessToken } : null;
        },
      });
const connector = killingConnector(real, {
  beforeNetwork(request) {
    if (orders.kill?.point === 'before-network' && isTarget(request)) die('before-network', rowsOf('idempotency_key = ?', request.idempotencyKey));
  },
  afterNetwork(request, result) {
    if (orders.kill?.point === 'after-network' && isTarget(request)) die('after-network', rowsOf('idempotency_key = ?', request.idempotencyKey), result.remoteId);
  },
});

async function pendingEntries(): Promise<OutboxEntry[]> {
  const outcome = await core!.dispatcher.call('outbox.list', { workspaceId: orders!.workspaceId, states: ['scheduled', 'publishing', 'failed'], limit: 500 });
  if (!outcome.ok) throw new Error(`outbox.list: ${outcome.error.code} ${outcome.error.message}`);
  const entries = (outcome.result as { entries: OutboxEntry[] }).entries;
  const failed = entries.find((entry) => entry.state === 'failed');
  if (failed) throw new Error(`an entry failed instead of being published: ${JSON.stringify(failed)}`);
  return entries;
}

async function untilAllPublished(deadline: number): Promise<void> {
  while ((await pendingEntries()).length > 0) {
    if (Date.now() > deadline) throw new Error(`not everything was published in time: ${JSON.stringify(await pendingEntries())}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function run(): Promise<void> {
  const deadline = Date.now() + orders!.timeoutMs;
  report({ kind: 'started', round, pid: process.pid });
  const opened = Date.now();
  core = createCore({
    dataDir: orders!.dataDir,
    appVersion: 'crash-test',
    shell: 'headless',
    vault,
    connectors: { [orders!.network]: connector },
    // Only the outbox is under test; polls would add unrelated traffic to the network.
    poll: false,
    log: (message) => report({ kind: 'log', round, message }),
  });
  const leftovers = (await pendingEntries()).length;
  await untilAllPublished(deadline);
  const published = rowsOf("state = 'published'").map((row) => row.text);
  report({ kind: 'reconciled', round, ms: Date.now() - opened, leftovers, published });

  const kill = orders!.kill;
  if (kill?.point === 'after-published') {
    core.events.subscribe((event, payload) => {
      if (event !== 'outbox.changed') return;
      const { entry } = payload as { entry: OutboxEntry };
      if (entry.state === 'published' && entry.text === kill.targetText) die('after-published', rowsOf('id = ?', entry.id));
    });
  }
  // Armed before the posts are sent: a random kill can land on any state, 'scheduled' included.
  if (kill?.point === 'random') setTimeout(() => die('random', rowsOf('1 = 1')), kill.delayMs);
  for (const text of orders!.texts) {
    const outcome = await core.dispatcher.call('composer.send', {
      workspaceId: orders!.workspaceId,
      key: `post:${randomUUID()}`,
      accountId: orders!.accountId,
      content: { text, spoilerText: null, language: 'de', visibility: null, appendSignature: false },
    });
    if (!outcome.ok) throw new Error(`composer.send: ${outcome.error.code} ${outcome.error.message}`);
    // The transaction is committed; the outbox's kick runs on a later turn of the event loop.
    if (kill?.point === 'after-scheduled' && text === kill.targetText) die('after-scheduled', rowsOf('id = ?', (outcome.result as OutboxEntry).id));
  }
  report({ kind: 'sent', round, texts: orders!.texts });

  await untilAllPublished(deadline);
  if (kill === null) {
    core.close();
    report({ kind: 'done', round });
    // Idle keep-alive sockets of fetch must not keep a finished run waiting.
    process.exit(0);
  }
  // A kill point that was not reached in time is a failure of the test set-up, not a pass.
  const waitMs = kill.point === 'random' ? kill.delayMs + 5_000 : 5_000;
  await new Promise((resolve) => setTimeout(resolve, Math.min(waitMs, Math.max(0, deadline - Date.now()))));
  throw new Error(`the kill point ${kill.point} was never reached`);
}

try {
  await run();
} catch (error) {
  report({ kind: 'error', round, message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  closeCore();
  process.exit(3);
}
