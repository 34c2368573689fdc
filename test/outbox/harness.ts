import { randomUUID } from 'node:crypto';
import { AccountRepository } from '../../src/main/core/accounts/accountRepository';
import { ConnectorError, type Connector, type PollResult, type PublishRequest, type PublishResult } from '../../src/main/core/connectors/connector';
import { CoreEvents } from '../../src/main/core/events';
import { ItemStore } from '../../src/main/core/items/itemStore';
import { createOutboxFeature, type OutboxFeature, type OutboxPost, type RetryPolicy } from '../../src/main/core/outbox';
import type { Connectivity } from '../../src/main/core/polling';
import { openStore, type Store } from '../../src/main/core/store/database';
import { StreamRepository } from '../../src/main/core/streams/streamRepository';
import { WorkspaceRepository } from '../../src/main/core/workspaces/workspaceRepository';
import type { OutboxEntry } from '../../src/shared/contract/composer';
import type { Network } from '../../src/shared/contract/items';

/**
 * A network's server side for outbox tests: posts kept by idempotency key, so a repeat with the
 * same key answers the same post, as Bluesky (record key) and Mastodon (Idempotency-Key) do.
 * Shared between connectors, so it survives a "crash" of the app that talks to it.
 */
export class FakeNetworkServer {
  readonly posts = new Map<string, PublishResult>();
  /** How many times a post was created (a repeat answered from `posts` does not count). */
  created = 0;
}

export interface Behaviour {
  /** Errors thrown by the next publish calls, in order (before anything reaches the server). */
  failures: ConnectorError[];
  /** Runs inside publishPost before the server sees the post (inspect the store from here). */
  before?: (request: PublishRequest) => void | Promise<void>;
  /** Hangs forever after the server created the post: the answer is lost (a crash, a cut connection). */
  hangAfterPosting: boolean;
  /** Hangs forever before the server sees the post. */
  hangBeforePosting: boolean;
}

/** A connector over a FakeNetworkServer; `withFind` gives it findPublished, as Bluesky has. */
export class FakePublishingConnector implements Connector {
  readonly calls: Array<{ kind: 'publish' | 'find'; key: string; accountId: string }> = [];
  readonly requests: PublishRequest[] = [];
  readonly behaviour: Behaviour = { failures: [], hangAfterPosting: false, hangBeforePosting: false };
  /** Publishes running right now, per account (to check one at a time). */
  readonly running = new Map<string, number>();
  maxRunningPerAccount = 0;
  maxRunningOverall = 0;
  findPublished?: (request: PublishRequest) => Promise<PublishResult | null>;

  constructor(
    readonly network: Network,
    readonly server: FakeNetworkServer,
    options: { withFind: boolean; delayMs?: number } = { withFind: true },
  ) {
    if (options.withFind) {
      this.findPublished = async (request) => {
        this.calls.push({ kind: 'find', key: request.idempotencyKey, accountId: request.accountId });
        return this.server.posts.get(request.idempotencyKey) ?? null;
      };
    }
    this.delayMs = options.delayMs ?? 0;
  }

  private readonly delayMs: number;

  async poll(): Promise<PollResult> {
    return { items: [], cursor: null, more: false };
  }

  async publishPost(request: PublishRequest): Promise<PublishResult> {
    this.calls.push({ kind: 'publish', key: request.idempotencyKey, accountId: request.accountId });
    this.requests.push(request);
    const running = (this.running.get(request.accountId) ?? 0) + 1;
    this.running.set(request.accountId, running);
    this.maxRunningPerAccount = Math.max(this.maxRunningPerAccount, running);
    this.maxRunningOverall = Math.max(this.maxRunningOverall, [...this.running.values()].reduce((a, b) => a + b, 0));
    try {
      await this.behaviour.before?.(request);
      if (this.delayMs) await abortable(new Promise((resolve) => setTimeout(resolve, this.delayMs)), request.signal);
      const failure = this.behaviour.failures.shift();
      if (failure) throw failure;
      if (this.behaviour.hangBeforePosting) await abortable(new Promise(() => {}), request.signal);
      let post = this.server.posts.get(request.idempotencyKey);
      if (!post) {
        post = postFor(this.network, request);
        this.server.posts.set(request.idempotencyKey, post);
        this.server.created++;
      }
      if (this.behaviour.hangAfterPosting) await abortable(new Promise(() => {}), request.signal);
      return post;
    } finally {
      this.running.set(request.accountId, (this.running.get(request.accountId) ?? 1) - 1);
    }
  }
}

function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    if (signal.aborted) return reject(new ConnectorError('timeout', 'aborted'));
    signal.addEventListener('abort', () => reject(new ConnectorError('timeout', 'aborted')), { once: true });
    promise.then(resolve, reject);
  });
}

function postFor(network: Network, request: PublishRequest): PublishResult {
  const remoteId = network === 'bluesky' ? `at://did:plc:brand/app.bsky.feed.post/${request.idempotencyKey}` : `https://social.example/users/brand/statuses/${request.idempotencyKey}`;
  const url = network === 'bluesky' ? `https://bsky.app/profile/brand.example/post/${request.idempotencyKey}` : `https://social.example/@brand/${request.idempotencyKey}`;
  return {
    remoteId,
    url,
    item: {
      network,
      remoteId,
      url,
      author: { remoteId: 'did:plc:brand', handle: 'brand.example', displayName: null, avatarUrl: null, url: null, followers: null },
      title: null,
      text: request.text,
      html: null,
      createdAt: new Date().toISOString(),
      language: request.language,
      replyToRemoteId: request.replyTo?.remoteId ?? null,
      quoteOfRemoteId: null,
      media: [],
      counts: { replies: 0, reposts: 0, likes: 0 },
      raw: { uri: remoteId },
    },
  };
}

export const FAST_RETRIES: RetryPolicy = { maxRetries: 3, baseDelayMs: 20, maxDelayMs: 100 };

export interface Harness {
  store: Store;
  outbox: OutboxFeature;
  events: Array<{ entry: OutboxEntry; removed?: boolean }>;
  published: OutboxEntry[];
  reconnects: string[];
  workspaceId: string;
  accountId: string;
  items: ItemStore;
  accounts: AccountRepository;
  /** Enqueues as composer.send does: in a transaction, then kick() after commit. */
  send(post?: Partial<OutboxPost>): OutboxEntry;
  row(id: string): Record<string, unknown>;
  close(): Promise<void>;
}

/**
 * The outbox on a real store in `dataDir`, as the core wires it. A workspace with one account of
 * `network` is created on first use (the ids are kept in the store, so a second harness on the
 * same folder finds them).
 */
export function startHarness(options: {
  dataDir: string;
  connectors: Partial<Record<Network, Connector>>;
  network?: Network;
  connectivity?: Connectivity;
  retryPolicy?: RetryPolicy;
  start?: boolean;
}): Harness {
  const store = openStore({ dataDir: options.dataDir });
  const now = () => new Date();
  const workspaces = new WorkspaceRepository(store.db, now);
  const accounts = new AccountRepository(store.db, now);
  const items = new ItemStore(store.db, now);
  const coreEvents = new CoreEvents();
  const events: Harness['events'] = [];
  coreEvents.subscribe((name, payload) => {
    if (name === 'outbox.changed') events.push(payload as Harness['events'][number]);
  });
  const workspace = workspaces.list()[0] ?? workspaces.create('Migros');
  const network = options.network ?? 'bluesky';
  const account = accounts.listByWorkspace(workspace.id).find((a) => a.network === network) ?? accounts.create({ workspaceId: workspace.id, network, handle: 'brand.example' });
  const published: OutboxEntry[] = [];
  const reconnects: string[] = [];
  const outbox = createOutboxFeature({
    db: store.db,
    now,
    events: coreEvents,
    accounts,
    items,
    connectors: options.connectors,
    connectivity: options.connectivity,
    log: () => {},
    onPublished: (entry) => published.push(entry),
    onReconnectNeeded: (id) => reconnects.push(id),
    retryPolicy: options.retryPolicy ?? FAST_RETRIES,
  });
  if (options.start !== false) outbox.start();
  return {
    store,
    outbox,
    events,
    published,
    reconnects,
    workspaceId: workspace.id,
    accountId: account.id,
    items,
    accounts,
    send(post = {}) {
      const entry = store.db.transaction(() =>
        outbox.enqueue({
          workspaceId: workspace.id,
          accountId: account.id,
          inboxItemId: null,
          replyToItemId: null,
          text: 'Hello from the outbox',
          spoilerText: null,
          language: 'de',
          visibility: null,
          mediaFromDraftId: null,
          ...post,
        }),
      )();
      outbox.kick();
      return entry;
    },
    row: (id) => store.db.prepare('SELECT * FROM outbox WHERE id = ?').get(id) as Record<string, unknown>,
    async close() {
      await outbox.close();
      store.close();
    },
  };
}

/** Resolves when the entry reaches `state` (polls the events the outbox emitted). */
export async function until(h: Pick<Harness, 'events'>, id: string, state: OutboxEntry['state'], timeoutMs = 5_000): Promise<OutboxEntry> {
  const started = Date.now();
  for (;;) {
    const hit = h.events.find((e) => e.entry.id === id && e.entry.state === state);
    if (hit) return hit.entry;
    if (Date.now() - started > timeoutMs) throw new Error(`entry ${id} did not reach ${state} within ${timeoutMs} ms; saw ${h.events.filter((e) => e.entry.id === id).map((e) => e.entry.state).join(', ')}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

export const settle = (ms = 50) => new Promise((resolve) => setTimeout(resolve, ms));

/** A draft with media rows, as the drafts feature would have stored it. */
export function insertDraftWithMedia(h: Harness, media: Array<{ bytes: Buffer; mimeType: string; alt: string }>): string {
  const id = randomUUID();
  const at = new Date().toISOString();
  h.store.db
    .prepare('INSERT INTO drafts (id, workspace_id, draft_key, account_id, body, updated_at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(id, h.workspaceId, `post:${randomUUID()}`, h.accountId, JSON.stringify({ text: 'x', spoilerText: null, language: null, visibility: null, appendSignature: false }), at);
  media.forEach((m, position) =>
    h.store.db
      .prepare('INSERT INTO media (id, draft_id, position, file_name, mime_type, size, alt, bytes, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(randomUUID(), id, position, `file-${position}`, m.mimeType, m.bytes.length, m.alt, m.bytes, at),
  );
  return id;
}

/** The account's hidden inbox stream, as the inbox feature creates it. */
export function addInboxStream(h: Harness, network: Network = 'bluesky'): string {
  return new StreamRepository(h.store.db, () => new Date()).create({ workspaceId: h.workspaceId, accountId: h.accountId, network, kind: 'mentions', title: 'Inbox', role: 'inbox' }).id;
}
