import type { ItemMedia } from '../../../../shared/contract/items';

/**
 * One feed as Leitstand reads it, whatever its format: what the parsers produce and the item
 * normalizer consumes. Values are as the feed wrote them, minus markup in titles; URLs are
 * absolute where they could be resolved.
 */
export interface ParsedFeed {
  format: FeedFormat;
  /** "2.0", "1.0" (RDF), "0.91", Atom "1.0"/"0.3", JSON Feed "1"/"1.1"; null when unstated. */
  version: string | null;
  title: string | null;
  /** The site the feed belongs to. */
  homeUrl: string | null;
  language: string | null;
  authors: FeedPerson[];
  items: FeedEntry[];
  /** Entries that were present but could not be read at all; the rest of the feed still counts. */
  skippedItems: number;
}

export type FeedFormat = 'rss' | 'atom' | 'json';

export interface FeedEntry {
  /** RSS guid, Atom id, JSON Feed id; null when the feed gives none. */
  id: string | null;
  link: string | null;
  title: string | null;
  authors: FeedPerson[];
  /** Full content: content:encoded, Atom content, JSON content_html or content_text. */
  content: FeedBody | null;
  /** Summary: RSS description, Atom summary, JSON summary. */
  summary: FeedBody | null;
  published: Date | null;
  updated: Date | null;
  language: string | null;
  media: FeedMedia[];
}

/** Text of an entry with what it is: feeds say whether it is markup (Atom type, JSON field). */
export interface FeedBody {
  value: string;
  html: boolean;
}

export interface FeedPerson {
  name: string | null;
  email: string | null;
  url: string | null;
  avatarUrl: string | null;
}

export interface FeedMedia {
  url: string;
  kind: ItemMedia['kind'];
  mimeType: string | null;
  previewUrl: string | null;
  /** media:title / media:description, an enclosure or attachment title. */
  alt: string | null;
}
