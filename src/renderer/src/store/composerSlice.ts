// SCAFFOLD (replaced by the composer UI): registered in appStore.ts so the composer can grow here alone.
import type { StateCreator } from 'zustand';
import type { AppState, StoreDeps } from './types';

export interface ComposerSlice {
  composerScaffold: null;
}

export function createComposerSlice(_deps: StoreDeps): StateCreator<AppState, [], [], ComposerSlice> {
  return () => ({ composerScaffold: null });
}
