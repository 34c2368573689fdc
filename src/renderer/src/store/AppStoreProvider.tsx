import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { StoreDeps, AppState } from './types';
import { createAppStore, syncWithCore, type AppStore } from './appStore';

const AppStoreContext = createContext<AppStore | null>(null);

/** One store per client: created once, kept in step with the core while mounted. */
export function AppStoreProvider({ deps, children }: { deps: StoreDeps; children: ReactNode }) {
  const [store] = useState(() => createAppStore(deps));
  useEffect(() => syncWithCore(store, deps), [store, deps]);
  return <AppStoreContext.Provider value={store}>{children}</AppStoreContext.Provider>;
}

export function useAppStore<T>(selector: (state: AppState) => T): T {
  const store = useContext(AppStoreContext);
  if (!store) throw new Error('useAppStore is used outside <AppStoreProvider>.');
  return useStore(store, selector);
}
