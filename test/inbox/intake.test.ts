import { describe, expect, it } from 'vitest';
import type { InboxItemView } from '../../src/shared/contract/inbox';
import { addBusinessMinutes } from '../../src/shared/inbox/responseClock';
import { call, nextEvent } from '../support/core';
import { anItem } from '../support/items';
import { addAccount, blueskyPost, column, deliver, inboxChanged, listAll, restart, startCore, until, workspace } from './support';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const WEEKDAYS = [...Array(5).fill({ start: '09:00', end: '17:00' }), null, null];

function sources(core: ReturnType<typeof startCore>['core']) {
  return core.store.db.prepare("SELECT account_id, network, kind FROM streams WHERE role = 'inbox' ORDER BY network").all() as Array<{ account_id: string; network: string; kind: string }>;
}

function linked(core: ReturnType<typeof startCore>['core'], streamKind: string): number {
  return (core.store.db.prepare('SELECT COUNT(*) AS n FROM stream_items si JOIN streams s ON s.id = si.stream_id WHERE s.kind = ?').get(streamKind) as { n: number }).n;
}

describe('inbox sources', () => {
  it('gives every Bluesky and Mastodon account one hidden source, at start and idempotently, and removes it with the account', async () => {
    let started = startCore();
    const workspaceId = await workspace(started.core);
    const bluesky = addAccount(started.core, started.clock, workspaceId, 'bluesky', 'migros.example');
    const mastodon = addAccount(started.core, started.clock, workspaceId, 'mastodon', 'migros@social.example');
    expect(sources(started.core)).toEqual([]);

    started = restart(started);
    expect(sources(started.core)).toEqual([
      { account_id: bluesky.id, network: 'bluesky', kind: 'mentions' },
      { account_id: mastodon.id, network: 'mastodon', kind: 'notifications' },
    ]);
    started = restart(started);
    expect(sources(started.core)).toHaveLength(2);

    // Hidden: not a column, not movable, not removable by the UI.
    expect((await call<{ streams: unknown[] }>(started.core, 'streams.list', { workspaceId })).streams).toEqual([]);
    const hiddenId = (started.core.store.db.prepare("SELECT id FROM streams WHERE role = 'inbox' AND account_id = ?").get(bluesky.id) as { id: string }).id;
    await expect(call(started.core, 'streams.remove', { id: hiddenId })).rejects.toMatchObject({ code: 'not_found' });
    await expect(call(started.core, 'streams.setNeedsAnswer', { id: hiddenId, needsAnswer: true })).rejects.toMatchObject({ code: 'not_found' });

    // A column added later comes first in the deck all the same.
    const col = await call<{ position: number }>(started.core, 'streams.add', { workspaceId, network: 'feed', kind: 'feed', query: 'https://example.org/a.xml' });
    expect(col.position).toBe(0);

    await call(started.core, 'accounts.remove', { id: bluesky.id });
    expect(sources(started.core)).toEqual([{ account_id: mastodon.id, network: 'mastodon', kind: 'notifications' }]);
  });
});

describe('intake from an account\'s mentions', () => {
  it('files mentions and replies, never the account\'s own posts, and leaves old history out', async () => {
    let started = startCore();
    const { clock } = started;
    const workspaceId = await workspace(started.core);
    const account = addAccount(started.core, clock, workspaceId, 'bluesky', 'migros.example');
    const own = blueskyPost(clock, 'own', { by: 'migros.example', did: 'did:plc:migros', minutesAgo: 60, text: 'Neue Öffnungszeiten' });
    const mention = blueskyPost(clock, 'mention', { minutesAgo: 30 });
    const reply = blueskyPost(clock, 'reply', { minutesAgo: 20, replyTo: own.remoteId });
    const replyByNotification = blueskyPost(clock, 'reply-raw', { minutesAgo: 10, replyTo: 'at://did:plc:unknown/app.bsky.feed.post/x', raw: { reason: 'reply' } });
    const ownAgain = blueskyPost(clock, 'own-2', { by: 'MIGROS.example', did: 'did:plc:migros', minutesAgo: 5 });
    const old = blueskyPost(clock, 'old', { minutesAgo: 3 * 24 * 60 });
    started.script.forKind('bluesky', 'mentions', [own, mention, reply, replyByNotification, ownAgain, old]);

    started = restart(started);
    const changed = await inboxChanged(started.core, workspaceId);
    expect(changed.ids).toHaveLength(3);
    expect(changed.counts).toEqual({ open: 3, pending: 0, done: 0 });

    const items = await listAll(started.core, workspaceId);
    const byText = new Map(items.map((entry) => [entry.item.remoteId, entry]));
    expect([...byText.keys()].sort()).toEqual([mention.remoteId, reply.remoteId, replyByNotification.remoteId].sort());
    expect(byText.get(mention.remoteId)).toMatchObject({ reason: 'mention', status: 'open', accountId: account.id, assigneeId: null, tags: [] });
    expect(byText.get(reply.remoteId)?.reason).toBe('reply');
    expect(byText.get(replyByNotification.remoteId)?.reason).toBe('reply');
    // Received at the post's time; due two business hours later (Monday 09:30 CET + 120 min).
    const entry = byText.get(mention.remoteId)!;
    expect(entry.receivedAt).toBe(mention.createdAt);
    expect(entry.dueAt).toBe(new Date(addBusinessMinutes(Date.parse(mention.createdAt), 120, WEEKDAYS, 'Europe/Zurich')).toISOString());
    expect(entry.dueAt).toBe('2026-11-02T10:30:00.000Z');
    // The old post and the own posts are stored (searchable), just not in the inbox.
    expect(linked(started.core, 'mentions')).toBe(6);
  });

  it('tells a Mastodon reply to the account from a plain mention by the status\'s reply target', async () => {
    let started = startCore();
    const { clock } = started;
    const workspaceId = await workspace(started.core);
    addAccount(started.core, clock, workspaceId, 'mastodon', 'migros@social.example');
    const status = (id: string, raw: unknown) => ({
      ...anItem({
        remoteId: `https://other.example/users/kunde/statuses/${id}`,
        network: 'mastodon',
        author: { remoteId: 'https://other.example/users/kunde', handle: 'kunde@other.example', displayName: 'Kunde', avatarUrl: null, url: null, followers: 3 },
        createdAt: new Date(clock.ms - 10 * 60_000).toISOString(),
        replyToRemoteId: (raw as { in_reply_to_id?: string }).in_reply_to_id ? 'https://social.example/api/v1/statuses/9' : null,
      }),
      raw,
    });
    const mentions = [{ id: '77', acct: 'migros', url: 'https://social.example/@migros' }];
    started.script.forKind('mastodon', 'notifications', [
      status('1', { id: '1', in_reply_to_id: '9', in_reply_to_account_id: '77', mentions }),
      status('2', { id: '2', in_reply_to_id: null, in_reply_to_account_id: null, mentions }),
    ]);
    started = restart(started);
    await inboxChanged(started.core, workspaceId);
    const reasons = (await listAll(started.core, workspaceId)).map((e) => [e.item.remoteId.split('/').pop(), e.reason]).sort();
    expect(reasons).toEqual([
      ['1', 'reply'],
      ['2', 'mention'],
    ]);
  });

  it('files a post that mentions two accounts of the workspace once', async () => {
    let started = startCore();
    const { clock } = started;
    const workspaceId = await workspace(started.core);
    addAccount(started.core, clock, workspaceId, 'bluesky', 'migros.example');
    addAccount(started.core, clock, workspaceId, 'bluesky', 'migros-bank.example');
    const both = blueskyPost(clock, 'both', { text: '@migros.example @migros-bank.example Karte gesperrt?' });
    started.script.forKind('bluesky', 'mentions', [both]);
    started = restart(started);
    await until(() => linked(started.core, 'mentions') === 2, 'both sources to store the post');
    const items = await listAll(started.core, workspaceId);
    expect(items.map((e) => e.item.remoteId)).toEqual([both.remoteId]);
    expect(started.core.store.db.prepare('SELECT COUNT(*) AS n FROM inbox_items').get()).toEqual({ n: 1 });
  });

  it('clamps the received time to the last seven days and to now', async () => {
    let started = startCore();
    const { clock } = started;
    const workspaceId = await workspace(started.core);
    addAccount(started.core, clock, workspaceId, 'bluesky', 'migros.example', new Date(clock.ms - 30 * DAY));
    const late = blueskyPost(clock, 'late', { minutesAgo: 10 * 24 * 60 });
    const future = blueskyPost(clock, 'future', { minutesAgo: -60 });
    started.script.forKind('bluesky', 'mentions', [late, future]);
    started = restart(started);
    await inboxChanged(started.core, workspaceId);
    const received = new Map((await listAll(started.core, workspaceId)).map((e) => [e.item.remoteId, e.receivedAt]));
    expect(received.get(late.remoteId)).toBe(new Date(clock.ms - 7 * DAY).toISOString());
    expect(received.get(future.remoteId)).toBe(new Date(clock.ms).toISOString());
  });
});

describe('intake from columns', () => {
  it('files what a "needs answer" column pulls in (reason stream), and nothing from other columns', async () => {
    const started = startCore();
    const { core, clock } = started;
    const workspaceId = await workspace(core);
    const account = addAccount(core, clock, workspaceId, 'bluesky', 'migros.example');
    const plain = await column(started, workspaceId, { url: 'https://example.org/plain.xml', needsAnswer: false });
    const streamsChanged = nextEvent(core, 'streams.changed', (p: { streams: Array<{ needsAnswer: boolean }> }) => p.streams.some((s) => s.needsAnswer));
    const marked = await column(started, workspaceId, { url: 'https://example.org/forum.xml' });
    const changedEvent = (await streamsChanged) as { streams: Array<{ id: string; needsAnswer: boolean }> };
    expect(changedEvent.streams.find((s) => s.id === marked)?.needsAnswer).toBe(true);

    const at = new Date(clock.ms - 5 * 60_000).toISOString();
    await deliver(started, plain, [anItem({ remoteId: 'p1', createdAt: at })]);
    expect(await listAll(core, workspaceId)).toEqual([]);

    const arrived = inboxChanged(core, workspaceId);
    await deliver(started, marked, [anItem({ remoteId: 'f1', createdAt: at }), anItem({ remoteId: 'f2', createdAt: at, author: { remoteId: 'x', handle: 'migros.example', displayName: null, avatarUrl: null, url: null, followers: null } })]);
    expect((await arrived).ids).toHaveLength(2);
    const entries = (await listAll(core, workspaceId)) as InboxItemView[];
    // A feed author that happens to share the handle is not the Bluesky account: filed too.
    expect(entries.map((e) => e.item.remoteId).sort()).toEqual(['f1', 'f2']);
    for (const entry of entries) expect(entry).toMatchObject({ reason: 'stream', streamId: marked, accountId: null });

    // The same item again through the same column: nothing new.
    await deliver(started, marked, [anItem({ remoteId: 'f1', createdAt: at })]);
    expect(core.store.db.prepare('SELECT COUNT(*) AS n FROM inbox_items').get()).toEqual({ n: 2 });

    // A Bluesky search column marked "needs answer": the account's own post in it stays out.
    const search = await column(started, workspaceId, { blueskySearchAs: account.id });
    const fromCustomer = inboxChanged(core, workspaceId);
    await deliver(started, search, [blueskyPost(clock, 'own', { by: 'migros.example' }), blueskyPost(clock, 'customer')]);
    expect((await fromCustomer).ids).toHaveLength(1);
    const searchEntries = (await listAll(core, workspaceId)).filter((e) => e.streamId === search);
    expect(searchEntries.map((e) => [e.item.author?.handle, e.reason, e.accountId])).toEqual([['kunde.example', 'stream', account.id]]);

    // Unmarked again: later items stay out.
    const view = await call<{ needsAnswer: boolean }>(core, 'streams.setNeedsAnswer', { id: marked, needsAnswer: false });
    expect(view.needsAnswer).toBe(false);
    await deliver(started, marked, [anItem({ remoteId: 'f3', createdAt: at })]);
    expect(core.store.db.prepare('SELECT COUNT(*) AS n FROM inbox_items').get()).toEqual({ n: 3 });
  });
});
