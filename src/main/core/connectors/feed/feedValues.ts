import type { ItemMedia } from '../../../../shared/contract/items';
import { htmlToText, stripControlCharacters } from '../html/htmlToText';

/** Trimmed text without control characters; null when nothing is left. Feeds put all sorts in. */
export function cleanText(value: unknown): string | null {
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const text = stripControlCharacters(String(value)).trim();
  return text === '' ? null : text;
}

/**
 * A title as plain text. Titles are text in RSS, but feeds put markup in them often enough
 * (Atom type="html", "<b>" in an RSS title) that a title with an HTML tag in it is read as HTML.
 */
export function plainTitle(value: unknown, declaredHtml = false): string | null {
  const text = cleanText(value);
  if (text === null) return null;
  if (!declaredHtml && !LOOKS_LIKE_MARKUP.test(text)) return text;
  return cleanText(htmlToText(text).replace(/\s+/g, ' '));
}

const LOOKS_LIKE_MARKUP = /<\/?(?:a|abbr|b|br|cite|code|div|em|i|img|mark|p|q|s|small|span|strong|sub|sup|u)\b[^<>]*>/i;

/** A valid Date from a Date or a date string, else null (an unparseable date is no date). */
export function toDate(value: unknown): Date | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if (typeof value !== 'string' || !value.trim()) return null;
  const date = new Date(value.trim());
  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * An absolute http(s) URL, resolved against base; null for anything else. Other schemes
 * (javascript:, data:, file:) are never handed on as links to open or media to load.
 */
export function httpUrl(value: unknown, base?: string | null): string | null {
  const text = cleanText(value);
  if (text === null) return null;
  try {
    const url = new URL(text, base ?? undefined);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** The kind of a media item from its MIME type or Media RSS medium. */
export function mediaKind(mimeType: string | null, medium?: string | null): ItemMedia['kind'] {
  const type = (medium ?? mimeType?.split('/')[0] ?? '').toLowerCase();
  if (type === 'image' || type === 'video' || type === 'audio') return type;
  if (type === 'text' || type === 'document') return 'link';
  return 'other';
}
