import type { StateCreator } from 'zustand';
import { attempt } from './outcome';
import type { AppState, SearchSlice, SearchState, StoreDeps } from './types';

export const SEARCH_PAGE_SIZE = 30;

const CLOSED: SearchState = {
  workspaceId: null,
  query: null,
  items: [],
  next: null,
  phase: 'idle',
  loadingMore: false,
  error: null,
};

/** The global search over everything the workspace's streams ever pulled in. */
export function createSearchSlice({ client }: StoreDeps): StateCreator<AppState, [], [], SearchSlice> {
  return (set, get) => {
    /** Only the answer to the latest search is shown (typing fast starts several). */
    let generation = 0;

    return {
      search: CLOSED,

      runSearch: async (workspaceId, query) => {
        const mine = ++generation;
        set((state) => ({
          search: { ...state.search, workspaceId, query, phase: 'loading', loadingMore: false, error: null },
        }));
        const outcome = await attempt(() =>
          client.items.search({ workspaceId, text: query.text, filters: query.filters, limit: SEARCH_PAGE_SIZE }),
        );
        if (mine !== generation) return;
        set({
          search: outcome.ok
            ? { workspaceId, query, items: outcome.value.items, next: outcome.value.next, phase: 'ready', loadingMore: false, error: null }
            : { workspaceId, query, items: [], next: null, phase: 'failed', loadingMore: false, error: outcome.error },
        });
      },

      loadMoreResults: async () => {
        const { search } = get();
        if (!search.workspaceId || !search.query || !search.next || search.loadingMore || search.phase !== 'ready') return;
        const mine = generation;
        const { workspaceId, query, next } = search;
        set((state) => ({ search: { ...state.search, loadingMore: true } }));
        const outcome = await attempt(() =>
          client.items.search({ workspaceId, text: query.text, filters: query.filters, after: next, limit: SEARCH_PAGE_SIZE }),
        );
        if (mine !== generation) return;
        if (!outcome.ok) {
          set((state) => ({ search: { ...state.search, loadingMore: false } }));
          get().reportError(outcome.error);
          return;
        }
        set((state) => {
          const known = new Set(state.search.items.map((item) => item.id));
          return {
            search: {
              ...state.search,
              items: state.search.items.concat(outcome.value.items.filter((item) => !known.has(item.id))),
              next: outcome.value.next,
              loadingMore: false,
            },
          };
        });
      },

      closeSearch: () => {
        generation++;
        set({ search: CLOSED });
      },
    };
  };
}
