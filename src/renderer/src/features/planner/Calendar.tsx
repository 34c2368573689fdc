import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountView } from '../../../../shared/contract/accounts';
import type { ScheduledPost } from '../../../../shared/contract/planner';
import {
  dayOfMonth,
  entryHour,
  formatDayName,
  formatEntryTime,
  formatWeekdayShort,
  groupByDay,
  handleOf,
  isSameMonth,
  MONTH_CELL_POSTS,
  textExcerpt,
  type CalendarMode,
  type DayKey,
} from './calendar';
import { dropHandlers } from './drag';
import { hourLabel } from './heatmap';
import { PostChip } from './PostChip';

const HOURS = Array.from({ length: 24 }, (_, hour) => hour);

interface CalendarProps {
  mode: CalendarMode;
  days: DayKey[];
  anchor: DayKey;
  today: DayKey;
  title: string;
  entries: ScheduledPost[];
  accounts: readonly AccountView[];
  onOpen(entry: ScheduledPost): void;
  onMoveKey(entry: ScheduledPost): void;
  /** A post was dropped on a day (keeps its time) or on an hour of a day (keeps its minutes). */
  onDrop(id: string, day: DayKey, hour?: number): void;
  onShowDay(day: DayKey): void;
}

interface ChipText {
  name: string;
  time: string;
  handle: string;
  excerpt: string;
}

/**
 * Formatting is the costly part of a month of thousands of posts: only shown posts are formatted,
 * once per entry object (a reload brings new ones), handle and language.
 */
const chipTexts = new WeakMap<ScheduledPost, { key: string; text: ChipText }>();

function chipText(entry: ScheduledPost, handle: string, locale: string): ChipText {
  const key = `${handle}|${locale}`;
  const known = chipTexts.get(entry);
  if (known?.key === key) return known.text;
  const time = formatEntryTime(entry, locale);
  const excerpt = textExcerpt(entry.text);
  const text = { name: `${time} ${handle}: ${excerpt}`, time, handle, excerpt };
  chipTexts.set(entry, { key, text });
  return text;
}

/** The calendar grid: a table with a cell per day (month) or per hour of each day (week). */
export function Calendar({ mode, days, anchor, today, title, entries, accounts, onOpen, onMoveKey, onDrop, onShowDay }: CalendarProps) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const byDay = useMemo(() => groupByDay(entries), [entries]);
  const handles = useMemo(() => new Map(accounts.map((a) => [a.id, handleOf(a.handle)])), [accounts]);
  const dayNames = useMemo(() => new Map(days.map((d) => [d, formatDayName(d, locale)])), [days, locale]);

  const chip = (entry: ScheduledPost) => {
    const text = chipText(entry, handles.get(entry.accountId ?? '') ?? '?', locale);
    return (
      <li key={entry.id} className="planner-cell__post">
        <PostChip entry={entry} {...text} onOpen={onOpen} onMoveKey={onMoveKey} />
      </li>
    );
  };

  if (mode === 'month') {
    const weeks: DayKey[][] = [];
    for (let i = 0; i < days.length; i += 7) weeks.push(days.slice(i, i + 7));
    return (
      <table className="planner-month" aria-label={t('planner.calendarLabel', { range: title })}>
        <thead>
          <tr>
            {weeks[0]!.map((d) => (
              <th key={d} scope="col" className="planner-month__weekday">
                {formatWeekdayShort(d, locale)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week) => (
            <tr key={week[0]}>
              {week.map((d) => {
                const posts = byDay.get(d) ?? [];
                const hidden = posts.length - MONTH_CELL_POSTS;
                const name = dayNames.get(d)!;
                return (
                  <td key={d} className={`planner-month__day${isSameMonth(d, anchor) ? '' : ' planner-month__day--outside'}${d === today ? ' planner-month__day--today' : ''}`} {...dropHandlers((id) => onDrop(id, d))}>
                    <div role="group" aria-label={name} aria-current={d === today ? 'date' : undefined} className="planner-cell">
                      <span className="planner-cell__date" aria-hidden="true">
                        {dayOfMonth(d)}
                      </span>
                      {posts.length > 0 && <ul className="planner-cell__posts">{posts.slice(0, MONTH_CELL_POSTS).map(chip)}</ul>}
                      {hidden > 0 && (
                        <button type="button" className="planner-cell__more" aria-label={t('planner.moreLabel', { count: hidden, day: name })} onClick={() => onShowDay(d)}>
                          {t('planner.more', { count: hidden })}
                        </button>
                      )}
                    </div>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    );
  }

  const byHour = new Map<string, ScheduledPost[]>();
  for (const d of days) {
    for (const entry of byDay.get(d) ?? []) {
      const key = `${d}|${entryHour(entry)}`;
      const list = byHour.get(key);
      if (list) list.push(entry);
      else byHour.set(key, [entry]);
    }
  }
  return (
    <table className="planner-week" aria-label={t('planner.calendarLabel', { range: title })}>
      <thead>
        <tr>
          <th scope="col" className="planner-week__corner">
            <span className="sr-only">{t('planner.weekColumn')}</span>
          </th>
          {days.map((d) => (
            <th key={d} scope="col" className={`planner-week__day${d === today ? ' planner-week__day--today' : ''}`} aria-current={d === today ? 'date' : undefined}>
              <span role="group" aria-label={dayNames.get(d)} className="planner-week__dayname" {...dropHandlers((id) => onDrop(id, d))}>
                <span aria-hidden="true">
                  {formatWeekdayShort(d, locale)} {dayOfMonth(d)}
                </span>
              </span>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {HOURS.map((hour) => (
          <tr key={hour}>
            <th scope="row" className="planner-week__hour">
              {hourLabel(hour)}
            </th>
            {days.map((d) => {
              const posts = byHour.get(`${d}|${hour}`) ?? [];
              return (
                <td key={d} className={`planner-week__slot${d === today ? ' planner-week__slot--today' : ''}`} data-day={d} data-hour={hour} {...dropHandlers((id) => onDrop(id, d, hour))}>
                  {posts.length > 0 && <ul className="planner-cell__posts">{posts.map(chip)}</ul>}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
