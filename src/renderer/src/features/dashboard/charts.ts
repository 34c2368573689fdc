import type { TFunction } from 'i18next';
import { DateTime } from 'luxon';
import { NETWORKS, type Network } from '../../../../shared/contract/items';
import type {
  BucketSize,
  DateRange,
  PostingChart,
  ResponseChart,
  SentimentChart,
  ShareOfVoice,
  TopAuthor,
  VolumeChart,
} from '../../../../shared/contract/insight';
import type { CsvCell, CsvTable } from '../../../../shared/export/csv';
import { fillBuckets, formatBucket } from './range';

/**
 * What each dashboard card shows, computed from the core's answer: the chart's points and
 * series, the same data as a table (display text for the page, raw values for the CSV) and a
 * one-sentence summary that is the chart's accessible description. Pure, so it is tested alone.
 */

/** One line, bar or area of a chart; `key` is the field of each point that holds its value. */
export interface Series {
  key: string;
  label: string;
  /** Sentiment series keep their meaning's colour; others take the palette in order. */
  tone?: SentimentKey;
}

export interface TableRow {
  /** What the CSV holds: plain numbers, ISO-like local times. */
  csv: CsvCell[];
  /** What the page's table shows: numbers and dates in the UI language. */
  display: string[];
}

export interface ChartTable {
  columns: string[];
  rows: TableRow[];
}

export interface ChartView<Point> {
  points: Point[];
  series: Series[];
  table: ChartTable;
  summary: string;
  /** Nothing to draw: the card says so in words instead. */
  empty: boolean;
}

export interface Context {
  t: TFunction;
  language: string;
  range: DateRange;
}

export type TimePoint = { ms: number; label: string } & Record<string, number | string | null>;

export const SENTIMENT_KEYS = ['positive', 'neutral', 'negative', 'unanalysed'] as const;
export type SentimentKey = (typeof SENTIMENT_KEYS)[number];

export function toCsv(table: ChartTable): CsvTable {
  return { columns: table.columns, rows: table.rows.map((row) => row.csv) };
}

const numberFormats = new Map<string, Intl.NumberFormat>();
export function formatNumber(value: number, language: string, fractionDigits = 0): string {
  const key = `${language}|${fractionDigits}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(language, { maximumFractionDigits: fractionDigits, minimumFractionDigits: 0 });
    numberFormats.set(key, format);
  }
  return format.format(value);
}

/** A bucket as spreadsheets read it: "2025-03-03 14:00" or "2025-03-03", in the workspace's zone. */
export function csvTime(ms: number, bucket: BucketSize, timeZone: string): string {
  return DateTime.fromMillis(ms, { zone: timeZone }).toFormat(bucket === 'hour' ? 'yyyy-MM-dd HH:mm' : 'yyyy-MM-dd');
}

function percent(part: number, whole: number): number {
  return whole > 0 ? Math.round((part / whole) * 1000) / 10 : 0;
}

function cell(value: number | null, language: string, digits = 0): { csv: CsvCell; text: string } {
  if (value === null) return { csv: null, text: '–' };
  return { csv: digits > 0 ? Math.round(value * 10 ** digits) / 10 ** digits : value, text: formatNumber(value, language, digits) };
}

function row(cells: { csv: CsvCell; text: string }[]): TableRow {
  return { csv: cells.map((c) => c.csv), display: cells.map((c) => c.text) };
}

/** A point's bucket: its label (already formatBucket's text) on the page, csvTime in the CSV. */
function timeCell(point: TimePoint, bucket: BucketSize, ctx: Context): { csv: CsvCell; text: string } {
  return { csv: csvTime(point.ms, bucket, ctx.range.timeZone), text: point.label };
}

function text(value: string): { csv: CsvCell; text: string } {
  return { csv: value, text: value };
}

export function networkLabel(network: Network, t: TFunction): string {
  return t(`dashboard.networks.${network}`);
}

export type VolumeMode = 'network' | 'stream';

/** Mentions per bucket, stacked by network or by column (an item two columns found counts in both). */
export function volumeView(chart: VolumeChart, mode: VolumeMode, ctx: Context): ChartView<TimePoint> {
  const { t, language, range } = ctx;
  const series: Series[] =
    mode === 'network'
      ? NETWORKS.filter((network) => chart.rows.some((r) => (r.byNetwork[network] ?? 0) > 0)).map((network) => ({ key: network, label: networkLabel(network, t) }))
      : chart.streams
          .map((stream, index) => ({ stream, key: `s${index}` }))
          .filter(({ stream }) => chart.rows.some((r) => (r.byStream[stream.id] ?? 0) > 0))
          .map(({ stream, key }) => ({ key, label: `${stream.title} (${networkLabel(stream.network, t)})` }));
  const streamKeys = new Map(chart.streams.map((stream, index) => [stream.id, `s${index}`]));
  const points = fillBuckets(chart.rows, range, chart.bucket, (r, ms) => {
    const point: TimePoint = { ms, label: formatBucket(ms, chart.bucket, range.timeZone, language), total: r?.total ?? 0 };
    for (const s of series) point[s.key] = 0;
    if (r && mode === 'network') for (const network of NETWORKS) if (series.some((s) => s.key === network)) point[network] = r.byNetwork[network] ?? 0;
    if (r && mode === 'stream')
      for (const [id, count] of Object.entries(r.byStream)) {
        const key = streamKeys.get(id);
        if (key) point[key] = count;
      }
    return point;
  });
  const total = points.reduce((sum, p) => sum + Number(p.total), 0);
  const peak = points.reduce<TimePoint | null>((best, p) => (best === null || Number(p.total) > Number(best.total) ? p : best), null);
  const table: ChartTable = {
    columns: [t('dashboard.columns.time'), ...series.map((s) => s.label), t('dashboard.columns.total')],
    rows: points.map((p) => row([timeCell(p, chart.bucket, ctx), ...series.map((s) => cell(Number(p[s.key] ?? 0), language)), cell(Number(p.total), language)])),
  };
  return {
    points,
    series,
    table,
    summary: t('dashboard.volume.summary', { count: total, peak: peak ? peak.label : '–', peakCount: peak ? formatNumber(Number(peak.total), language) : '0' }),
    empty: total === 0,
  };
}

/** Positive, neutral, negative and not-yet-analysed mentions per bucket; the chart stacks them to 100 %. */
export function sentimentView(chart: SentimentChart, ctx: Context): ChartView<TimePoint> {
  const { t, language, range } = ctx;
  const series: Series[] = SENTIMENT_KEYS.map((key) => ({ key, label: t(`dashboard.columns.${key}`), tone: key }));
  const points = fillBuckets(chart.rows, range, chart.bucket, (r, ms) => {
    const point: TimePoint = { ms, label: formatBucket(ms, chart.bucket, range.timeZone, language), total: 0 };
    let total = 0;
    for (const key of SENTIMENT_KEYS) {
      point[key] = r?.[key] ?? 0;
      total += r?.[key] ?? 0;
    }
    point.total = total;
    return point;
  });
  const sums = Object.fromEntries(SENTIMENT_KEYS.map((key) => [key, points.reduce((sum, p) => sum + Number(p[key]), 0)])) as Record<SentimentKey, number>;
  const total = SENTIMENT_KEYS.reduce((sum, key) => sum + sums[key], 0);
  const table: ChartTable = {
    columns: [t('dashboard.columns.time'), ...series.map((s) => s.label), t('dashboard.columns.total')],
    rows: points.map((p) => row([timeCell(p, chart.bucket, ctx), ...SENTIMENT_KEYS.map((key) => cell(Number(p[key]), language)), cell(Number(p.total), language)])),
  };
  const share = (key: SentimentKey) => formatNumber(percent(sums[key], total), language, 1);
  return {
    points,
    series,
    table,
    summary: t('dashboard.sentiment.summary', {
      total: formatNumber(total, language),
      positive: share('positive'),
      neutral: share('neutral'),
      negative: share('negative'),
      unanalysed: share('unanalysed'),
    }),
    empty: total === 0,
  };
}

export interface TermPoint {
  label: string;
  mentions: number;
  negative: number;
  share: number;
}

/** Mentions per tracked term (search and hashtag columns) over the range, largest first. */
export function shareOfVoiceView(chart: ShareOfVoice, ctx: Context): ChartView<TermPoint> {
  const { t, language } = ctx;
  const total = chart.terms.reduce((sum, term) => sum + term.mentions, 0);
  const terms = [...chart.terms].sort((a, b) => b.mentions - a.mentions || a.title.localeCompare(b.title, language));
  const points = terms.map((term) => ({ label: term.title, mentions: term.mentions, negative: term.negative, share: percent(term.mentions, total) }));
  const table: ChartTable = {
    columns: [t('dashboard.columns.term'), t('dashboard.columns.network'), t('dashboard.columns.mentions'), t('dashboard.columns.share'), t('dashboard.columns.negative')],
    rows: terms.map((term, i) => row([text(term.title), text(networkLabel(term.network, t)), cell(term.mentions, language), cell(points[i]!.share, language, 1), cell(term.negative, language)])),
  };
  const top = points[0];
  return {
    points,
    series: [
      { key: 'mentions', label: t('dashboard.columns.mentions') },
      { key: 'negative', label: t('dashboard.columns.negative'), tone: 'negative' },
    ],
    table,
    summary: top ? t('dashboard.shareOfVoice.summary', { count: points.length, top: top.label, share: formatNumber(top.share, language, 1) }) : '',
    empty: total === 0,
  };
}

/** "42 min" below two hours, "3.5 h" above: response times read at a glance. */
export function formatMinutes(minutes: number | null, t: TFunction, language: string): string {
  if (minutes === null) return t('dashboard.responses.none');
  if (minutes < 120) return t('dashboard.responses.minutes', { value: formatNumber(minutes, language) });
  return t('dashboard.responses.hours', { value: formatNumber(minutes / 60, language, 1) });
}

/** "75 %" of first responses within the goal, or "none" when nothing was answered. */
export function formatWithinGoal(share: number | null, t: TFunction, language: string): string {
  return share === null ? t('dashboard.responses.none') : `${formatNumber(share * 100, language)} %`;
}

/** Items received and answered per bucket with the median and 90th percentile first response; the backlog as numbers. */
export function responsesView(chart: ResponseChart, ctx: Context): ChartView<TimePoint> {
  const { t, language, range } = ctx;
  const points = fillBuckets(chart.rows, range, chart.bucket, (r, ms) => ({
    ms,
    label: formatBucket(ms, chart.bucket, range.timeZone, language),
    received: r?.received ?? 0,
    answered: r?.answered ?? 0,
    median: r?.medianFirstResponseMinutes ?? null,
    p90: r?.p90FirstResponseMinutes ?? null,
  }));
  const table: ChartTable = {
    columns: [t('dashboard.columns.time'), t('dashboard.columns.received'), t('dashboard.columns.answered'), t('dashboard.columns.median'), t('dashboard.columns.p90')],
    rows: points.map((p) =>
      row([timeCell(p, chart.bucket, ctx), cell(Number(p.received), language), cell(Number(p.answered), language), cell(p.median === null ? null : Number(p.median), language, 1), cell(p.p90 === null ? null : Number(p.p90), language, 1)]),
    ),
  };
  const { summary, backlog } = chart;
  return {
    points,
    series: [
      { key: 'received', label: t('dashboard.columns.received') },
      { key: 'answered', label: t('dashboard.columns.answered') },
      { key: 'median', label: t('dashboard.columns.median') },
      { key: 'p90', label: t('dashboard.columns.p90') },
    ],
    table,
    summary: t('dashboard.responses.summary', {
      received: formatNumber(summary.received, language),
      answered: formatNumber(summary.answered, language),
      median: formatMinutes(summary.medianFirstResponseMinutes, t, language),
      p90: formatMinutes(summary.p90FirstResponseMinutes, t, language),
      withinGoal: formatWithinGoal(summary.withinGoalShare, t, language),
      open: formatNumber(backlog.open, language),
      pending: formatNumber(backlog.pending, language),
      overdue: formatNumber(backlog.overdue, language),
    }),
    // The backlog is worth showing even when nothing came in during the range.
    empty: summary.received === 0 && backlog.open + backlog.pending === 0,
  };
}

export interface AccountPoint {
  label: string;
  posts: number;
  engagement: number;
  perPost: number;
}

/** Each account's published posts against the engagement they earned, busiest first. */
export function postingView(chart: PostingChart, ctx: Context): ChartView<AccountPoint> {
  const { t, language } = ctx;
  const accounts = [...chart.accounts].sort((a, b) => b.posts - a.posts || b.engagement - a.engagement);
  const points = accounts.map((a) => ({ label: `${a.label} (${networkLabel(a.network, t)})`, posts: a.posts, engagement: a.engagement, perPost: a.posts > 0 ? Math.round((a.engagement / a.posts) * 10) / 10 : 0 }));
  const table: ChartTable = {
    columns: [t('dashboard.columns.account'), t('dashboard.columns.network'), t('dashboard.columns.posts'), t('dashboard.columns.engagement'), t('dashboard.columns.engagementPerPost')],
    rows: accounts.map((a, i) => row([text(a.label), text(networkLabel(a.network, t)), cell(a.posts, language), cell(a.engagement, language), cell(points[i]!.perPost, language, 1)])),
  };
  const posts = accounts.reduce((sum, a) => sum + a.posts, 0);
  return {
    points,
    series: [
      { key: 'posts', label: t('dashboard.columns.posts') },
      { key: 'engagement', label: t('dashboard.columns.engagement') },
    ],
    table,
    summary: t('dashboard.posting.summary', { count: accounts.length, posts: formatNumber(posts, language), engagement: formatNumber(accounts.reduce((sum, a) => sum + a.engagement, 0), language) }),
    empty: posts === 0,
  };
}

export function authorName(author: TopAuthor, t: TFunction): string {
  return author.displayName?.trim() || author.handle?.trim() || t('dashboard.topAuthors.unknown');
}

/** The top-authors table (most influential first) with the score's parts, as shown and exported. */
export function topAuthorsView(authors: readonly TopAuthor[], ctx: Context): ChartView<TopAuthor> {
  const { t, language } = ctx;
  const sorted = [...authors].sort((a, b) => b.influence - a.influence || b.mentions - a.mentions);
  const table: ChartTable = {
    columns: [
      t('dashboard.columns.author'),
      t('dashboard.columns.handle'),
      t('dashboard.columns.network'),
      t('dashboard.columns.followers'),
      t('dashboard.columns.mentions'),
      t('dashboard.columns.negative'),
      t('dashboard.columns.engagement'),
      t('dashboard.columns.influence'),
      t('dashboard.columns.reach'),
      t('dashboard.columns.engagementPart'),
      t('dashboard.columns.activity'),
    ],
    rows: sorted.map((a) =>
      row([
        text(authorName(a, t)),
        text(a.handle ?? ''),
        text(networkLabel(a.network, t)),
        cell(a.followers, language),
        cell(a.mentions, language),
        cell(a.negative, language),
        cell(a.engagement, language),
        cell(a.influence, language, 1),
        cell(a.parts.reach, language, 2),
        cell(a.parts.engagement, language, 2),
        cell(a.parts.activity, language, 2),
      ]),
    ),
  };
  return { points: sorted, series: [], table, summary: t('dashboard.topAuthors.summary', { count: sorted.length }), empty: sorted.length === 0 };
}
