import type { ItemSearchFilters, Network } from '../../../../shared/contract/items';

/** The filter form as the inputs hold it (dates as yyyy-mm-dd in local time, empty = any). */
export interface FilterForm {
  networks: Network[];
  streamId: string;
  author: string;
  from: string;
  to: string;
  language: string;
  hasLink: boolean;
}

export const EMPTY_FILTERS: FilterForm = { networks: [], streamId: '', author: '', from: '', to: '', language: '', hasLink: false };

/** Languages offered in the filter; names come from Intl in the UI language. */
export const FILTER_LANGUAGES = ['de', 'en', 'fr', 'it', 'es', 'nl', 'pt', 'pl', 'tr'] as const;

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A yyyy-mm-dd day at the start (or the very end) of that day in local time, as ISO with offset. */
export function dayBoundary(day: string, edge: 'start' | 'end'): string | null {
  const match = DAY.exec(day);
  if (!match) return null;
  const [year, month, date] = [Number(match[1]), Number(match[2]) - 1, Number(match[3])];
  const local = edge === 'start' ? new Date(year, month, date, 0, 0, 0, 0) : new Date(year, month, date, 23, 59, 59, 999);
  return Number.isNaN(local.getTime()) ? null : local.toISOString();
}

export type FiltersResult = { ok: true; filters: ItemSearchFilters } | { ok: false; problem: 'range' };

/** The contract's filters from the form: only what is set; "from" after "to" is refused. */
export function toSearchFilters(form: FilterForm): FiltersResult {
  const filters: ItemSearchFilters = {};
  if (form.networks.length > 0) filters.networks = [...new Set(form.networks)];
  if (form.streamId) filters.streamIds = [form.streamId];
  const author = form.author.trim();
  if (author) filters.author = author.slice(0, 200);
  const from = form.from ? dayBoundary(form.from, 'start') : null;
  const to = form.to ? dayBoundary(form.to, 'end') : null;
  if (from && to && Date.parse(from) > Date.parse(to)) return { ok: false, problem: 'range' };
  if (from) filters.from = from;
  if (to) filters.to = to;
  if (form.language) filters.language = form.language;
  if (form.hasLink) filters.hasLink = true;
  return { ok: true, filters };
}

export function hasAnyFilter(filters: ItemSearchFilters): boolean {
  return Object.keys(filters).length > 0;
}
