import { describe, expect, it } from 'vitest';
import type { CountsRequest, PostCounts } from '../../src/main/core/connectors/connector';
import { createEngagementRefresher } from '../../src/main/core/planner/engagement';
import { bestTimesSchema, type BestTimes } from '../../src/shared/contract/planner';
import { computeBestTimes, defaultScore, type EngagedPost } from '../../src/shared/planner/bestTimes';
import { resolveWallTime } from '../../src/shared/planner/wallTime';
import { call, Clock, Networks, plan, schedulePost, seedBrand, startCore, tempDir, untilState } from './support';

const ZURICH = 'Europe/Zurich';

/** A deterministic pseudo-random sequence, so the synthetic history is the same on every run. */
function random(seed: number) {
  let x = seed;
  return () => {
    x = (x * 1103515245 + 12345) >>> 0;
    return x / 2 ** 32;
  };
}

/** Ten weeks of posts at many hours; engagement is low everywhere but around `peak` (weekday, hour in Zurich). */
function history(peak: { weekday: number; hour: number }): EngagedPost[] {
  const rand = random(42);
  const posts: EngagedPost[] = [];
  for (let week = 0; week < 10; week++) {
    for (let weekday = 1; weekday <= 7; weekday++) {
      for (const hour of [7, 9, 11, 13, 15, 17, 19, 21]) {
        const date = new Date(Date.UTC(2026, 3, 6 + week * 7 + weekday - 1)).toISOString().slice(0, 10); // 2026-04-06 is a Monday
        const local = `${date}T${String(hour).padStart(2, '0')}:${String(Math.floor(rand() * 60)).padStart(2, '0')}`;
        const hot = weekday === peak.weekday && hour === peak.hour;
        const base = Math.floor(rand() * 6);
        posts.push({ at: resolveWallTime(local, ZURICH).ms, likes: hot ? 40 + base : base, reposts: hot ? 8 : Math.floor(rand() * 2), replies: hot ? 5 : 0 });
      }
    }
  }
  return posts;
}

describe('best times', () => {
  it.each([
    { weekday: 3, hour: 11 },
    { weekday: 6, hour: 19 },
    { weekday: 1, hour: 7 },
  ])('puts the peak where the data has it: weekday $weekday, $hour:00', (peak) => {
    const best = computeBestTimes(history(peak), ZURICH);
    bestTimesSchema.parse(best);
    expect(best.fallback).toBe(false);
    expect(best.basedOnPosts).toBe(10 * 7 * 8);
    expect(best.suggestions[0]).toEqual(peak);
    expect(best.suggestions).toHaveLength(3);
    const top = best.cells.find((c) => c.weekday === peak.weekday && c.hour === peak.hour)!;
    expect(top.score).toBe(1);
    expect(top.posts).toBe(10);
    // Smoothed: the neighbouring hours (no posts of their own) carry some of it, far hours none.
    const next = best.cells.find((c) => c.weekday === peak.weekday && c.hour === peak.hour + 1)!;
    expect(next.posts).toBe(0);
    expect(next.score).toBeGreaterThan(0.2);
    expect(next.score).toBeLessThan(top.score);
    expect(best.cells.every((c) => c.score >= 0 && c.score <= 1)).toBe(true);
    // Hours far from any post have nothing.
    expect(best.cells.find((c) => c.weekday === peak.weekday && c.hour === 3)!.score).toBe(0);
  });

  it('reads hours in the plan’s zone', () => {
    const best = computeBestTimes(history({ weekday: 2, hour: 9 }), 'America/New_York');
    // 09:00 in Zurich is 03:00 in New York (six hours behind in April–June).
    expect(best.suggestions[0]).toEqual({ weekday: 2, hour: 3 });
  });

  it('falls back to weekday mornings and noon with fewer than 10 posts, and says how much data there is', () => {
    const few = history({ weekday: 6, hour: 21 }).slice(0, 9);
    const best = computeBestTimes(few, ZURICH);
    expect(best.fallback).toBe(true);
    expect(best.basedOnPosts).toBe(9);
    expect(best.cells.reduce((n, c) => n + c.posts, 0)).toBe(9);
    for (const s of best.suggestions) {
      expect(s.weekday).toBeLessThanOrEqual(5);
      expect([8, 9, 10, 12]).toContain(s.hour);
    }
    expect(defaultScore(2, 9)).toBeGreaterThan(defaultScore(6, 9));
    expect(defaultScore(3, 3)).toBeLessThan(0.1);
    // Posts without any counts do not count.
    expect(computeBestTimes(history({ weekday: 1, hour: 9 }).map((p) => ({ ...p, likes: null, reposts: null, replies: null })), ZURICH).basedOnPosts).toBe(0);
  });
});

describe('engagement fetched back from the network', () => {
  it('refreshes counts of published posts (newest first, not twice within 30 minutes) and planner.bestTimes uses them', async () => {
    const dataDir = tempDir();
    const networks = new Networks();
    const clock = new Clock(Date.parse('2026-06-01T06:00:00Z'));
    const started = startCore({ dataDir, clock, networks });
    const brand = seedBrand(started.core);
    const { core } = started;
    await call(core, 'plans.set', { workspaceId: brand.workspaceId, accountId: brand.accounts.bluesky, plan: plan() });

    // Twelve posts, published each day at 09:00 and 15:00 as they fell due.
    const ids: string[] = [];
    for (let day = 1; day <= 6; day++) {
      for (const hour of ['09', '15']) {
        const local = `2026-06-0${day + 1}T${hour}:00`;
        const entry = (await schedulePost(core, brand.workspaceId, [brand.accounts.bluesky], { local, timeZone: ZURICH })).entries[0]!;
        clock.ms = resolveWallTime(local, ZURICH).ms + 1000;
        await call(core, 'schedule.setSettings', { workspaceId: brand.workspaceId, settings: { lateLimitMinutes: 120 } }); // wakes the publisher
        await untilState(core, entry.id, 'published');
        ids.push(entry.id);
      }
    }

    // The network answers: posts at 15:00 get far more engagement.
    const asked: CountsRequest[] = [];
    const afternoon = new Map(ids.map((id, i) => [core.store.db.prepare('SELECT remote_id FROM outbox WHERE id = ?').pluck().get(id) as string, i % 2 === 1]));
    const fetchCounts = async (request: CountsRequest) => {
      asked.push(request);
      const counts = new Map<string, PostCounts>();
      for (const remoteId of request.remoteIds) {
        const hot = afternoon.get(remoteId)!;
        counts.set(remoteId, { likes: hot ? 30 : 2, reposts: hot ? 5 : 0, replies: 1 });
      }
      return counts;
    };

    // Not enough yet for the planner? It has 12 posts, but no counts: the default curve.
    const before = await call<BestTimes>(core, 'planner.bestTimes', { workspaceId: brand.workspaceId, accountId: brand.accounts.bluesky });
    expect(before).toMatchObject({ fallback: true, basedOnPosts: 0 });

    clock.ms += 60 * 60_000;
    // Reach the refresher as the core wires it: a fresh start refreshes at once.
    started.close();
    const again = startCore({ dataDir, clock, networks, prepare: (connectors) => Object.assign(connectors.bluesky, { fetchCounts }) });
    // The refresh at start runs in the background; wait for it.
    for (let i = 0; i < 100 && asked.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    for (let i = 0; i < 100; i++) {
      const stamped = again.core.store.db.prepare('SELECT COUNT(*) FROM outbox WHERE engagement_at IS NOT NULL').pluck().get();
      if (stamped === 12) break;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(asked).toHaveLength(1);
    expect(asked[0]!.accountId).toBe(brand.accounts.bluesky);
    expect(asked[0]!.remoteIds).toHaveLength(12);
    // Newest first.
    const publishedAt = asked[0]!.remoteIds.map((remoteId) => again.core.store.db.prepare('SELECT published_at FROM outbox WHERE remote_id = ?').pluck().get(remoteId) as string);
    expect([...publishedAt].sort().reverse()).toEqual(publishedAt);
    const counts = again.core.store.db.prepare('SELECT i.likes, i.reposts, i.replies FROM outbox o JOIN items i ON i.id = o.item_id WHERE o.id = ?').get(ids[1]!);
    expect(counts).toEqual({ likes: 30, reposts: 5, replies: 1 });

    const best = await call<BestTimes>(again.core, 'planner.bestTimes', { workspaceId: brand.workspaceId, accountId: brand.accounts.bluesky });
    expect(best.fallback).toBe(false);
    expect(best.basedOnPosts).toBe(12);
    expect(best.suggestions[0]!.hour).toBe(15);

    // Counts younger than 30 minutes are not fetched again; older ones are, at most `batch` a run, newest first.
    const refresher = createEngagementRefresher({ db: again.core.store.db, now: clock.now, connectors: again.connectors, log: () => {}, batch: 5 });
    expect(await refresher.refresh()).toBe(0);
    expect(asked).toHaveLength(1);
    clock.ms += 31 * 60_000;
    expect(await refresher.refresh()).toBe(5);
    expect(asked[1]!.remoteIds).toEqual(asked[0]!.remoteIds.slice(0, 5));
    refresher.close();

    // The calendar shows the counts of a published post.
    const listed = await call<{ entries: Array<{ id: string; counts: unknown }> }>(again.core, 'schedule.list', {
      workspaceId: brand.workspaceId,
      from: '2026-06-02T00:00:00Z',
      to: '2026-06-03T00:00:00Z',
    });
    expect(listed.entries.find((e) => e.id === ids[1])!.counts).toEqual({ likes: 30, reposts: 5, replies: 1 });
  });
});
