import { AppError } from '../../../shared/contract/errors';
import type { Network, StoredItem } from '../../../shared/contract/items';
import type { AccountRepository } from '../accounts/accountRepository';
import { ConnectorError, connectorErrorToAppError, type Connector, type ThreadResult } from '../connectors/connector';
import type { HandlerTable } from '../dispatch';
import type { WorkspaceRepository } from '../workspaces/workspaceRepository';
import type { ItemStore } from './itemStore';

/** How long a thread fetch may take before the user gets remote_unreachable. */
export const THREAD_TIMEOUT_MS = 20_000;

export interface ThreadHandlerDeps {
  items: ItemStore;
  workspaces: WorkspaceRepository;
  accounts: AccountRepository;
  connectors: Partial<Record<Network, Connector>>;
  /** A fetch found the account's credentials expired or revoked (as the poller reports it). */
  onReconnectNeeded?: (accountId: string) => void;
  /**
   * Ids of the workspace's own published replies to this post. The network's index may show a
   * reply seconds after it was posted; the thread shows ours at once.
   */
  publishedRepliesTo?: (workspaceId: string, remoteId: string) => number[];
  timeoutMs?: number;
}

export interface ThreadHandler {
  handlers: Pick<HandlerTable, 'items.thread'>;
  /** Aborts fetches in flight; none of them touches the store afterwards. */
  close(): void;
}

/**
 * items.thread: the conversation around an item of one of the workspace's columns.
 * - The item must be shown by a stream of the workspace (else not_found, as for any other id).
 * - It is read as an account of a stream of this workspace that shows the item and is of the
 *   item's network, a connected one first; failing that, any account of that network in the
 *   workspace. A network without threads (feeds) answers the item alone.
 * - The thread's posts are stored (deduplicated, indexed, with local ids) without joining any
 *   column; items no column shows are read: false.
 * - Connector failures become AppErrors: a post gone from the network is not_found, the rest as
 *   connectorErrorToAppError says (reconnect_needed, remote_unreachable, remote_failed).
 */
export function createThreadHandler(deps: ThreadHandlerDeps): ThreadHandler {
  const { items, workspaces, accounts, connectors } = deps;
  const closing = new AbortController();

  const pickAccount = (workspaceId: string, network: Network, showing: ReadonlyArray<string | null>): string | null => {
    const ofNetwork = (ids: Iterable<string>) =>
      [...new Set(ids)].flatMap((id) => {
        try {
          const account = accounts.get(id);
          return account.workspaceId === workspaceId && account.network === network ? [account] : [];
        } catch {
          return []; // removed meanwhile
        }
      });
    let candidates = ofNetwork(showing.filter((id): id is string => id !== null));
    if (candidates.length === 0) candidates = ofNetwork(accounts.listByWorkspace(workspaceId).map((a) => a.id));
    return (candidates.find((a) => a.status === 'connected') ?? candidates[0])?.id ?? null;
  };

  const handlers: Pick<HandlerTable, 'items.thread'> = {
    'items.thread': async ({ workspaceId, itemId }) => {
      workspaces.get(workspaceId);
      const found = items.inWorkspace(workspaceId, itemId);
      if (!found) throw new AppError('not_found', `There is no item ${itemId} in this workspace.`);
      const connector = connectors[found.item.network];
      if (!connector?.fetchThread) return { ancestors: [], item: found.item, replies: [] };

      const accountId = pickAccount(workspaceId, found.item.network, found.accountIds);
      const signal = AbortSignal.any([closing.signal, AbortSignal.timeout(deps.timeoutMs ?? THREAD_TIMEOUT_MS)]);
      let thread: ThreadResult;
      try {
        thread = await connector.fetchThread({ accountId, remoteId: found.item.remoteId, raw: found.raw, signal });
      } catch (error) {
        if (closing.signal.aborted) throw new AppError('internal', 'The core is shutting down.', { cause: error });
        if (!(error instanceof ConnectorError)) throw error;
        if (error.kind === 'auth' && accountId) deps.onReconnectNeeded?.(accountId);
        if (error.kind === 'not_found') throw new AppError('not_found', error.message, { cause: error });
        throw connectorErrorToAppError(error);
      }
      if (closing.signal.aborted) throw new AppError('internal', 'The core is shutting down.');

      const ids = items.upsertItems([...thread.ancestors, thread.item, ...thread.replies]);
      const stored = items.forWorkspace(workspaceId, ids);
      const byId = new Map(stored.map((item) => [item.id, item]));
      const pick = (from: number, to: number): StoredItem[] => ids.slice(from, to).flatMap((id) => byId.get(id) ?? []);
      const at = thread.ancestors.length;
      const replies = dedupe(pick(at + 1, ids.length)).filter((item) => item.id !== ids[at]);
      const shown = new Set(replies.map((item) => item.id));
      const ours = (deps.publishedRepliesTo?.(workspaceId, thread.item.remoteId) ?? []).filter((id) => !shown.has(id) && id !== ids[at]);
      return {
        ancestors: dedupe(pick(0, at)),
        item: byId.get(ids[at]!) ?? found.item,
        replies: ours.length > 0 ? [...replies, ...items.forWorkspace(workspaceId, ours)] : replies,
      };
    },
  };

  return { handlers, close: () => closing.abort() };
}

/** A malformed thread could name a post twice (a cycle); each appears once, first place wins. */
function dedupe(list: StoredItem[]): StoredItem[] {
  const seen = new Set<number>();
  return list.filter((item) => !seen.has(item.id) && seen.add(item.id));
}
