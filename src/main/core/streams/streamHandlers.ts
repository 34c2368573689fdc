import { AppError } from '../../../shared/contract/errors';
import { IDLE_STATUS, type PollStatus, type StreamView } from '../../../shared/contract/streams';
import type { HandlerTable } from '../dispatch';
import type { CoreEvents } from '../events';
import type { ItemStore } from '../items/itemStore';
import type { WorkspaceRepository } from '../workspaces/workspaceRepository';
import type { AccountRepository } from '../accounts/accountRepository';
import type { StreamRecord, StreamRepository } from './streamRepository';

/** What the handlers need from the poller; the poller itself lives in ../polling. */
export interface StreamScheduler {
  /** Starts polling a new stream (first poll soon). */
  added(streamId: string): void;
  /** Stops polling and aborts a poll in flight; nothing of it is stored. */
  removed(streamId: string): void;
  refresh(streamId: string): void;
  /** The account was reconnected: its streams poll again. */
  resumeAccount(accountId: string): void;
  status(streamId: string): PollStatus;
}

export type DiscoverFeeds = (url: string) => Promise<Array<{ url: string; title: string | null; type: string | null }>>;

interface Deps {
  streams: StreamRepository;
  items: ItemStore;
  workspaces: WorkspaceRepository;
  accounts: AccountRepository;
  events: CoreEvents;
  scheduler: StreamScheduler;
  discoverFeeds: DiscoverFeeds;
}

type StreamMethods =
  | 'streams.list'
  | 'streams.add'
  | 'streams.remove'
  | 'streams.move'
  | 'streams.refresh'
  | 'streams.markRead'
  | 'items.page'
  | 'items.newer'
  | 'items.markRead'
  | 'items.search'
  | 'feeds.discover'
  | 'streams.setNeedsAnswer';

export function createStreamHandlers(deps: Deps): Pick<HandlerTable, StreamMethods> {
  const { streams, items, workspaces, accounts, events, scheduler } = deps;

  const view = (stream: StreamRecord): StreamView => ({
    id: stream.id,
    workspaceId: stream.workspaceId,
    accountId: stream.accountId,
    network: stream.network,
    kind: stream.kind,
    query: stream.query,
    title: stream.title,
    position: stream.position,
    unread: items.unreadCount(stream.id),
    needsAnswer: stream.needsAnswer,
    status: scheduler.status(stream.id) ?? IDLE_STATUS,
  });

  const list = (workspaceId: string) => ({ workspaceId, streams: streams.listColumns(workspaceId).map(view) });

  /** A column of the deck; the hidden inbox sources are not the UI's to move, remove or mark. */
  const column = (id: string): StreamRecord => {
    const stream = streams.get(id);
    if (stream.role !== 'column') throw new AppError('not_found', `There is no column with the id ${id}.`);
    return stream;
  };

  const changed = (workspaceId: string) => {
    const result = list(workspaceId);
    events.emit('streams.changed', result);
    return result;
  };

  return {
    'streams.list': ({ workspaceId }) => {
      workspaces.get(workspaceId);
      return list(workspaceId);
    },
    'streams.add': (input) => {
      workspaces.assertLive(input.workspaceId);
      if (input.accountId) {
        const account = accounts.get(input.accountId);
        if (account.workspaceId !== input.workspaceId || account.network !== input.network) {
          throw new AppError('invalid_params', `The account ${account.handle} cannot feed a ${input.network} stream of this workspace.`);
        }
      }
      const stream = streams.create({
        workspaceId: input.workspaceId,
        accountId: input.accountId ?? null,
        network: input.network,
        kind: input.kind,
        query: input.query ?? null,
        title: input.title ?? defaultTitle(input.kind, input.query ?? null),
      });
      scheduler.added(stream.id);
      changed(stream.workspaceId);
      return view(stream);
    },
    'streams.remove': ({ id }) => {
      const stream = column(id);
      scheduler.removed(id);
      streams.remove(id);
      items.collectOrphans();
      return changed(stream.workspaceId);
    },
    'streams.move': ({ id, position }) => {
      const stream = column(id);
      streams.move(id, position);
      return changed(stream.workspaceId);
    },
    'streams.refresh': ({ id }) => {
      const stream = streams.get(id);
      scheduler.refresh(id);
      return view(stream);
    },
    'streams.markRead': ({ id }) => {
      const stream = streams.get(id);
      items.markStreamRead(id);
      return view(stream);
    },
    'items.page': ({ streamId, after, limit }) => {
      streams.get(streamId);
      return items.page(streamId, after ?? null, limit);
    },
    'items.newer': ({ streamId, newest, limit }) => {
      streams.get(streamId);
      return { items: items.newerThan(streamId, newest, limit) };
    },
    'items.markRead': ({ workspaceId, ids, read }) => {
      workspaces.get(workspaceId);
      return { changed: items.markRead(workspaceId, ids, read ?? true) };
    },
    'items.search': ({ workspaceId, text, filters, after, limit }) => {
      workspaces.get(workspaceId);
      return items.search(workspaceId, text, filters ?? {}, after ?? null, limit);
    },
    'feeds.discover': async ({ url }) => ({ feeds: await deps.discoverFeeds(url) }),
    'streams.setNeedsAnswer': ({ id, needsAnswer }) => {
      const stream = column(id);
      workspaces.assertLive(stream.workspaceId);
      const updated = streams.setNeedsAnswer(id, needsAnswer);
      changed(stream.workspaceId);
      return view(updated);
    },
  };
}

function defaultTitle(kind: string, query: string | null): string {
  if (!query) return kind;
  if (/^https?:\/\//i.test(query)) {
    try {
      return new URL(query).hostname.replace(/^www\./, '');
    } catch {
      return query.slice(0, 120);
    }
  }
  return kind === 'hashtag' ? `#${query.replace(/^#/, '')}` : query.slice(0, 120);
}
