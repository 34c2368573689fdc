import { describe, expect, it } from 'vitest';
import type { OutboxEntry } from '../../src/shared/contract/composer';
import { call, Clock, Networks, row, schedulePost, seedBrand, settle, startCore, tempDir, untilState } from './support';

const MINUTE = 60_000;
const ZURICH = 'Europe/Zurich';
// Due at 10:00 in Zurich on Tuesday 2026-06-02.
const DUE = Date.parse('2026-06-02T08:00:00Z');

async function planned(options: { lateLimitMinutes?: number } = {}) {
  const dataDir = tempDir();
  const networks = new Networks();
  const first = startCore({ dataDir, clock: new Clock(DUE - 24 * 60 * MINUTE), networks });
  const brand = seedBrand(first.core);
  if (options.lateLimitMinutes !== undefined) await call(first.core, 'schedule.setSettings', { workspaceId: brand.workspaceId, settings: { lateLimitMinutes: options.lateLimitMinutes } });
  const entry = (await schedulePost(first.core, brand.workspaceId, [brand.accounts.bluesky], { local: '2026-06-02T10:00', timeZone: ZURICH })).entries[0]!;
  first.close();
  return { dataDir, networks, brand, entry };
}

describe('lateness', () => {
  it('publishes a post missed while the app was closed when it is within the limit, once', async () => {
    const { dataDir, networks, entry } = await planned();
    const started = startCore({ dataDir, clock: new Clock(DUE + 90 * MINUTE), networks });
    await untilState(started.core, entry.id, 'published');
    expect(networks.bluesky.created).toBe(1);
  });

  it('keeps a post later than the limit for the user, says how late, and publishes it on retry', async () => {
    const { dataDir, networks, brand, entry } = await planned();
    const clock = new Clock(DUE + 150 * MINUTE);
    const started = startCore({ dataDir, clock, networks });
    const failed = await untilState(started.core, entry.id, 'failed');
    const error = JSON.parse(String(failed.error)) as { code: string; message: string };
    expect(error.code).toBe('too_late');
    expect(error.message).toContain('2 h 30 min late');
    expect(error.message).toContain('2026-06-02 10:00 (Europe/Zurich)');
    expect(error.message).toContain('120 minutes');
    expect(started.connectors.bluesky.calls).toEqual([]);

    const retried = await call<OutboxEntry>(started.core, 'outbox.retry', { workspaceId: brand.workspaceId, id: entry.id });
    expect(retried.state).toBe('scheduled');
    await untilState(started.core, entry.id, 'published');
    expect(networks.bluesky.created).toBe(1);
    // Planned for when it actually went out.
    expect(row(started.core, entry.id).due_local).toBe('2026-06-02T12:30');
  });

  it('honours the workspace limit, with a minute of grace for timers', async () => {
    const strict = await planned({ lateLimitMinutes: 0 });
    const onTime = startCore({ dataDir: strict.dataDir, clock: new Clock(DUE + 30_000), networks: strict.networks });
    await untilState(onTime.core, strict.entry.id, 'published');

    const tight = await planned({ lateLimitMinutes: 10 });
    const late = startCore({ dataDir: tight.dataDir, clock: new Clock(DUE + 12 * MINUTE), networks: tight.networks });
    await untilState(late.core, tight.entry.id, 'failed');
    expect(tight.networks.bluesky.created).toBe(0);
  });

  it('offline at the due time: goes out once when the network is back', async () => {
    const { dataDir, networks, entry } = await planned();
    const clock = new Clock(DUE + MINUTE);
    const started = startCore({ dataDir, clock, networks, online: false });
    await settle(80);
    expect(row(started.core, entry.id).state).toBe('scheduled');
    expect(started.connectors.bluesky.calls).toEqual([]);
    clock.ms = DUE + 45 * MINUTE;
    started.connectivity.set(true);
    await untilState(started.core, entry.id, 'published');
    started.connectivity.set(false);
    started.connectivity.set(true);
    await settle(50);
    expect(networks.bluesky.created).toBe(1);
    expect(started.connectors.bluesky.calls.filter((c) => c.kind === 'publish')).toHaveLength(1);
  });

  it('offline past the limit: waits for the user instead', async () => {
    const { dataDir, networks, entry } = await planned();
    const clock = new Clock(DUE + MINUTE);
    const started = startCore({ dataDir, clock, networks, online: false });
    await settle(50);
    clock.ms = DUE + 3 * 60 * MINUTE;
    started.connectivity.set(true);
    const failed = await untilState(started.core, entry.id, 'failed');
    expect(JSON.parse(String(failed.error))).toMatchObject({ code: 'too_late' });
    expect(networks.bluesky.created).toBe(0);
  });
});
