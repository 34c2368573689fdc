import type { StateCreator } from 'zustand';
import type { StoredItem } from '../../../shared/contract/items';
import { attempt } from './outcome';
import type { AppState, StoreDeps, ThreadSlice, ThreadState } from './types';

/** The conversation around one item (Enter in the deck), shown beside the columns. */
export function createThreadSlice({ client }: StoreDeps): StateCreator<AppState, [], [], ThreadSlice> {
  return (set, get) => {
    /** Only the answer for the thread on screen is shown (the user may open another meanwhile). */
    let generation = 0;

    async function load(workspaceId: string, item: StoredItem): Promise<void> {
      const mine = ++generation;
      const opened: ThreadState = { workspaceId, item, phase: 'loading', ancestors: [], replies: [], error: null, opened: mine };
      // A web feed has no conversation: the entry on its own, at once.
      if (item.network === 'feed') {
        set({ thread: { ...opened, phase: 'ready' } });
        return;
      }
      set({ thread: opened });
      const outcome = await attempt(() => client.items.thread({ workspaceId, itemId: item.id }));
      if (mine !== generation) return;
      set({
        thread: outcome.ok
          ? { ...opened, phase: 'ready', item: outcome.value.item, ancestors: outcome.value.ancestors, replies: outcome.value.replies }
          : { ...opened, phase: 'failed', error: outcome.error },
      });
    }

    function withRead(list: StoredItem[], id: number, read: boolean): StoredItem[] {
      return list.some((entry) => entry.id === id) ? list.map((entry) => (entry.id === id ? { ...entry, read } : entry)) : list;
    }

    return {
      thread: null,

      openThread: async (item) => {
        const workspaceId = get().activeWorkspaceId ?? get().deck.workspaceId;
        if (!workspaceId) return;
        // Opening an item's thread counts as reading it, as showing all of it does.
        if (!item.read) void get().setItemsRead([item.id], true);
        await load(workspaceId, { ...item, read: true });
      },

      retryThread: async () => {
        const thread = get().thread;
        if (thread) await load(thread.workspaceId, thread.item);
      },

      closeThread: () => {
        generation++;
        set({ thread: null });
      },

      setThreadItemRead: (item, read) => {
        set((state) => {
          const thread = state.thread;
          if (!thread) return {};
          return {
            thread: {
              ...thread,
              item: thread.item.id === item.id ? { ...thread.item, read } : thread.item,
              ancestors: withRead(thread.ancestors, item.id, read),
              replies: withRead(thread.replies, item.id, read),
            },
          };
        });
        void get().setItemsRead([item.id], read);
      },
    };
  };
}
