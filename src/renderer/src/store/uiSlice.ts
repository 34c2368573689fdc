import type { StateCreator } from 'zustand';
import type { AppState, StoreDeps, UiSlice } from './types';

export function createUiSlice({ connection }: StoreDeps): StateCreator<AppState, [], [], UiSlice> {
  return (set) => ({
    status: 'loading',
    connection: connection.getState(),
    dialog: null,
    error: null,
    openDialog: (dialog) => set({ dialog }),
    closeDialog: () => set({ dialog: null }),
    reportError: (error) => set({ error }),
    dismissError: () => set({ error: null }),
    retryConnection: () => connection.retry(),
  });
}
