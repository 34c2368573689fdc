// Pure logic of the deck: a column's items in memory (bounded, deduplicated, gaps), reordering,
// the keyboard map, feed addresses, relative times, the column status line and search filters.
import type { TFunction } from 'i18next';
import { describe, expect, test } from 'vitest';
import type { StoredItem } from '../../src/shared/contract/items';
import { IDLE_STATUS, type PollStatus } from '../../src/shared/contract/streams';
import {
  cursorOf,
  dropPosition,
  EMPTY_COLUMN,
  moved,
  withAllRead,
  withAtTop,
  withFirstPage,
  withMissedAbove,
  withNewer,
  withOlderPage,
  withReadState,
  type ColumnItems,
} from '../../src/renderer/src/features/deck/columnItems';
import { defuseForParsing } from '../../src/renderer/src/features/deck/htmlPrefilter';
import { normalizeFeedAddress } from '../../src/renderer/src/features/deck/feedAddress';
import { deckCommandFor, isTypingTarget } from '../../src/renderer/src/features/deck/keyboard';
import { statusLine } from '../../src/renderer/src/features/deck/statusLine';
import { formatDistance, formatItemTime } from '../../src/renderer/src/features/deck/time';
import { dayBoundary, EMPTY_FILTERS, toSearchFilters } from '../../src/renderer/src/features/search/searchFilters';

const BASE = Date.parse('2025-03-01T12:00:00Z');

/** Item n was created n minutes after BASE; higher n is newer. */
function item(n: number, read = false): StoredItem {
  return {
    id: n,
    network: 'feed',
    remoteId: `item-${n}`,
    url: `https://example.com/${n}`,
    author: null,
    title: `Item ${n}`,
    text: `Text ${n}`,
    html: null,
    createdAt: new Date(BASE + n * 60_000).toISOString(),
    language: null,
    replyToRemoteId: null,
    quoteOfRemoteId: null,
    media: [],
    counts: { replies: null, reposts: null, likes: null },
    read,
  };
}

/** Newest first, as the store pages a column: from n down to m. */
function range(from: number, to: number): StoredItem[] {
  const items: StoredItem[] = [];
  for (let n = from; n >= to; n--) items.push(item(n));
  return items;
}

const ids = (column: ColumnItems) => column.items.map((entry) => entry.id);

describe('a column in memory', () => {
  test('pages append below, without duplicates', () => {
    let column = withFirstPage(EMPTY_COLUMN, range(100, 91), cursorOf(item(91)));
    expect(column.phase).toBe('ready');
    column = withOlderPage(column, range(91, 81), cursorOf(item(81)));
    expect(ids(column)).toEqual(range(100, 81).map((entry) => entry.id));
    expect(column.next).toEqual({ createdMs: BASE + 81 * 60_000, id: 81 });
    expect(column.gapAbove).toBe(false);
  });

  test('reading far down drops the newest items and remembers the gap above', () => {
    let column = withFirstPage(EMPTY_COLUMN, range(100, 91), cursorOf(item(91)));
    column = withOlderPage(column, range(90, 81), cursorOf(item(81)), 15);
    expect(column.items).toHaveLength(15);
    expect(ids(column)[0]).toBe(95);
    expect(column.gapAbove).toBe(true);
    // Live items above the gap are counted, not fetched.
    column = withMissedAbove(column, 3);
    expect(column.missedAbove).toBe(3);
    // Filling the gap: a full page means there is more; a short one closes it and clears the count.
    column = withNewer(column, range(99, 96), { fillingGap: true, limit: 4, max: 30 });
    expect(column.gapAbove).toBe(true);
    column = withNewer(column, range(103, 100), { fillingGap: true, limit: 10, max: 30 });
    expect(column.gapAbove).toBe(false);
    expect(column.missedAbove).toBe(0);
    expect(ids(column)[0]).toBe(103);
  });

  test('live arrivals go on top; too many push the oldest out and next points at them', () => {
    let column = withFirstPage(EMPTY_COLUMN, range(100, 91), null);
    column = withNewer(column, range(103, 100), { max: 12 });
    expect(ids(column).slice(0, 4)).toEqual([103, 102, 101, 100]);
    expect(column.items).toHaveLength(12);
    expect(column.next).toEqual(cursorOf(item(92)));
  });

  test('arrivals while the user reads further down are counted for the notice; at the top they are simply seen', () => {
    let column = withFirstPage(EMPTY_COLUMN, range(100, 91), null);
    column = withAtTop(column, false);
    column = withNewer(column, range(102, 101));
    expect(column.newAbove).toBe(2);
    column = withNewer(column, [item(102), item(103)]);
    expect(column.newAbove).toBe(3);
    column = withAtTop(column, true);
    expect(column.newAbove).toBe(0);
    column = withNewer(column, [item(104)]);
    expect(column.newAbove).toBe(0);
    // Unchanged state keeps its identity (no re-render).
    expect(withAtTop(column, true)).toBe(column);
  });

  test('read state changes only the items concerned', () => {
    const column = withFirstPage(EMPTY_COLUMN, range(3, 1), null);
    const marked = withReadState(column, new Set([2]), true);
    expect(marked.items.map((entry) => entry.read)).toEqual([false, true, false]);
    expect(marked.items[0]).toBe(column.items[0]);
    expect(withReadState(marked, new Set([2]), true)).toBe(marked);
    expect(withAllRead(marked).items.every((entry) => entry.read)).toBe(true);
  });

  test('an unreadable date sorts as the oldest', () => {
    expect(cursorOf({ ...item(1), createdAt: 'yesterday' })).toEqual({ createdMs: 0, id: 1 });
  });
});

describe('reordering columns', () => {
  test('where a dropped column lands', () => {
    // A B C D: drag A after C -> B C A D (position 2); drag D before B -> A D B C (position 1).
    expect(dropPosition(0, 2, 'after')).toBe(2);
    expect(dropPosition(3, 1, 'before')).toBe(1);
    expect(dropPosition(1, 1, 'before')).toBe(1);
    expect(dropPosition(1, 0, 'after')).toBe(1);
    expect(moved(['A', 'B', 'C', 'D'], 0, 2)).toEqual(['B', 'C', 'A', 'D']);
    expect(moved(['A', 'B', 'C', 'D'], 3, 1)).toEqual(['A', 'D', 'B', 'C']);
  });
});

describe('the keyboard', () => {
  const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) => ({
    key: k,
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    ...mods,
  });

  test('single keys map to commands; with modifiers they are left alone', () => {
    expect(deckCommandFor(key('j'), false)).toBe('next');
    expect(deckCommandFor(key('k'), false)).toBe('previous');
    expect(deckCommandFor(key('h'), false)).toBe('columnLeft');
    expect(deckCommandFor(key('ArrowRight'), false)).toBe('columnRight');
    expect(deckCommandFor(key('o'), true)).toBe('open');
    expect(deckCommandFor(key('m'), true)).toBe('toggleRead');
    expect(deckCommandFor(key('r'), false)).toBe('refresh');
    expect(deckCommandFor(key('j', { ctrlKey: true }), false)).toBeNull();
    expect(deckCommandFor(key('x'), false)).toBeNull();
  });

  test('Enter opens the thread and Shift+Enter expands, only on an item (on a button it stays the button’s)', () => {
    expect(deckCommandFor(key('Enter'), true)).toBe('thread');
    expect(deckCommandFor({ ...key('Enter'), shiftKey: true }, true)).toBe('expand');
    expect(deckCommandFor(key('Enter'), false)).toBeNull();
  });

  test('typing targets are recognised', () => {
    const element = (match: boolean, editable = false) => ({ isContentEditable: editable, closest: () => (match ? {} : null) });
    expect(isTypingTarget(element(true) as unknown as EventTarget)).toBe(true);
    expect(isTypingTarget(element(false, true) as unknown as EventTarget)).toBe(true);
    expect(isTypingTarget(element(false) as unknown as EventTarget)).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });
});

describe('feed addresses', () => {
  test('a bare host name means https; only http(s) is accepted', () => {
    expect(normalizeFeedAddress(' example.com/blog ')).toBe('https://example.com/blog');
    expect(normalizeFeedAddress('localhost:8080/feed.xml')).toBe('https://localhost:8080/feed.xml');
    expect(normalizeFeedAddress('http://127.0.0.1:4000/')).toBe('http://127.0.0.1:4000/');
    expect(normalizeFeedAddress('ftp://example.com/feed')).toBeNull();
    expect(normalizeFeedAddress('javascript:alert(1)')).toBeNull();
    expect(normalizeFeedAddress('   ')).toBeNull();
  });
});

describe('times in the UI language', () => {
  const now = Date.parse('2025-03-10T12:00:00Z');

  test('recent items relative, older ones by date, future polls in seconds', () => {
    expect(formatItemTime(new Date(now - 5 * 60_000).toISOString(), now, 'en')).toBe('5 min. ago');
    expect(formatItemTime(new Date(now - 5 * 60_000).toISOString(), now, 'de')).toBe('vor 5 Min.');
    expect(formatItemTime(new Date(now - 3 * 3_600_000).toISOString(), now, 'en')).toBe('3 hr. ago');
    expect(formatItemTime(new Date(now - 10_000).toISOString(), now, 'en')).toBe('now');
    expect(formatItemTime(new Date(now + 60_000).toISOString(), now, 'en')).toBe('now');
    expect(formatItemTime('2025-01-02T08:00:00Z', now, 'en')).toBe('Jan 2');
    expect(formatItemTime('2023-01-02T08:00:00Z', now, 'de')).toBe('2. Jan. 2023');
    expect(formatItemTime('not a date', now, 'en')).toBe('');
    expect(formatDistance(40_000, 'en')).toBe('in 40 sec.');
    expect(formatDistance(40_000, 'de')).toBe('in 40 Sek.');
  });
});

describe('the column status line', () => {
  const now = Date.parse('2025-03-10T12:00:00Z');
  // A t() that shows the key and its values, enough to see which sentence was chosen.
  const t = ((key: string, values?: Record<string, unknown>) =>
    values ? `${key} ${JSON.stringify(values)}` : key) as unknown as TFunction;
  const status = (patch: Partial<PollStatus>): PollStatus => ({ ...IDLE_STATUS, ...patch });

  test('updated a while ago, next poll soon', () => {
    const line = statusLine(
      status({ lastSuccessAt: new Date(now - 120_000).toISOString(), nextPollAt: new Date(now + 40_000).toISOString() }),
      now,
      'en',
      t,
    );
    expect(line.text).toBe('status.updatedNext {"ago":"2 min. ago","next":"in 40 sec."}');
    expect(line.tone).toBe('quiet');
  });

  test('never polled, polling, rate limited, reconnect needed, failed with its error in words', () => {
    expect(statusLine(status({}), now, 'en', t).text).toBe('status.never');
    expect(statusLine(status({ state: 'polling' }), now, 'en', t).text).toBe('status.polling');
    const limited = statusLine(status({ state: 'rate_limited', rateLimitedUntil: new Date(2025, 2, 10, 14, 5).toISOString() }), new Date(2025, 2, 10, 13, 0).getTime(), 'de', t);
    expect(limited.text).toBe('status.rateLimitedUntil {"time":"14:05"}');
    expect(limited.tone).toBe('warning');
    expect(statusLine(status({ state: 'reconnect_needed' }), now, 'en', t).tone).toBe('error');
    const failed = statusLine(status({ state: 'failed', lastError: { kind: 'not_found', message: 'HTTP 404 for https://x' } }), now, 'en', t);
    expect(failed.text).toBe('status.errors.not_found');
    expect(failed.detail).toBe('HTTP 404 for https://x');
    const odd = statusLine(status({ state: 'backoff', lastError: { kind: 'martian', message: '?' } }), now, 'en', t);
    expect(odd.text).toBe('status.errors.unknown');
  });
});

describe('search filters', () => {
  test('only what is set goes to the core; days are local days', () => {
    expect(toSearchFilters(EMPTY_FILTERS)).toEqual({ ok: true, filters: {} });
    const result = toSearchFilters({
      ...EMPTY_FILTERS,
      networks: ['feed', 'feed'],
      streamId: 'b1b2c3d4-0000-4000-8000-000000000000',
      author: '  Jana ',
      from: '2025-03-01',
      to: '2025-03-02',
      language: 'de',
      hasLink: true,
    });
    expect(result).toEqual({
      ok: true,
      filters: {
        networks: ['feed'],
        streamIds: ['b1b2c3d4-0000-4000-8000-000000000000'],
        author: 'Jana',
        from: new Date(2025, 2, 1).toISOString(),
        to: new Date(2025, 2, 2, 23, 59, 59, 999).toISOString(),
        language: 'de',
        hasLink: true,
      },
    });
    expect(toSearchFilters({ ...EMPTY_FILTERS, from: '2025-03-03', to: '2025-03-02' })).toEqual({ ok: false, problem: 'range' });
    expect(dayBoundary('03/02/2025', 'start')).toBeNull();
  });
});

describe('remote HTML before it is parsed', () => {
  test('event handler and style attributes are renamed and style elements dropped, text is left alone', () => {
    const html =
      `<p title="a>b" style='x:y' onclick=alert(1)>x</p><img/onerror="x"src=y><a href="q"onmouseover="z" style>t</a>` +
      `<style>p{color:red}</style><svg><style>a{}</style></svg> turn on = off, <code>&lt;b onclick="x"&gt;</code>`;
    expect(defuseForParsing(html)).toBe(
      `<p title="a>b" data-defused-style='x:y' data-defused-onclick=alert(1)>x</p><img/data-defused-onerror="x"src=y>` +
        `<a href="q"data-defused-onmouseover="z" data-defused-style>t</a><svg></svg> turn on = off, <code>&lt;b onclick="x"&gt;</code>`,
    );
  });
});
