import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis, type TooltipContentProps } from 'recharts';
import type { AccountPoint, ChartView, TermPoint, TimePoint } from './charts';
import { formatNumber } from './charts';
import { seriesColor, type Palette } from './usePalette';

/**
 * The recharts drawings of the dashboard cards. No animation: a chart is read, not watched, and
 * a PNG export must not catch it half drawn. Keyboard users get the same data from the card's
 * table, so recharts' own keyboard layer (a focusable SVG) is off.
 */

const HEIGHT = 260;

function axisProps(palette: Palette) {
  return { stroke: palette.grid, tick: { fill: palette.muted, fontSize: 12 }, tickLine: { stroke: palette.grid } };
}

/** The hover box: the bucket and each series' value, in the UI language, styled by the theme's classes. */
interface HoverBoxProps {
  active?: boolean;
  payload?: TooltipContentProps['payload'];
  label?: string | number;
  format?: (value: number, key: string) => string;
}

/** Only what the box shows, taken from recharts' content props. */
function hover(props: TooltipContentProps, format?: HoverBoxProps['format']) {
  return <HoverBox active={props.active} payload={props.payload} label={props.label} format={format} />;
}

function HoverBox({ active, payload, label, format }: HoverBoxProps) {
  const { i18n } = useTranslation();
  if (!active || !payload || payload.length === 0) return null;
  return (
    <div className="chart-tooltip">
      <p className="chart-tooltip__label">{label}</p>
      <ul className="chart-tooltip__list">
        {payload.map((entry) => {
          const value = typeof entry.value === 'number' ? entry.value : Number(entry.value ?? 0);
          const key = String(entry.dataKey ?? entry.name);
          return (
            <li key={key} className="chart-tooltip__row">
              <svg className="chart-tooltip__swatch" width="10" height="10" aria-hidden="true">
                <rect width="10" height="10" rx="2" fill={entry.color} />
              </svg>
              <span>{entry.name}</span>
              <span className="chart-tooltip__value">{format ? format(value, key) : formatNumber(value, i18n.language, 1)}</span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

function Frame({ children }: { children: ReactElement }) {
  return (
    <ResponsiveContainer width="100%" height={HEIGHT}>
      {children}
    </ResponsiveContainer>
  );
}

/** Mentions per bucket, bars stacked by network or column. */
export function VolumeDrawing({ view, palette }: { view: ChartView<TimePoint>; palette: Palette }) {
  return (
    <Frame>
      <BarChart data={view.points} accessibilityLayer={false} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
        <CartesianGrid stroke={palette.grid} vertical={false} />
        <XAxis dataKey="label" {...axisProps(palette)} minTickGap={16} />
        <YAxis allowDecimals={false} width={44} {...axisProps(palette)} />
        <Tooltip content={(props) => hover(props)} cursor={{ fill: palette.grid, fillOpacity: 0.35 }} />
        <Legend />
        {view.series.map((s, index) => (
          <Bar key={s.key} dataKey={s.key} name={s.label} stackId="volume" fill={seriesColor(palette, index)} isAnimationActive={false} />
        ))}
      </BarChart>
    </Frame>
  );
}

/**
 * The share of each sentiment per bucket, stacked to 100 %; the hover shows the counts. Bars, not
 * areas: a bucket without mentions stays empty instead of drawing a slope down to 0 %.
 */
export function SentimentDrawing({ view, palette }: { view: ChartView<TimePoint>; palette: Palette }) {
  const { i18n } = useTranslation();
  return (
    <Frame>
      <BarChart data={view.points} stackOffset="expand" accessibilityLayer={false} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
        <CartesianGrid stroke={palette.grid} vertical={false} />
        <XAxis dataKey="label" {...axisProps(palette)} minTickGap={16} />
        <YAxis width={48} tickFormatter={(value: number) => `${formatNumber(value * 100, i18n.language)} %`} {...axisProps(palette)} />
        <Tooltip content={(props) => hover(props, (value) => formatNumber(value, i18n.language))} />
        <Legend />
        {view.series.map((s, index) => (
          <Bar
            key={s.key}
            dataKey={s.key}
            name={s.label}
            stackId="sentiment"
            fill={seriesColor(palette, index, s.tone)}
            fillOpacity={0.9}
            isAnimationActive={false}
          />
        ))}
      </BarChart>
    </Frame>
  );
}

/** Mentions per tracked term as horizontal bars, the negative ones beside them. */
export function ShareOfVoiceDrawing({ view, palette }: { view: ChartView<TermPoint>; palette: Palette }) {
  const height = Math.max(HEIGHT, view.points.length * 36 + 60);
  return (
    <ResponsiveContainer width="100%" height={height}>
      <BarChart data={view.points} layout="vertical" accessibilityLayer={false} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
        <CartesianGrid stroke={palette.grid} horizontal={false} />
        <XAxis type="number" allowDecimals={false} {...axisProps(palette)} />
        <YAxis type="category" dataKey="label" width={140} {...axisProps(palette)} />
        <Tooltip content={(props) => hover(props)} cursor={{ fill: palette.grid, fillOpacity: 0.35 }} />
        <Legend />
        {view.series.map((s, index) => (
          <Bar key={s.key} dataKey={s.key} name={s.label} fill={seriesColor(palette, index, s.tone)} isAnimationActive={false} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}

/** Items received and answered (bars, left axis) with the median and 90th percentile first response (lines, right axis). */
export function ResponsesDrawing({ view, palette }: { view: ChartView<TimePoint>; palette: Palette }) {
  return (
    <Frame>
      <ComposedChart data={view.points} accessibilityLayer={false} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
        <CartesianGrid stroke={palette.grid} vertical={false} />
        <XAxis dataKey="label" {...axisProps(palette)} minTickGap={16} />
        <YAxis yAxisId="count" allowDecimals={false} width={44} {...axisProps(palette)} />
        <YAxis yAxisId="minutes" orientation="right" width={48} {...axisProps(palette)} />
        <Tooltip content={(props) => hover(props)} cursor={{ fill: palette.grid, fillOpacity: 0.35 }} />
        <Legend />
        <Bar yAxisId="count" dataKey="received" name={view.series[0]!.label} fill={seriesColor(palette, 0)} isAnimationActive={false} />
        <Bar yAxisId="count" dataKey="answered" name={view.series[1]!.label} fill={seriesColor(palette, 1)} isAnimationActive={false} />
        <Line yAxisId="minutes" type="monotone" dataKey="median" name={view.series[2]!.label} stroke={seriesColor(palette, 2)} strokeWidth={2} dot={false} connectNulls isAnimationActive={false} />
        <Line yAxisId="minutes" type="monotone" dataKey="p90" name={view.series[3]!.label} stroke={seriesColor(palette, 3)} strokeWidth={2} strokeDasharray="5 3" dot={false} connectNulls isAnimationActive={false} />
      </ComposedChart>
    </Frame>
  );
}

/** Per account: posts published (left axis) against the engagement they earned (right axis). */
export function PostingDrawing({ view, palette }: { view: ChartView<AccountPoint>; palette: Palette }) {
  return (
    <Frame>
      <BarChart data={view.points} accessibilityLayer={false} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
        <CartesianGrid stroke={palette.grid} vertical={false} />
        <XAxis dataKey="label" {...axisProps(palette)} interval={0} />
        <YAxis yAxisId="posts" allowDecimals={false} width={44} {...axisProps(palette)} />
        <YAxis yAxisId="engagement" orientation="right" allowDecimals={false} width={52} {...axisProps(palette)} />
        <Tooltip content={(props) => hover(props)} cursor={{ fill: palette.grid, fillOpacity: 0.35 }} />
        <Legend />
        <Bar yAxisId="posts" dataKey="posts" name={view.series[0]!.label} fill={seriesColor(palette, 0)} isAnimationActive={false} />
        <Bar yAxisId="engagement" dataKey="engagement" name={view.series[1]!.label} fill={seriesColor(palette, 2)} isAnimationActive={false} />
      </BarChart>
    </Frame>
  );
}
