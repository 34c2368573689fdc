// The catch-up logic without a network: synthetic streams served newest first, with keyset
// cursors (how the AppView pages) and offset cursors (how a search service may page, shifting
// when new posts arrive), many posts at the same instant, and posts arriving mid-way.
import { describe, expect, it } from 'vitest';
import {
  FIRST_PAGE_SIZE,
  atOrBefore,
  pollChronological,
  pollTopOfFeed,
  readCursor,
  type BlueskyCursor,
  type Entry,
  type FetchPage,
} from '../../src/main/core/connectors/bluesky/paging';
import type { IncomingItem } from '../../src/shared/contract/items';

function item(key: string): IncomingItem {
  return {
    network: 'bluesky',
    remoteId: key,
    url: null,
    author: null,
    title: null,
    text: key,
    html: null,
    createdAt: new Date(0).toISOString(),
    language: null,
    replyToRemoteId: null,
    quoteOfRemoteId: null,
    media: [],
    counts: { replies: null, reposts: null, likes: null },
  };
}

/** A stream the test appends to; served newest first, ties broken by key (as the AppView does by CID). */
class FakeStream {
  private entries: Entry[] = [];
  private serial = 0;
  pagesServed = 0;

  constructor(private readonly paging: 'keyset' | 'offset') {}

  /**
   * Adds `count` posts after the newest one; `perInstant` of them share each timestamp. With
   * `sameInstant`, the first ones share the newest post's timestamp (two posts created in the
   * same millisecond, indexed one after the other).
   */
  add(count: number, perInstant = 1, sameInstant = false): string[] {
    const newest = (this.entries[0]?.at ?? 1_000_000) - (sameInstant ? 1 : 0);
    const keys: string[] = [];
    for (let i = 0; i < count; i += 1) {
      const key = `at://post/${String(this.serial++).padStart(6, '0')}`;
      keys.push(key);
      this.entries.push({ key, at: newest + 1 + Math.floor(i / perInstant), item: item(key) });
    }
    this.entries.sort((a, b) => b.at - a.at || (a.key < b.key ? 1 : -1));
    return keys;
  }

  readonly fetchPage: FetchPage = async (cursor, limit) => {
    this.pagesServed += 1;
    let start = 0;
    if (cursor && this.paging === 'offset') start = Number(cursor);
    if (cursor && this.paging === 'keyset') {
      const [at, key] = [Number(cursor.split('|')[0]), cursor.split('|')[1]!];
      start = this.entries.findIndex((e) => e.at < at || (e.at === at && e.key < key));
      if (start < 0) start = this.entries.length;
    }
    const entries = this.entries.slice(start, start + limit);
    const last = entries.at(-1);
    const more = start + entries.length < this.entries.length;
    const next = !more || !last ? undefined : this.paging === 'offset' ? String(start + entries.length) : `${last.at}|${last.key}`;
    return { entries, cursor: next };
  };
}

/** Polls like the poller: store items, keep the cursor (through JSON), again while `more`. */
async function pollUntilCaughtUp(stream: FakeStream, cursor: BlueskyCursor | null, maxItems: number, between?: (round: number) => void) {
  const delivered: string[] = [];
  const sizes: number[] = [];
  let current = cursor;
  for (let round = 0; round < 1000; round += 1) {
    const result = await pollChronological(stream.fetchPage, current, maxItems);
    expect(result.items.length).toBeLessThanOrEqual(maxItems);
    delivered.push(...result.items.map((i) => i.remoteId));
    sizes.push(result.items.length);
    current = readCursor(JSON.parse(JSON.stringify(result.cursor)));
    between?.(round);
    if (!result.more) return { delivered, sizes, cursor: current };
  }
  throw new Error('never caught up');
}

/** A small seeded generator, so a failing case can be replayed. */
function random(seed: number) {
  let state = seed >>> 0;
  return (n: number) => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state % n;
  };
}

describe('pollChronological', () => {
  it('takes one recent page on the first poll and nothing older', async () => {
    const stream = new FakeStream('keyset');
    stream.add(200);
    const first = await pollChronological(stream.fetchPage, null, 500);
    expect(first.items).toHaveLength(FIRST_PAGE_SIZE);
    expect(first.more).toBe(false);
    expect(stream.pagesServed).toBe(1);
    const again = await pollChronological(stream.fetchPage, first.cursor, 500);
    expect(again.items).toEqual([]);
  });

  it('catches up in rounds of maxItems and closes the gap exactly', async () => {
    const stream = new FakeStream('keyset');
    stream.add(10);
    const first = await pollChronological(stream.fetchPage, null, 100);
    const added = stream.add(60, 3);
    const { delivered, sizes } = await pollUntilCaughtUp(stream, first.cursor, 25);
    expect(sizes).toEqual([25, 25, 10]);
    expect(delivered).toHaveLength(60);
    expect(new Set(delivered)).toEqual(new Set(added));
  });

  it('starts from nothing when the first poll found nothing', async () => {
    const stream = new FakeStream('keyset');
    const first = await pollChronological(stream.fetchPage, null, 100);
    expect(first.items).toEqual([]);
    const added = stream.add(130);
    const { delivered, sizes } = await pollUntilCaughtUp(stream, first.cursor, 50);
    expect(sizes).toEqual([50, 50, 30]);
    expect(new Set(delivered)).toEqual(new Set(added));
  });

  for (const paging of ['keyset', 'offset'] as const) {
    it(`never loses or repeats a post (${paging} cursors, random sizes, ties, posts arriving mid-way)`, async () => {
      for (let seed = 1; seed <= 150; seed += 1) {
        const rnd = random(seed);
        const stream = new FakeStream(paging);
        stream.add(rnd(80));
        const first = await pollChronological(stream.fetchPage, null, 1 + rnd(120));
        const expected = new Set(first.items.map((i) => i.remoteId));
        const seen = [...expected];
        let cursor: BlueskyCursor | null = first.cursor;
        for (let wave = 0; wave < 3; wave += 1) {
          for (const key of stream.add(rnd(150), 1 + rnd(5), rnd(2) === 0)) expected.add(key);
          const maxItems = 1 + rnd(60);
          const result = await pollUntilCaughtUp(stream, cursor, maxItems, () => {
            if (rnd(3) === 0) for (const key of stream.add(rnd(20), 1 + rnd(4), rnd(2) === 0)) expected.add(key);
          });
          seen.push(...result.delivered);
          cursor = result.cursor;
        }
        // One last poll picks up what arrived during the final round.
        seen.push(...(await pollUntilCaughtUp(stream, cursor, 1000)).delivered);
        expect(seen.length, `seed ${seed}: duplicates`).toBe(new Set(seen).size);
        expect(new Set(seen), `seed ${seed}`).toEqual(expected);
      }
    });
  }

  it('stops when a server hands back the same cursor forever', async () => {
    let calls = 0;
    const stuck: FetchPage = async () => {
      calls += 1;
      return { entries: [{ key: `k${calls}`, at: 10_000 - calls, item: item(`k${calls}`) }], cursor: 'same' };
    };
    const result = await pollChronological(stuck, { v: 1, mode: 'chrono', newest: { at: 1, keys: [] } }, 500);
    expect(result.more).toBe(false);
    expect(calls).toBe(2);
  });

  it('treats an entry at the stored instant as new only if its key was not seen there', () => {
    const mark = { at: 100, keys: ['a'] };
    expect(atOrBefore({ at: 99, key: 'z' }, mark)).toBe(true);
    expect(atOrBefore({ at: 100, key: 'a' }, mark)).toBe(true);
    expect(atOrBefore({ at: 100, key: 'b' }, mark)).toBe(false);
    expect(atOrBefore({ at: 101, key: 'a' }, mark)).toBe(false);
  });
});

describe('pollTopOfFeed', () => {
  it('delivers the top page minus what it delivered before', async () => {
    const stream = new FakeStream('keyset');
    stream.add(30);
    const first = await pollTopOfFeed(stream.fetchPage, null, 100);
    expect(first.items).toHaveLength(30);
    const added = stream.add(5);
    const second = await pollTopOfFeed(stream.fetchPage, first.cursor, 100);
    expect(second.items.map((i) => i.remoteId).sort()).toEqual([...added].sort());
    expect((await pollTopOfFeed(stream.fetchPage, second.cursor, 100)).items).toEqual([]);
  });
});

describe('readCursor', () => {
  it('accepts its own cursors and treats anything else as a first poll', () => {
    const chrono = { v: 1, mode: 'chrono', newest: { at: 5, keys: ['x'] }, gap: { apiCursor: 'c', top: { at: 9, keys: ['y'] }, bottom: { at: 6, keys: ['z'] } } };
    expect(readCursor(chrono)).toEqual(chrono);
    expect(readCursor({ v: 1, mode: 'top', seen: ['a'] })).toEqual({ v: 1, mode: 'top', seen: ['a'] });
    expect(readCursor(null)).toBeNull();
    expect(readCursor({ v: 2, mode: 'chrono', newest: null })).toBeNull();
    expect(readCursor({ v: 1, mode: 'chrono', newest: { at: 'x', keys: [] } })).toBeNull();
    expect(readCursor({ v: 1, mode: 'top', seen: [1] })).toBeNull();
    // A broken gap is dropped, the position kept: at worst some posts are delivered again (the store deduplicates).
    expect(readCursor({ v: 1, mode: 'chrono', newest: null, gap: { apiCursor: 3 } })).toEqual({ v: 1, mode: 'chrono', newest: null });
  });
});
