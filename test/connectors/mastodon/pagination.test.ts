import { describe, expect, it } from 'vitest';
import type { PollResult } from '../../../src/main/core/connectors/connector';
import { useFakeMastodon } from '../../fakes/mastodon';
import { connectorFor, stream } from './helpers';

describe('Mastodon pagination by min_id and max_id', () => {
  const fake = useFakeMastodon();
  const home = stream('home');

  /** Posts `n` statuses to home, with posts outside home in between so ids have gaps. */
  function arrive(n: number): string[] {
    const s = fake().state;
    const friend = s.addAccount({ username: `friend${s.accounts.size}` });
    const stranger = s.addAccount({ username: `stranger${s.accounts.size}` });
    s.follow(friend);
    const uris: string[] = [];
    for (let i = 0; i < n; i++) {
      const post = s.post(friend, { content: `<p>update ${i}</p>` });
      uris.push(`${fake().url}/users/${friend.username}/statuses/${post.id}`);
      if (i % 3 === 0) s.post(stranger);
    }
    return uris;
  }

  const remoteIds = (r: PollResult) => r.items.map((i) => i.remoteId);
  const minIds = () => fake().log.map((e) => new URL(e.url, 'http://x').searchParams.get('min_id'));

  it('95 statuses between two polls with maxItems 40: 40 + 40 (more) + 15 (caught up), none lost or duplicated', async () => {
    arrive(30);
    const { poll } = connectorFor(fake());
    const first = await poll(home, null, 40);
    expect(first.items).toHaveLength(30); // one recent page, no deep history
    expect(first.more).toBe(false);

    const arrived = arrive(95);
    const second = await poll(home, first.cursor, 40);
    const third = await poll(home, second.cursor, 40);
    const fourth = await poll(home, third.cursor, 40);
    const fifth = await poll(home, fourth.cursor, 40);

    expect([second.more, third.more, fourth.more, fifth.more]).toEqual([true, true, false, false]);
    expect([second, third, fourth, fifth].map((r) => r.items.length)).toEqual([40, 40, 15, 0]);
    // Oldest first across polls: each poll continues exactly where the previous one stopped.
    expect(remoteIds(second).reverse()).toEqual(arrived.slice(0, 40));
    expect(remoteIds(third).reverse()).toEqual(arrived.slice(40, 80));
    expect(remoteIds(fourth).reverse()).toEqual(arrived.slice(80));
    const all = [second, third, fourth].flatMap(remoteIds);
    expect(new Set(all).size).toBe(95);
    expect(new Set(all)).toEqual(new Set(arrived));
    expect(fifth.cursor).toEqual(fourth.cursor);
    // Every later poll walked forward with min_id from the stored cursor.
    expect(minIds()).toEqual([null, first.cursor!.minId, second.cursor!.minId, third.cursor!.minId, fourth.cursor!.minId]);
  });

  it('walks several pages in one poll when maxItems allows, and shrinks the last page to the budget', async () => {
    const { poll } = connectorFor(fake());
    arrive(5);
    const first = await poll(home, null, 100);
    const arrived = arrive(95);
    fake().log.length = 0;

    const all = await poll(home, first.cursor, 100);
    expect(all.more).toBe(false);
    expect(new Set(remoteIds(all))).toEqual(new Set(arrived));
    expect(fake().log.map((e) => new URL(e.url, 'http://x').searchParams.get('limit'))).toEqual(['40', '40', '20']); // 80 gathered, 20 left in the budget, 15 come: caught up

    const more = arrive(60);
    fake().log.length = 0;
    const partial = await poll(home, all.cursor, 50);
    expect(partial.more).toBe(true);
    expect(fake().log.map((e) => new URL(e.url, 'http://x').searchParams.get('limit'))).toEqual(['40', '10']);
    const rest = await poll(home, partial.cursor, 50);
    expect(rest.more).toBe(false);
    expect([...remoteIds(partial), ...remoteIds(rest)].sort()).toEqual([...more].sort());
  });

  it('since_id would lose the middle of a backlog; min_id does not (why the connector uses min_id)', async () => {
    const token = fake().issueToken();
    arrive(1);
    const [cursor] = fake().state.home().map((s) => s.id);
    arrive(95);
    const get = async (query: string) =>
      (await (await fetch(`${fake().url}/api/v1/timelines/home?${query}`, { headers: { authorization: `Bearer ${token}` } })).json()) as { id: string }[];
    const sinceIds = (await get(`since_id=${cursor}&limit=40`)).map((s) => s.id);
    const minIdsPage = (await get(`min_id=${cursor}&limit=40`)).map((s) => s.id);
    const homeIds = fake().state.home().map((s) => s.id).slice(1); // the 95 new ones, oldest first
    expect(sinceIds).toEqual(homeIds.slice(-40).reverse()); // newest 40: 55 in between are skipped
    expect(minIdsPage).toEqual(homeIds.slice(0, 40).reverse()); // immediately newer than the cursor, newest first
  });

  it('max_id walks back through the whole timeline by the Link header, each status once', async () => {
    const token = fake().issueToken();
    arrive(95);
    const seen: string[] = [];
    let next: string | null = `${fake().url}/api/v1/timelines/home?limit=40`;
    let pages = 0;
    while (next) {
      const res: Response = await fetch(next, { headers: { authorization: `Bearer ${token}` } });
      const page = (await res.json()) as { id: string }[];
      seen.push(...page.map((s) => s.id));
      next = /<([^>]+)>; rel="next"/.exec(res.headers.get('link') ?? '')?.[1] ?? null;
      if (page.length === 0) break;
      pages++;
      expect(new URL(next!).searchParams.get('max_id')).toBe(page[page.length - 1]!.id);
    }
    expect(pages).toBe(3);
    expect(seen).toEqual(fake().state.home().map((s) => s.id).reverse());
  });
});
