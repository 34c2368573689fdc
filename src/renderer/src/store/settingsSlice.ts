import type { StateCreator } from 'zustand';
import { DEFAULT_SETTINGS } from '../../../shared/contract/domain';
import { attempt } from './outcome';
import type { AppState, SettingsSlice, StoreDeps } from './types';

export function createSettingsSlice({ client }: StoreDeps): StateCreator<AppState, [], [], SettingsSlice> {
  return (set, get) => ({
    settings: DEFAULT_SETTINGS,
    updateSettings: async (patch) => {
      const previous = get().settings;
      // Applied at once; stored by the core (in the SQLite file), which confirms with its answer.
      set({ settings: { ...previous, ...patch } });
      const outcome = await attempt(() => client.settings.set(patch));
      if (outcome.ok) {
        set({ settings: outcome.value });
      } else {
        set({ settings: previous });
        get().reportError(outcome.error);
      }
    },
  });
}
