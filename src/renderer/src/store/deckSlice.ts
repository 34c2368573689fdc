import type { StateCreator } from 'zustand';
import type { LeitstandClient } from '../../../shared/contract/client';
import type { StreamView } from '../../../shared/contract/streams';
import {
  cursorOf,
  EMPTY_COLUMN,
  moved,
  PAGE_SIZE,
  withAllRead,
  withAtTop,
  withFirstPage,
  withMissedAbove,
  withNewer,
  withOlderPage,
  withReadState,
  type ColumnItems,
} from '../features/deck/columnItems';
import { attempt } from './outcome';
import type { AppState, DeckSlice, DeckState, StoreDeps } from './types';

/** Live arrivals are fetched in batches of this many, a few batches at most per event. */
const NEWER_BATCH = 200;
const NEWER_ROUNDS = 3;

const IDLE_DECK: DeckState = { workspaceId: null, streams: [], phase: 'idle', error: null };

function byPosition(streams: StreamView[]): StreamView[] {
  return streams.slice().sort((a, b) => a.position - b.position);
}

export function createDeckSlice({ client }: StoreDeps): StateCreator<AppState, [], [], DeckSlice> {
  return (set, get) => {
    /** One load at a time per column, in order, so that pages and arrivals never interleave. */
    const queues = new Map<string, Promise<void>>();
    /** Columns with a live fetch queued already (more events just join it). */
    const newerQueued = new Set<string>();

    function enqueue(id: string, task: () => Promise<void>): Promise<void> {
      const previous = queues.get(id) ?? Promise.resolve();
      const run = previous.then(task, task);
      const settled = run.catch(() => undefined);
      queues.set(id, settled);
      void settled.then(() => {
        if (queues.get(id) === settled) queues.delete(id);
      });
      return run;
    }

    const isShown = (id: string) => get().deck.streams.some((stream) => stream.id === id);
    const column = (id: string): ColumnItems => get().columns[id] ?? EMPTY_COLUMN;

    function updateColumn(id: string, update: (column: ColumnItems) => ColumnItems): void {
      // A column removed while its page was on the way keeps no items.
      if (!isShown(id)) return;
      set((state) => ({ columns: { ...state.columns, [id]: update(state.columns[id] ?? EMPTY_COLUMN) } }));
    }

    function updateStream(id: string, update: (stream: StreamView) => StreamView): void {
      set((state) => ({
        deck: { ...state.deck, streams: state.deck.streams.map((stream) => (stream.id === id ? update(stream) : stream)) },
      }));
    }

    async function firstPage(id: string): Promise<void> {
      updateColumn(id, (current) => ({ ...current, phase: current.phase === 'ready' ? 'ready' : 'loading' }));
      const outcome = await attempt(() => client.items.page({ streamId: id, limit: PAGE_SIZE }));
      if (!outcome.ok) {
        updateColumn(id, (current) => ({ ...current, phase: 'failed' }));
        if (!isShown(id)) return;
        get().reportError(outcome.error);
        return;
      }
      updateColumn(id, (current) => withFirstPage(current, outcome.value.items, outcome.value.next));
    }

    async function fetchNewer(id: string): Promise<void> {
      for (let round = 0; round < NEWER_ROUNDS; round++) {
        const current = column(id);
        if (current.phase !== 'ready' || current.gapAbove || !isShown(id)) return;
        const first = current.items[0];
        if (!first) return firstPage(id);
        const outcome = await attempt(() => client.items.newer({ streamId: id, newest: cursorOf(first), limit: NEWER_BATCH }));
        if (!outcome.ok) return; // The next event or reconnect tries again; nothing is lost.
        const items = outcome.value.items;
        updateColumn(id, (latest) => withNewer(latest, items, { limit: NEWER_BATCH }));
        if (items.length < NEWER_BATCH) return;
      }
      // Still more: far too many to insert above the reader. They wait above a gap instead.
      updateColumn(id, (latest) => withMissedAbove({ ...latest, gapAbove: true }, 1));
    }

    function loadNewer(id: string): void {
      if (newerQueued.has(id)) return;
      newerQueued.add(id);
      void enqueue(id, async () => {
        newerQueued.delete(id);
        await fetchNewer(id);
      });
    }

    return {
      deck: IDLE_DECK,
      columns: {},

      loadDeck: async (workspaceId) => {
        set({ deck: { workspaceId, streams: [], phase: 'loading', error: null }, columns: {} });
        const outcome = await attempt(() => client.streams.list({ workspaceId }));
        if (get().deck.workspaceId !== workspaceId) return;
        if (!outcome.ok) {
          set({ deck: { workspaceId, streams: [], phase: 'failed', error: outcome.error } });
          return;
        }
        set({ deck: { workspaceId, streams: byPosition(outcome.value.streams), phase: 'ready', error: null } });
      },

      resyncDeck: async () => {
        const { workspaceId } = get().deck;
        if (!workspaceId) return;
        const outcome = await attempt(() => client.streams.list({ workspaceId }));
        if (!outcome.ok) return;
        get().receiveStreams(outcome.value);
        if (get().deck.phase !== 'ready') set((state) => ({ deck: { ...state.deck, phase: 'ready', error: null } }));
        for (const [id, current] of Object.entries(get().columns)) {
          if (current.phase === 'ready') loadNewer(id);
        }
      },

      receiveStreams: ({ workspaceId, streams }) => {
        if (get().deck.workspaceId !== workspaceId) return;
        const ids = new Set(streams.map((stream) => stream.id));
        set((state) => ({
          deck: { ...state.deck, streams: byPosition(streams) },
          columns: Object.fromEntries(Object.entries(state.columns).filter(([id]) => ids.has(id))),
        }));
      },

      receivePollStatus: ({ workspaceId, streamId, status }) => {
        if (get().deck.workspaceId !== workspaceId) return;
        updateStream(streamId, (stream) => ({ ...stream, status }));
      },

      receiveItemsAdded: ({ workspaceId, streamId, added, unread }) => {
        if (get().deck.workspaceId !== workspaceId || !isShown(streamId)) return;
        updateStream(streamId, (stream) => ({ ...stream, unread }));
        const current = column(streamId);
        if (current.gapAbove) {
          updateColumn(streamId, (latest) => withMissedAbove(latest, added));
        } else if (current.phase !== 'unloaded') {
          // While the first page loads, this runs right after it (the queue keeps the order).
          loadNewer(streamId);
        }
      },

      discoverFeeds: async (url) => {
        const outcome = await attempt(() => client.feeds.discover({ url }));
        return outcome.ok ? { ok: true, value: outcome.value.feeds } : outcome;
      },

      addColumn: async (stream) => {
        const outcome = await attempt(() => client.streams.add(stream));
        if (outcome.ok && get().deck.workspaceId === stream.workspaceId && !isShown(outcome.value.id)) {
          // The 'streams.changed' event follows; until then the new column is shown already.
          set((state) => ({ deck: { ...state.deck, streams: byPosition([...state.deck.streams, outcome.value]) } }));
        }
        return outcome;
      },

      removeColumn: async (id) => {
        const outcome = await attempt(() => client.streams.remove({ id }));
        if (outcome.ok) get().receiveStreams(outcome.value);
        return outcome;
      },

      moveColumn: async (id, position) => {
        const streams = get().deck.streams;
        const from = streams.findIndex((stream) => stream.id === id);
        if (from < 0 || position === from || position < 0 || position >= streams.length) return;
        // Shown at once; the core's list confirms the order (or puts the old one back).
        set((state) => ({ deck: { ...state.deck, streams: moved(streams, from, position).map((s, index) => ({ ...s, position: index })) } }));
        const outcome = await attempt(() => client.streams.move({ id, position }));
        if (outcome.ok) {
          get().receiveStreams(outcome.value);
        } else {
          set((state) => ({ deck: { ...state.deck, streams } }));
          get().reportError(outcome.error);
        }
      },

      refreshColumn: async (id) => {
        const outcome = await attempt(() => client.streams.refresh({ id }));
        if (outcome.ok) updateStream(id, (stream) => ({ ...stream, status: outcome.value.status, unread: outcome.value.unread }));
        else get().reportError(outcome.error);
      },

      markColumnRead: async (id) => {
        const before = get().deck.streams.find((stream) => stream.id === id);
        updateStream(id, (stream) => ({ ...stream, unread: 0 }));
        updateColumn(id, withAllRead);
        const outcome = await attempt(() => client.streams.markRead({ id }));
        if (outcome.ok) {
          updateStream(id, (stream) => ({ ...stream, unread: outcome.value.unread }));
        } else {
          if (before) updateStream(id, (stream) => ({ ...stream, unread: before.unread }));
          get().reportError(outcome.error);
        }
      },

      setItemsRead: async (ids, read) => {
        const workspaceId = get().deck.workspaceId ?? get().search.workspaceId;
        if (!workspaceId || ids.length === 0) return;
        const apply = (value: boolean) => {
          const idSet = new Set(ids);
          set((state) => ({
            columns: Object.fromEntries(Object.entries(state.columns).map(([id, c]) => [id, withReadState(c, idSet, value)])),
            search: withReadState(state.search, idSet, value),
          }));
        };
        apply(read);
        const outcome = await attempt(() => client.items.markRead({ workspaceId, ids, read }));
        if (!outcome.ok) {
          apply(!read);
          get().reportError(outcome.error);
          return;
        }
        // The same item may be in several columns: their unread counts come from the core.
        const list = await attempt(() => client.streams.list({ workspaceId }));
        if (list.ok) get().receiveStreams(list.value);
      },

      loadColumn: (id) =>
        enqueue(id, async () => {
          if (column(id).phase === 'ready' || !isShown(id)) return;
          await firstPage(id);
        }),

      loadOlder: (id) => {
        const current = column(id);
        if (current.phase !== 'ready' || !current.next || current.loadingOlder) return Promise.resolve();
        updateColumn(id, (latest) => ({ ...latest, loadingOlder: true }));
        return enqueue(id, async () => {
          const after = column(id).next;
          if (!after) {
            updateColumn(id, (latest) => ({ ...latest, loadingOlder: false }));
            return;
          }
          const outcome = await attempt(() => client.items.page({ streamId: id, after, limit: PAGE_SIZE }));
          if (!outcome.ok) {
            updateColumn(id, (latest) => ({ ...latest, loadingOlder: false }));
            if (isShown(id)) get().reportError(outcome.error);
            return;
          }
          updateColumn(id, (latest) => withOlderPage(latest, outcome.value.items, outcome.value.next));
        });
      },

      fillGapAbove: (id) =>
        enqueue(id, async () => {
          const current = column(id);
          const first = current.items[0];
          if (!current.gapAbove || !first) return;
          const outcome = await attempt(() => client.items.newer({ streamId: id, newest: cursorOf(first), limit: PAGE_SIZE }));
          if (!outcome.ok) return;
          updateColumn(id, (latest) => withNewer(latest, outcome.value.items, { fillingGap: true, limit: PAGE_SIZE }));
        }),

      reloadColumn: (id) => enqueue(id, () => firstPage(id)),

      setColumnAtTop: (id, atTop) => {
        const current = get().columns[id];
        if (!current) return;
        const next = withAtTop(current, atTop);
        if (next !== current) updateColumn(id, () => next);
      },
    };
  };
}

/** The core's stream and item events, applied to the deck. Returns the function that stops them. */
export function subscribeDeckEvents(getState: () => AppState, client: LeitstandClient): () => void {
  const unsubscribers = [
    client.on('streams.changed', (list) => getState().receiveStreams(list)),
    client.on('poll.status', (payload) => getState().receivePollStatus(payload)),
    client.on('items.added', (payload) => getState().receiveItemsAdded(payload)),
  ];
  return () => unsubscribers.forEach((unsubscribe) => unsubscribe());
}
