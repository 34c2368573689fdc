// SCAFFOLD (replaced by the inbox UI): registered in appStore.ts so the inbox can grow here alone.
import type { StateCreator } from 'zustand';
import type { AppState, StoreDeps } from './types';

export interface InboxSlice {
  inboxScaffold: null;
}

export function createInboxSlice(_deps: StoreDeps): StateCreator<AppState, [], [], InboxSlice> {
  return () => ({ inboxScaffold: null });
}
