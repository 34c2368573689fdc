import { afterAll, beforeAll, expect, it } from 'vitest';
import { AccountRepository } from '../../src/main/core/accounts/accountRepository';
import { CoreEvents } from '../../src/main/core/events';
import { ItemStore } from '../../src/main/core/items/itemStore';
import { createOutboxFeature, type OutboxFeature } from '../../src/main/core/outbox';
import { openStore, type Store } from '../../src/main/core/store/database';
import { WorkspaceRepository } from '../../src/main/core/workspaces/workspaceRepository';
import { formatLocal } from '../../src/shared/planner/wallTime';
import { tempDir } from '../../test/support/tempDir';
import { percentile, record, timeMs, wanted } from '../record';

const TICK_FIGURE = 'outbox.tick_ms_p50';
const RECOMPUTE_FIGURE = 'outbox.recompute_due_ms';
const QUEUED = 10_000;
const ACCOUNTS = 20;
const ZONES = ['Europe/Zurich', 'America/New_York', 'Europe/Berlin', 'Asia/Tokyo'];

let store: Store;
let outbox: OutboxFeature;

beforeAll(() => {
  if (!wanted(TICK_FIGURE, RECOMPUTE_FIGURE)) return;
  store = openStore({ dataDir: tempDir() });
  const now = () => new Date();
  const workspaces = new WorkspaceRepository(store.db, now);
  const accounts = new AccountRepository(store.db, now);
  const workspace = workspaces.create('Bench');
  const ids = Array.from({ length: ACCOUNTS }, (_, i) => accounts.create({ workspaceId: workspace.id, network: i % 2 ? 'mastodon' : 'bluesky', handle: `brand${i}.example` }).id);
  outbox = createOutboxFeature({
    db: store.db,
    now,
    events: new CoreEvents(),
    accounts,
    items: new ItemStore(store.db, now),
    // Nothing is due within the run: no connector is ever called.
    connectors: {},
    log: () => {},
    onPublished: () => {},
  });
  // 10,000 posts planned across the next month, at whole quarter hours of the accounts' zones.
  const start = Date.now() + 60 * 60_000;
  const month = 30 * 24 * 60 * 60_000;
  store.db.transaction(() => {
    for (let n = 0; n < QUEUED; n++) {
      const timeZone = ZONES[n % ZONES.length]!;
      const at = start + Math.floor((n / QUEUED) * month / (15 * 60_000)) * 15 * 60_000;
      outbox.enqueue({
        workspaceId: workspace.id,
        accountId: ids[n % ACCOUNTS]!,
        inboxItemId: null,
        replyToItemId: null,
        text: `Geplanter Post ${n}`,
        spoilerText: null,
        language: 'de',
        visibility: null,
        timeZone,
        dueLocal: formatLocal(at, timeZone),
        mediaFromDraftId: null,
      });
    }
  })();
});

afterAll(async () => {
  await outbox?.close();
  store?.close();
});

it(`${TICK_FIGURE}: the publisher's tick (due entries, re-arming its timer) with ${QUEUED} queued posts of ${ACCOUNTS} accounts`, () => {
  if (!wanted(TICK_FIGURE, RECOMPUTE_FIGURE)) return;
  // The start-up pass that derives every due instant from its wall time, measured on its own.
  const recompute = timeMs(() => outbox.recomputeDueTimes());
  if (wanted(RECOMPUTE_FIGURE)) record(RECOMPUTE_FIGURE, recompute, 'ms');
  outbox.start();
  for (let i = 0; i < 50; i++) outbox.tick(); // warm up the statements
  const samples = Array.from({ length: 500 }, () => timeMs(() => outbox.tick()));
  const p50 = percentile(samples, 50);
  if (wanted(TICK_FIGURE)) record(TICK_FIGURE, p50, 'ms');
  expect(store.db.prepare(`SELECT COUNT(*) FROM outbox WHERE state = 'scheduled'`).pluck().get()).toBe(QUEUED);
});
