import { ConnectorError } from '../connector';
import { decodeText } from './decodeText';
import type { FeedFormat } from './feedModel';
import { cleanText, httpUrl } from './feedValues';
import { fetchFeed, type FetchFeedOptions } from './fetchFeed';
import { htmlTokens } from '../html/htmlTokens';
import { parseFeed } from './parseFeed';

export interface DiscoveredFeed {
  url: string;
  title: string | null;
  /** The MIME type: as the page's link declares it, or of the format found. */
  type: string;
}

export type DiscoverOptions = Pick<FetchFeedOptions, 'userAgent' | 'signal' | 'timeoutMs' | 'maxBytes' | 'maxRedirects'>;

const PAGE_ACCEPT = 'text/html, application/xhtml+xml;q=0.9, application/feed+json;q=0.9, application/atom+xml;q=0.9, application/rss+xml;q=0.9, */*;q=0.5';

const FORMAT_TYPES: Record<FeedFormat, string> = {
  rss: 'application/rss+xml',
  atom: 'application/atom+xml',
  json: 'application/feed+json',
};

/**
 * The feeds a web page offers through <link rel="alternate" type="..."> (relative hrefs
 * resolved against the page or its <base>), or the URL itself when it already is a feed.
 * A page without feed links gives []. Fetch failures are ConnectorErrors, as for polls.
 */
export async function discoverFeeds(pageUrl: string, options: DiscoverOptions): Promise<DiscoveredFeed[]> {
  const fetched = await fetchFeed(pageUrl, { ...options, accept: PAGE_ACCEPT });
  if (fetched.status !== 'ok') return [];
  const address = fetched.permanentUrl ?? httpUrl(pageUrl) ?? fetched.url;
  try {
    const feed = parseFeed(fetched.body, { contentType: fetched.contentType, url: fetched.url });
    return [{ url: address, title: feed.title, type: FORMAT_TYPES[feed.format] }];
  } catch (error) {
    if (!(error instanceof ConnectorError)) throw error;
    // Not a feed: read it as the HTML page it most likely is.
  }
  const { text } = decodeText(fetched.body, fetched.contentType, { html: true });
  return feedLinks(text, fetched.url);
}

/** Feed links of an HTML document, in document order, each URL once. */
export function feedLinks(html: string, pageUrl: string): DiscoveredFeed[] {
  let base = pageUrl;
  let baseSeen = false;
  const found = new Map<string, DiscoveredFeed>();
  for (const token of htmlTokens(html)) {
    if (token.type !== 'open') continue;
    if (token.name === 'base' && !baseSeen) {
      // Only the first <base href> counts, as in browsers.
      const href = token.attributes.get('href');
      if (href !== undefined) {
        baseSeen = true;
        base = httpUrl(href, pageUrl) ?? pageUrl;
      }
      continue;
    }
    if (token.name !== 'link') continue;
    const rel = (token.attributes.get('rel') ?? '').toLowerCase().split(/\s+/);
    const type = (token.attributes.get('type') ?? '').toLowerCase().split(';')[0]!.trim();
    const title = cleanText(token.attributes.get('title'));
    const href = token.attributes.get('href');
    if (!rel.includes('alternate') || !href || !isFeedType(type, href, title)) continue;
    const url = httpUrl(href, base);
    if (url && !found.has(url)) found.set(url, { url, title, type });
  }
  return [...found.values()];
}

const FEED_TYPES = new Set(['application/rss+xml', 'application/atom+xml', 'application/feed+json', 'application/rdf+xml']);

/**
 * A plain application/json alternate is a JSON Feed only when it says so: WordPress puts one
 * on every page for its REST API (/wp-json/...), which is not a feed.
 */
function isFeedType(type: string, href: string, title: string | null): boolean {
  if (FEED_TYPES.has(type)) return true;
  if (type !== 'application/json') return false;
  return /feed/i.test(title ?? '') || (/feed/i.test(href) && !/\/wp-json\//i.test(href));
}
