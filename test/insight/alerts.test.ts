import { describe, expect, it } from 'vitest';
import { createAnalyzer } from '../../src/main/core/insight/analysis';
import { createAlerts } from '../../src/main/core/insight/alerts';
import { WorkspaceRepository } from '../../src/main/core/workspaces/workspaceRepository';
import type { Core } from '../../src/main/core/createCore';
import type { PolledItem } from '../../src/main/core/connectors/connector';
import type { Alert } from '../../src/shared/contract/insight';
import type { StoredItem } from '../../src/shared/contract/items';
import { call } from '../support/core';
import { anItem } from '../support/items';
import { Clock, column, deliver, startCore, type Started } from '../inbox/support';

const HOUR = 3_600_000;
// 09:40 UTC: items "minutes ago" up to 40 land in the current (incomplete) hour.
const START = Date.parse('2026-11-02T09:40:00Z');
const NEGATIVE = [
  'Schon wieder eine falsche Rechnung, das ist eine Frechheit',
  'This is the worst service ever, I am so angry 😡',
  'Terrible experience, never again. Awful support.',
  'Kundenservice antwortet seit drei Tagen nicht. Enttäuschend.',
];
const POSITIVE = ['Danke, super Beratung heute in der Filiale! 😊', 'Great service, thank you so much! Love it'];

let serial = 0;
function post(clock: Clock, minutesAgo: number, text: string): PolledItem {
  serial++;
  return anItem({ remoteId: `post-${serial}`, text, createdAt: new Date(clock.ms - minutesAgo * 60_000).toISOString() });
}

/** `hours` hours of a steady background (per hour: `negative` negative and two positive posts), ending an hour before now. */
function background(clock: Clock, hours: number, negative = 2): PolledItem[] {
  const out: PolledItem[] = [];
  for (let h = 1; h <= hours; h++) {
    for (let i = 0; i < negative; i++) out.push(post(clock, h * 60 + 10 * i, NEGATIVE[(h + i) % NEGATIVE.length]!));
    out.push(post(clock, h * 60 + 25, POSITIVE[h % 2]!), post(clock, h * 60 + 35, POSITIVE[(h + 1) % 2]!));
  }
  return out;
}

function burst(clock: Clock, count: number, withinMinutes = 35): PolledItem[] {
  return Array.from({ length: count }, (_, i) => post(clock, 1 + ((i * withinMinutes) / count), NEGATIVE[i % NEGATIVE.length]!));
}

/** Collects alert events of a workspace. */
function recordAlerts(core: Core, workspaceId: string) {
  const raised: Alert[] = [];
  const changed: Alert[] = [];
  core.events.subscribe((event, payload) => {
    const { workspaceId: id, alert } = payload as { workspaceId: string; alert: Alert };
    if (id !== workspaceId) return;
    if (event === 'alerts.raised') raised.push(alert);
    if (event === 'alerts.changed') changed.push(alert);
  });
  return { raised, changed };
}

/** A checker of its own over the core's store: the 5-minute timer does not run in a test. */
function checker(started: Started) {
  const { core, clock } = started;
  return createAlerts({ db: core.store.db, now: clock.now, events: core.events, workspaces: new WorkspaceRepository(core.store.db, clock.now), log: () => {} });
}

/** The reference: negative items of the workspace's streams created in [from, to), newest first, straight from the raw tables. */
function negativeItemIds(core: Core, workspaceId: string, fromMs: number, toMs: number): number[] {
  return (
    core.store.db
      .prepare(
        `SELECT DISTINCT i.id FROM items i
         JOIN item_analysis ia ON ia.item_id = i.id
         JOIN stream_items si ON si.item_id = i.id JOIN streams s ON s.id = si.stream_id
         WHERE s.workspace_id = ? AND ia.sentiment = 'negative' AND i.created_ms >= ? AND i.created_ms < ?
         ORDER BY i.created_ms DESC, i.id DESC`,
      )
      .all(workspaceId, fromMs, toMs) as Array<{ id: number }>
  ).map((row) => row.id);
}

async function setUp(name = 'Migros') {
  const started = startCore({ clock: new Clock(START) });
  const { core } = started;
  const { id: workspaceId } = await call<{ id: string }>(core, 'workspaces.create', { name });
  const streamId = await column(started, workspaceId, { needsAnswer: false, url: `https://example.org/${name}.xml` });
  return { started, core, clock: started.clock, workspaceId, streamId };
}

describe('spike alerts in a workspace', () => {
  it('the texts the tests call negative are negative to the real analyzer', () => {
    const analyzer = createAnalyzer();
    for (const text of NEGATIVE) expect(analyzer.analyze(text, 'de').sentiment).toBe('negative');
    for (const text of POSITIVE) expect(analyzer.analyze(text, 'de').sentiment).not.toBe('negative');
  });

  it('a burst of negative mentions after a steady week raises one alert with the items behind it', async () => {
    const { started, core, clock, workspaceId, streamId } = await setUp();
    const events = recordAlerts(core, workspaceId);
    await deliver(started, streamId, background(clock, 8 * 24));
    await core.analysis.drain();
    expect(events.raised).toEqual([]);
    expect((await call<{ alerts: Alert[] }>(core, 'alerts.list', { workspaceId })).alerts).toEqual([]);

    await deliver(started, streamId, burst(clock, 20));
    await core.analysis.drain(); // the pipeline's hook runs the check after the batch
    expect(events.raised).toHaveLength(1);
    const alert = events.raised[0]!;
    const hourStart = Math.floor(clock.ms / HOUR) * HOUR;
    const behind = negativeItemIds(core, workspaceId, hourStart, hourStart + HOUR);
    expect(alert).toMatchObject({
      workspaceId,
      kind: 'negative_spike',
      state: 'active',
      startedAt: new Date(hourStart).toISOString(),
      lastHourAt: new Date(hourStart).toISOString(),
      peakCount: behind.length,
      acknowledgedAt: null,
    });
    expect(alert.peakCount).toBeGreaterThanOrEqual(20);
    expect(alert.baselineMean).toBeGreaterThan(0.5);
    expect(alert.baselineMean).toBeLessThan(4);
    expect(alert.threshold).toBeLessThan(alert.peakCount);

    const { items } = await call<{ items: StoredItem[] }>(core, 'alerts.items', { workspaceId, alertId: alert.id });
    expect(items.map((item) => item.id)).toEqual(behind);
    expect((await call<{ items: StoredItem[] }>(core, 'alerts.items', { workspaceId, alertId: alert.id, limit: 5 })).items.map((i) => i.id)).toEqual(
      behind.slice(0, 5),
    );
    expect((await call<{ alerts: Alert[] }>(core, 'alerts.list', { workspaceId })).alerts).toEqual([alert]);

    // Checking again while it lasts raises nothing new.
    const alerts = checker(started);
    expect(alerts.checkWorkspace(workspaceId)).toEqual([]);
    expect(events.raised).toHaveLength(1);
  });

  it('a spike that goes on grows its alert, and ends after the first complete hour below', async () => {
    const { started, core, clock, workspaceId, streamId } = await setUp();
    const alerts = checker(started);
    const events = recordAlerts(core, workspaceId);
    await deliver(started, streamId, [...background(clock, 8 * 24), ...burst(clock, 20)]);
    await core.analysis.drain();
    expect(events.raised).toHaveLength(1);
    const id = events.raised[0]!.id;

    clock.advance(HOUR);
    await deliver(started, streamId, burst(clock, 30));
    await core.analysis.drain();
    expect(events.raised).toHaveLength(1);
    const grown = events.changed.at(-1)!;
    expect(grown).toMatchObject({ id, state: 'active', lastHourAt: new Date(Math.floor(clock.ms / HOUR) * HOUR).toISOString() });
    expect(grown.peakCount).toBeGreaterThanOrEqual(30);

    // The next hour is quiet but not over: the alert stays active until that hour is complete.
    clock.advance(HOUR);
    expect(alerts.checkWorkspace(workspaceId)).toEqual([]);
    clock.advance(HOUR);
    const [ended] = alerts.checkWorkspace(workspaceId);
    expect(ended).toMatchObject({ raised: false, alert: { id, state: 'ended', lastHourAt: grown.lastHourAt } });
    expect(events.changed.at(-1)).toEqual(ended!.alert);

    // A new burst a day later is a new alert.
    clock.advance(22 * HOUR);
    await deliver(started, streamId, [...background(clock, 23), ...burst(clock, 25)]);
    await core.analysis.drain();
    expect(events.raised).toHaveLength(2);
    expect(events.raised[1]!.id).not.toBe(id);
    const listed = (await call<{ alerts: Alert[] }>(core, 'alerts.list', { workspaceId })).alerts;
    expect(listed.map((alert) => [alert.id, alert.state])).toEqual([
      [events.raised[1]!.id, 'active'],
      [id, 'ended'],
    ]);
  });

  it('acknowledging is remembered once and announced', async () => {
    const { started, core, clock, workspaceId, streamId } = await setUp();
    const events = recordAlerts(core, workspaceId);
    await deliver(started, streamId, [...background(clock, 8 * 24), ...burst(clock, 20)]);
    await core.analysis.drain();
    const alertId = events.raised[0]!.id;
    clock.advance(60_000);
    const acknowledged = await call<Alert>(core, 'alerts.acknowledge', { workspaceId, alertId });
    expect(acknowledged).toMatchObject({ id: alertId, state: 'active', acknowledgedAt: new Date(clock.ms).toISOString() });
    expect(events.changed.at(-1)).toEqual(acknowledged);
    clock.advance(60_000);
    expect(await call<Alert>(core, 'alerts.acknowledge', { workspaceId, alertId })).toEqual(acknowledged);
    expect(events.changed).toHaveLength(1);
  });

  it('no alert right after set-up: a burst with less than a day of history is not judged', async () => {
    const { started, core, clock, workspaceId, streamId } = await setUp();
    const events = recordAlerts(core, workspaceId);
    await deliver(started, streamId, [...background(clock, 12), ...burst(clock, 40)]);
    await core.analysis.drain();
    expect(checker(started).checkWorkspace(workspaceId)).toEqual([]);
    expect(events.raised).toEqual([]);
  });

  it('settings: defaults, saved, applied at once; switching off ends the active alert; bad values refused', async () => {
    const { started, core, clock, workspaceId, streamId } = await setUp();
    const events = recordAlerts(core, workspaceId);
    expect(await call(core, 'alerts.getSettings', { workspaceId })).toEqual({ enabled: true, k: 3, minCount: 5 });
    // A minimum count above the burst keeps it quiet ...
    expect(await call(core, 'alerts.setSettings', { workspaceId, settings: { enabled: true, k: 3, minCount: 500 } })).toEqual({
      enabled: true,
      k: 3,
      minCount: 500,
    });
    await deliver(started, streamId, [...background(clock, 8 * 24), ...burst(clock, 20)]);
    await core.analysis.drain();
    expect(events.raised).toEqual([]);
    // ... lowering it judges the last day again at once.
    await call(core, 'alerts.setSettings', { workspaceId, settings: { enabled: true, k: 2.5, minCount: 5 } });
    expect(events.raised).toHaveLength(1);
    expect(await call(core, 'alerts.getSettings', { workspaceId })).toEqual({ enabled: true, k: 2.5, minCount: 5 });

    await call(core, 'alerts.setSettings', { workspaceId, settings: { enabled: false, k: 2.5, minCount: 5 } });
    expect(events.changed.at(-1)).toMatchObject({ id: events.raised[0]!.id, state: 'ended' });
    await expect(call(core, 'alerts.setSettings', { workspaceId, settings: { enabled: true, k: 0, minCount: 5 } })).rejects.toMatchObject({
      code: 'invalid_params',
    });
    await expect(call(core, 'alerts.setSettings', { workspaceId, settings: { enabled: true, k: 3, minCount: 0 } })).rejects.toMatchObject({
      code: 'invalid_params',
    });
    expect(await call(core, 'alerts.getSettings', { workspaceId })).toEqual({ enabled: false, k: 2.5, minCount: 5 });
  });

  it('keeps workspaces apart: counts, items and ids', async () => {
    const first = await setUp('Migros');
    const { core, clock } = first;
    const { id: other } = await call<{ id: string }>(core, 'workspaces.create', { name: 'Coop' });
    const otherStream = await column(first.started, other, { needsAnswer: false, url: 'https://example.org/coop.xml' });
    const events = recordAlerts(core, other);
    // Only the first workspace gets the burst; the same steady week goes to both.
    const week = background(clock, 8 * 24);
    await deliver(first.started, first.streamId, [...week, ...burst(clock, 20)]);
    await deliver(first.started, otherStream, week);
    await core.analysis.drain();
    expect(events.raised).toEqual([]);
    const [alert] = (await call<{ alerts: Alert[] }>(core, 'alerts.list', { workspaceId: first.workspaceId })).alerts;
    expect(alert).toBeDefined();
    await expect(call(core, 'alerts.items', { workspaceId: other, alertId: alert!.id })).rejects.toMatchObject({ code: 'not_found' });
    await expect(call(core, 'alerts.acknowledge', { workspaceId: other, alertId: alert!.id })).rejects.toMatchObject({ code: 'not_found' });
    // An item both workspaces' streams found is listed once, and only what the workspace's streams show.
    const { items } = await call<{ items: StoredItem[] }>(core, 'alerts.items', { workspaceId: first.workspaceId, alertId: alert!.id });
    expect(new Set(items.map((item) => item.id)).size).toBe(items.length);
  });
});
