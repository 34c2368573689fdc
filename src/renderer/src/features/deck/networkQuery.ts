import type { TFunction } from 'i18next';
import { KINDS_WITH_QUERY, STREAM_KINDS } from '../../../../shared/contract/streams';

export type AccountNetwork = 'bluesky' | 'mastodon';
export type NetworkKind<N extends AccountNetwork> = (typeof STREAM_KINDS)[N][number];

/** Which field a column of this kind asks for (Bluesky and Mastodon lists are addressed differently). */
export type QueryField = 'search' | 'feed' | 'list' | 'author' | 'hashtag' | 'mastodonList';

export function queryFieldOf(network: AccountNetwork, kind: string): QueryField | null {
  if (!KINDS_WITH_QUERY.has(kind)) return null;
  if (network === 'mastodon' && kind === 'list') return 'mastodonList';
  return kind as QueryField;
}

/** The longest query the core accepts (streams.add). */
export const MAX_QUERY_LENGTH = 2048;

const RECORD_TYPES = { feed: 'app.bsky.feed.generator', list: 'app.bsky.graph.list' } as const;
/** The path segment of a bsky.app link: /profile/<actor>/feed/<rkey> and /profile/<actor>/lists/<rkey>. */
const LINK_SEGMENTS = { feed: 'feed', list: 'lists' } as const;

const DID = /^did:[a-z]+:[A-Za-z0-9._:%-]+$/;
const HANDLE = /^([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)+[a-z]([a-z0-9-]*[a-z0-9])?$/i;

function isActor(value: string): boolean {
  return DID.test(value) || HANDLE.test(value);
}

/** A custom feed or list as its at:// URI, from that URI or from the link bsky.app shows for it. */
function atUriOf(kind: 'feed' | 'list', input: string): string | null {
  const collection = RECORD_TYPES[kind];
  const at = /^at:\/\/([^/\s]+)\/([^/\s]+)\/([^/\s?#]+)$/.exec(input);
  if (at) return at[1] && isActor(at[1]) && at[2] === collection ? input : null;
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const [profile, actor, segment, rkey, ...rest] = url.pathname.split('/').filter(Boolean);
  if (profile !== 'profile' || !actor || segment !== LINK_SEGMENTS[kind] || !rkey || rest.length > 0) return null;
  const decoded = decodeURIComponent(actor);
  return isActor(decoded) ? `at://${decoded}/${collection}/${rkey}` : null;
}

/**
 * What the user typed, as the core expects it (streams.add `query`); null when it cannot be
 * what the field asks for. Empty input is the caller's to report.
 */
export function normalizeQuery(field: QueryField, input: string): string | null {
  const value = input.trim();
  if (!value || value.length > MAX_QUERY_LENGTH) return null;
  switch (field) {
    case 'search':
      return value;
    case 'feed':
    case 'list':
      return atUriOf(field, value);
    case 'author': {
      const link = /^https?:\/\/[^/]+\/profile\/([^/?#]+)\/?$/i.exec(value);
      const actor = link?.[1] ? decodeURIComponent(link[1]) : value.replace(/^@/, '');
      return isActor(actor) ? actor : null;
    }
    case 'hashtag': {
      const tag = value.replace(/^#+/, '');
      return tag && !/[\s#]/u.test(tag) ? tag : null;
    }
    case 'mastodonList': {
      const id = /\/lists\/(\d+)\/?$/.exec(value)?.[1] ?? value;
      return /^\d+$/.test(id) ? id : null;
    }
  }
}

/** The title a new column gets, in the user's language (the user can tell columns of several accounts apart by the handle in the header). */
export function columnTitle(network: AccountNetwork, kind: string, query: string | null, t: TFunction): string {
  const field = queryFieldOf(network, kind);
  let title: string = t(`addColumn.kinds.${network}.${kind}` as 'addColumn.kinds.bluesky.home');
  if (query && field === 'search') title = t('addColumn.columnTitles.search', { query });
  else if (query && field === 'author') title = t('addColumn.columnTitles.author', { query });
  else if (query && field === 'hashtag') title = t('addColumn.columnTitles.hashtag', { query });
  else if (query && field === 'mastodonList') title = t('addColumn.columnTitles.mastodonList', { query });
  return title.trim().slice(0, 120);
}
