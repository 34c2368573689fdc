// Pure logic of the dashboard and alert UI: date ranges in the workspace's zone (presets, custom
// days, daylight-saving changes, the hour/day bucket rule), bucket filling, what each card shows
// and exports (with real i18next strings in English and German), the alert banner's sentence,
// the influence hover text and export file names.
import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, test } from 'vitest';
import { dateRangeSchema, type Alert, type DateRange, type ResponseChart, type TopAuthor, type VolumeChart } from '../../src/shared/contract/insight';
import { resources } from '../../src/renderer/src/i18n';
import { bucketFor, bucketStarts, defaultSelection, fillBuckets, resolveRange, rangeSlug, type RangeSelection } from '../../src/renderer/src/features/dashboard/range';
import { csvTime, responsesView, sentimentView, shareOfVoiceView, toCsv, topAuthorsView, volumeView, type Context } from '../../src/renderer/src/features/dashboard/charts';
import { influenceFormula, INFLUENCE_WEIGHTS } from '../../src/renderer/src/features/dashboard/influence';
import { exportFileName } from '../../src/renderer/src/features/dashboard/exportChart';
import { alertText, bannerAlerts } from '../../src/renderer/src/features/alerts/alertText';

const ZURICH = 'Europe/Zurich';
const STREAM_A = '11111111-1111-4111-8111-111111111111';
const STREAM_B = '22222222-2222-4222-8222-222222222222';

let en: TFunction;
let de: TFunction;
beforeAll(async () => {
  const enI = i18next.createInstance();
  await enI.init({ resources, lng: 'en', interpolation: { escapeValue: false } });
  en = enI.t;
  const deI = i18next.createInstance();
  await deI.init({ resources, lng: 'de', interpolation: { escapeValue: false } });
  de = deI.t;
});

const select = (preset: RangeSelection['preset'], customFrom = '', customTo = ''): RangeSelection => ({ preset, customFrom, customTo });

function rangeOf(selection: RangeSelection, now: string, zone = ZURICH): DateRange {
  const resolved = resolveRange(selection, Date.parse(now), zone);
  if (!('range' in resolved)) throw new Error(`no range: ${resolved.problem}`);
  return resolved.range;
}

describe('date ranges', () => {
  test('the last 24 hours end with the hour now running and are bucketed by hour', () => {
    const range = rangeOf(select('24h'), '2025-03-12T13:25:00Z');
    expect(range).toEqual({ from: '2025-03-11T15:00:00.000+01:00', to: '2025-03-12T15:00:00.000+01:00', timeZone: ZURICH });
    expect(bucketFor(range)).toBe('hour');
    expect(bucketStarts(range, 'hour')).toHaveLength(24);
    expect(dateRangeSchema.safeParse(range).success).toBe(true);
  });

  test('the day presets are whole local days ending today, bucketed by day', () => {
    const week = rangeOf(select('7d'), '2025-03-12T23:30:00Z'); // already 13 March in Zurich
    expect(week.from).toBe('2025-03-07T00:00:00.000+01:00');
    expect(week.to).toBe('2025-03-14T00:00:00.000+01:00');
    expect(bucketFor(week)).toBe('day');
    expect(bucketStarts(week, 'day')).toHaveLength(7);
    expect(bucketStarts(rangeOf(select('90d'), '2025-03-12T12:00:00Z'), 'day')).toHaveLength(90);
  });

  test('a range across the spring change has a 23-hour day and still one bucket per calendar day', () => {
    const range = rangeOf(select('custom', '2025-03-29', '2025-03-31'), '2025-04-10T12:00:00Z');
    expect(range.from).toBe('2025-03-29T00:00:00.000+01:00');
    expect(range.to).toBe('2025-04-01T00:00:00.000+02:00');
    // 71 hours: three days, still hourly by the contract's rule.
    expect(bucketFor(range)).toBe('hour');
    expect(bucketStarts(range, 'hour')).toHaveLength(71);
    const days = bucketStarts(range, 'day');
    expect(days.map((ms) => new Date(ms).toISOString())).toEqual(['2025-03-28T23:00:00.000Z', '2025-03-29T23:00:00.000Z', '2025-03-30T22:00:00.000Z']);
  });

  test('a custom range says what is wrong with it instead of asking the core', () => {
    const now = Date.parse('2025-03-12T12:00:00Z');
    expect(resolveRange(select('custom', '2025-03-10', '2025-03-01'), now, ZURICH)).toEqual({ problem: 'endBeforeStart' });
    expect(resolveRange(select('custom', '', '2025-03-01'), now, ZURICH)).toEqual({ problem: 'invalidDate' });
    expect(resolveRange(select('custom', '2025-02-30', '2025-03-01'), now, ZURICH)).toEqual({ problem: 'invalidDate' });
    expect(resolveRange(select('custom', '2023-01-01', '2025-03-01'), now, ZURICH)).toEqual({ problem: 'tooLong' });
    const single = rangeOf(select('custom', '2025-03-10', '2025-03-10'), '2025-03-12T12:00:00Z');
    expect(bucketFor(single)).toBe('hour');
  });

  test('the default custom days are the last seven up to today, in the zone', () => {
    expect(defaultSelection(Date.parse('2025-03-12T23:30:00Z'), ZURICH)).toEqual({ preset: '7d', customFrom: '2025-03-07', customTo: '2025-03-13' });
  });

  test('rangeSlug names local days (inclusive) or hours', () => {
    expect(rangeSlug(rangeOf(select('7d'), '2025-03-12T12:00:00Z'))).toBe('2025-03-06_2025-03-12');
    expect(rangeSlug(rangeOf(select('24h'), '2025-03-12T12:10:00Z'))).toBe('2025-03-11T1400_2025-03-12T1400');
  });
});

describe('fillBuckets', () => {
  test('gives buckets the core left out a zero and matches rows by instant or local day', () => {
    const range = rangeOf(select('7d'), '2025-03-12T12:00:00Z');
    const rows = [
      { start: '2025-03-07', n: 4 },
      { start: '2025-03-09T00:00:00+01:00', n: 2 },
    ];
    const filled = fillBuckets(rows, range, 'day', (row, ms) => ({ ms, n: row?.n ?? 0 }));
    expect(filled.map((p) => p.n)).toEqual([0, 4, 0, 2, 0, 0, 0]);
    expect(csvTime(filled[1]!.ms, 'day', ZURICH)).toBe('2025-03-07');
  });
});

function ctx(t: TFunction, language: string, range: DateRange): Context {
  return { t, language, range };
}

describe('chart views', () => {
  const range = rangeOf(select('24h'), '2025-03-12T13:25:00Z');
  const hour = (h: number) => new Date(Date.parse(range.from) + h * 3_600_000).toISOString();
  const volume: VolumeChart = {
    bucket: 'hour',
    streams: [
      { id: STREAM_A, title: '#migros', network: 'mastodon', kind: 'hashtag' },
      { id: STREAM_B, title: 'Kundenforum, Zürich', network: 'feed', kind: 'feed' },
    ],
    rows: [
      { start: hour(2), total: 5, byNetwork: { bluesky: 0, mastodon: 3, feed: 2 }, byStream: { [STREAM_A]: 3, [STREAM_B]: 2 } },
      { start: hour(20), total: 9, byNetwork: { bluesky: 0, mastodon: 9, feed: 0 }, byStream: { [STREAM_A]: 9 } },
    ],
  };

  test('volume by network: one series per network with mentions, one point per hour, totals in the table and CSV', () => {
    const view = volumeView(volume, 'network', ctx(en, 'en', range));
    expect(view.series.map((s) => s.label)).toEqual(['Mastodon', 'Web feeds']);
    expect(view.points).toHaveLength(24);
    expect(view.points[2]).toMatchObject({ mastodon: 3, feed: 2, total: 5 });
    expect(view.points[3]).toMatchObject({ mastodon: 0, feed: 0, total: 0 });
    expect(view.empty).toBe(false);
    expect(view.summary).toMatch(/^14 mentions in this range, most in .+ \(9\)\.$/);
    const csv = toCsv(view.table);
    expect(csv.columns).toEqual(['Time', 'Mastodon', 'Web feeds', 'Total']);
    expect(csv.rows[20]).toEqual([csvTime(Date.parse(hour(20)), 'hour', ZURICH), 9, 0, 9]);
  });

  test('volume by column names the columns (German headers) and counts each column', () => {
    const view = volumeView(volume, 'stream', ctx(de, 'de', range));
    expect(view.table.columns).toEqual(['Zeit', '#migros (Mastodon)', 'Kundenforum, Zürich (Web-Feeds)', 'Gesamt']);
    expect(view.points[2]).toMatchObject({ s0: 3, s1: 2 });
    expect(view.summary).toMatch(/^14 Erwähnungen in diesem Zeitraum/);
  });

  test('an empty answer is empty (the card says so in words)', () => {
    expect(volumeView({ bucket: 'hour', streams: [], rows: [] }, 'network', ctx(en, 'en', range)).empty).toBe(true);
  });

  test('sentiment shares in the summary, counts in the table', () => {
    const view = sentimentView(
      {
        bucket: 'hour',
        rows: [
          { start: hour(1), positive: 2, neutral: 1, negative: 1, unanalysed: 0 },
          { start: hour(5), positive: 0, neutral: 0, negative: 4, unanalysed: 2 },
        ],
      },
      ctx(en, 'en', range),
    );
    expect(view.summary).toBe('Of 10 mentions: 20 % positive, 10 % neutral, 50 % negative, 20 % not analysed yet.');
    expect(view.table.columns).toEqual(['Time', 'Positive', 'Neutral', 'Negative', 'Not analysed yet', 'Total']);
    expect(view.table.rows[5]!.csv.slice(1)).toEqual([0, 0, 4, 2, 6]);
  });

  test('share of voice: largest first with its share', () => {
    const view = shareOfVoiceView(
      {
        terms: [
          { streamId: STREAM_A, title: '#coop', network: 'mastodon', mentions: 10, negative: 1 },
          { streamId: STREAM_B, title: 'migros', network: 'bluesky', mentions: 30, negative: 6 },
        ],
      },
      ctx(en, 'en', range),
    );
    expect(view.points.map((p) => [p.label, p.share])).toEqual([
      ['migros', 75],
      ['#coop', 25],
    ]);
    expect(view.summary).toBe('Share of voice between 2 tracked terms; largest: migros with 75 %.');
    expect(toCsv(view.table).rows[0]).toEqual(['migros', 'Bluesky', 30, 75, 6]);
  });

  test('responses: the summary sentence carries backlog and times; hours above two hours', () => {
    const chart: ResponseChart = {
      bucket: 'hour',
      backlog: { open: 4, pending: 1, overdue: 2 },
      summary: { received: 12, answered: 8, medianFirstResponseMinutes: 42, p90FirstResponseMinutes: 300, withinGoalShare: 0.75 },
      rows: [{ start: hour(3), received: 12, answered: 8, medianFirstResponseMinutes: 42, p90FirstResponseMinutes: 300 }],
    };
    const view = responsesView(chart, ctx(en, 'en', range));
    expect(view.summary).toBe('12 received, 8 answered; median first response 42 min, 90th percentile 5 h; 75 % within the goal. Backlog: 4 open, 1 pending, 2 overdue.');
    expect(view.points[4]).toMatchObject({ received: 0, median: null });
    expect(toCsv(view.table).rows[4]).toEqual([csvTime(Date.parse(hour(4)), 'hour', ZURICH), 0, 0, null, null]);
  });

  test('top authors: most influential first, parts in the CSV', () => {
    const author = (name: string, influence: number): TopAuthor => ({
      network: 'bluesky',
      remoteId: `did:plc:${name}`,
      handle: `${name}.test`,
      displayName: name,
      url: null,
      followers: 1000,
      mentions: 3,
      negative: 1,
      engagement: 40,
      influence,
      parts: { reach: 0.5, engagement: 0.4, activity: 0.2 },
    });
    const view = topAuthorsView([author('Bea', 30), author('Anna', 72.5)], ctx(en, 'en', range));
    expect(view.points.map((a) => a.displayName)).toEqual(['Anna', 'Bea']);
    expect(toCsv(view.table).rows[0]).toEqual(['Anna', 'Anna.test', 'Bluesky', 1000, 3, 1, 40, 72.5, 0.5, 0.4, 0.2]);
    const { formula } = influenceFormula(author('Anna', 72.5), de, 'de');
    expect(formula).toBe('Einfluss 72,5 = 100 × (0,5 × Reichweite 0,5 + 0,35 × Interaktion 0,4 + 0,15 × Aktivität 0,2)');
    expect(INFLUENCE_WEIGHTS.reach + INFLUENCE_WEIGHTS.engagement + INFLUENCE_WEIGHTS.activity).toBeCloseTo(1);
  });
});

describe('alerts', () => {
  const alert = (patch: Partial<Alert>): Alert => ({
    id: '33333333-3333-4333-8333-333333333333',
    workspaceId: '44444444-4444-4444-8444-444444444444',
    kind: 'negative_spike',
    startedAt: '2025-03-12T13:00:00.000Z',
    lastHourAt: '2025-03-12T13:00:00.000Z',
    state: 'active',
    peakCount: 40,
    baselineMean: 2.46,
    baselineSd: 1.1,
    threshold: 5.8,
    acknowledgedAt: null,
    createdAt: '2025-03-12T13:20:00.000Z',
    ...patch,
  });
  const now = Date.parse('2025-03-12T13:30:00Z');

  test('the banner sentence names the count, the hour in the workspace zone and the usual level', () => {
    expect(alertText(alert({}), en, now, ZURICH, 'en')).toBe('Negative mentions spike: 40 in the hour at 2:00 PM (usually about 2.5)');
    expect(alertText(alert({}), de, now, ZURICH, 'de')).toBe('Spitze negativer Erwähnungen: 40 in der Stunde ab 14:00 Uhr (üblich sind etwa 2,5)');
    expect(alertText(alert({ lastHourAt: '2025-03-12T15:00:00.000Z', baselineMean: 12.4 }), en, now, ZURICH, 'en')).toBe(
      'Negative mentions spike: up to 40 an hour from 2:00 PM to 5:00 PM (usually about 12)',
    );
  });

  test('the banner shows active alerts nobody dismissed, newest first', () => {
    const a = alert({ id: '55555555-5555-4555-8555-555555555555', startedAt: '2025-03-12T10:00:00.000Z' });
    const b = alert({ id: '66666666-6666-4666-8666-666666666666', startedAt: '2025-03-12T12:00:00.000Z' });
    const dismissed = alert({ id: '77777777-7777-4777-8777-777777777777', acknowledgedAt: '2025-03-12T13:25:00.000Z' });
    const ended = alert({ id: '88888888-8888-4888-8888-888888888888', state: 'ended' });
    expect(bannerAlerts([a, dismissed, b, ended]).map((x) => x.id)).toEqual([b.id, a.id]);
  });
});

describe('export file names', () => {
  test('keep umlauts, drop what file systems refuse', () => {
    expect(exportFileName(['Bäckerei Müller: Zürich/Basel', 'Share of voice', '2025-03-06_2025-03-12'], 'csv')).toBe('Bäckerei-Müller-Zürich-Basel-Share-of-voice-2025-03-06_2025-03-12.csv');
    expect(exportFileName(['..', '\u0007'], 'png')).toBe('leitstand.png');
  });
});
