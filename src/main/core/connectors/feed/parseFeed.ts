import { ConnectorError } from '../connector';
import { decodeText } from './decodeText';
import type { ParsedFeed } from './feedModel';
import { parseJsonFeed } from './parseJsonFeed';
import { parseXmlFeed } from './parseXmlFeed';

export interface ParseFeedOptions {
  /** The Content-Type header, for its charset. */
  contentType?: string | null;
  /** Where the feed was fetched from: relative links resolve against it. */
  url?: string | null;
}

/**
 * Bytes (or already decoded text) of an RSS, Atom or JSON feed to a ParsedFeed. The format is
 * sniffed from the content, not taken from the Content-Type, which servers often get wrong.
 * Anything that is not a readable feed ends as ConnectorError('parse') saying what is wrong;
 * nothing else is ever thrown, whatever the input.
 */
export function parseFeed(input: Uint8Array | string, options: ParseFeedOptions = {}): ParsedFeed {
  try {
    const text = typeof input === 'string' ? input : decodeText(input, options.contentType).text;
    const document = skipLeadingJunk(text.replace(/^\uFEFF/, '').trimStart());
    const base = options.url ?? null;
    if (document === '') throw new ConnectorError('parse', 'The feed is empty.');
    if (document.startsWith('{') || document.startsWith('[')) return parseJsonFeed(document, base);
    if (document.startsWith('<')) return parseXmlFeed(document, base);
    throw new ConnectorError('parse', `Not a feed: neither XML nor JSON (it starts with ${JSON.stringify(document.slice(0, 40))}).`);
  } catch (error) {
    if (error instanceof ConnectorError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new ConnectorError('parse', `The feed is malformed: ${reason.slice(0, 300)}`, { cause: error });
  }
}

/**
 * Servers that print a warning before the feed ("Deprecated: ... on line 12") still send a
 * usable feed after it: start at the XML declaration or root element when one follows soon.
 */
function skipLeadingJunk(text: string): string {
  if (text === '' || text.startsWith('<') || text.startsWith('{') || text.startsWith('[')) return text;
  const start = text.slice(0, 4096).search(/<(?:\?xml|rss|feed|rdf:RDF)[\s>]/);
  return start === -1 ? text : text.slice(start);
}
