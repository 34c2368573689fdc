import { ConnectorError, type StreamSpec } from '../connector';
import type { QueryValue } from './http';

/**
 * Where each Mastodon stream kind reads from. `pageLimit` is the server's maximum page size
 * (Mastodon 4.x: 40 statuses, 80 notifications).
 * - federated is Mastodon's own "federated" column: everything the instance knows, local posts
 *   included. `query: "remote"` narrows it to other instances only (remote=true).
 * - notifications asks only for the types that become items (see NOTIFICATION_ITEM_TYPES), so
 *   pages are not spent on favourites and follows; servers before 3.5 ignore `types` and the
 *   connector filters again.
 */
export interface Endpoint {
  path: string;
  query: Record<string, QueryValue>;
  pageLimit: number;
  entity: 'status' | 'notification';
}

/**
 * Notifications that carry a post worth a column: a mention (replies included), a post by
 * someone the user gets notified about, a quote of the user's post. Favourites, boosts, follows,
 * polls, edits and admin events have no post of their own to triage; they are skipped (counts on
 * the user's posts refresh wherever those posts are polled).
 */
export const NOTIFICATION_ITEM_TYPES = ['mention', 'status', 'quote'] as const;

export function endpointFor(stream: StreamSpec): Endpoint {
  const statuses = (path: string, query: Record<string, QueryValue> = {}): Endpoint => ({ path, query, pageLimit: 40, entity: 'status' });
  switch (stream.kind) {
    case 'home':
      return statuses('/api/v1/timelines/home');
    case 'notifications':
      return { path: '/api/v1/notifications', query: { types: NOTIFICATION_ITEM_TYPES }, pageLimit: 80, entity: 'notification' };
    case 'hashtag':
      return statuses(`/api/v1/timelines/tag/${encodeURIComponent(required(stream, 'hashtag').replace(/^#+/, ''))}`);
    case 'local':
      return statuses('/api/v1/timelines/public', { local: true });
    case 'federated':
      return statuses('/api/v1/timelines/public', stream.query?.trim() === 'remote' ? { remote: true } : {});
    case 'list':
      return statuses(`/api/v1/timelines/list/${encodeURIComponent(required(stream, 'list id'))}`);
    default:
      throw new ConnectorError('not_found', `Mastodon has no stream kind "${stream.kind}"`);
  }
}

function required(stream: StreamSpec, what: string): string {
  const value = stream.query?.trim().replace(/^#+/, '');
  if (!value) throw new ConnectorError('not_found', `a Mastodon ${stream.kind} stream needs a ${what}`);
  return stream.query!.trim();
}
