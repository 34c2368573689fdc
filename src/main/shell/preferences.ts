import { z } from 'zod';
import { workspaceIdSchema } from '../../shared/contract/domain';

/**
 * Shell-only state that is about this machine, not about the user's data: where the window
 * was, which workspace was open, and whether the app keeps running in the tray. It lives in electron-store (a JSON file beside the
 * database), so it never needs a migration and losing it costs nothing but a window position.
 */
export interface PreferenceStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  delete(key: string): void;
}

const coordinate = z.number().int().min(-100_000).max(100_000);
const length = z.number().int().min(1).max(100_000);

export const windowStateSchema = z.object({
  x: coordinate.optional(),
  y: coordinate.optional(),
  width: length,
  height: length,
  maximized: z.boolean(),
});
export type WindowState = z.infer<typeof windowStateSchema>;

const WINDOW_KEY = 'window';
const LAST_WORKSPACE_KEY = 'lastWorkspaceId';
const RUN_IN_TRAY_KEY = 'runInTray';

/**
 * Whether closing the window keeps Leitstand running in the tray (so scheduled posts still go
 * out), when the user has not said. On Linux and Windows an app that keeps working lives in the
 * tray; on macOS closing the last window traditionally ends such an app, and the menu bar is
 * not where people look for it.
 */
export function defaultRunInTray(platform: NodeJS.Platform): boolean {
  return platform !== 'darwin';
}

export class Preferences {
  constructor(private readonly store: PreferenceStore) {}

  /** Null when nothing (or something unusable, e.g. a hand-edited file) is stored. */
  getWindowState(): WindowState | null {
    const parsed = windowStateSchema.safeParse(this.store.get(WINDOW_KEY));
    return parsed.success ? parsed.data : null;
  }

  setWindowState(state: WindowState): void {
    const parsed = windowStateSchema.safeParse({
      ...state,
      x: state.x === undefined ? undefined : Math.round(state.x),
      y: state.y === undefined ? undefined : Math.round(state.y),
      width: Math.round(state.width),
      height: Math.round(state.height),
    });
    if (parsed.success) this.store.set(WINDOW_KEY, parsed.data);
  }

  getLastWorkspaceId(): string | null {
    const parsed = workspaceIdSchema.safeParse(this.store.get(LAST_WORKSPACE_KEY));
    return parsed.success ? parsed.data : null;
  }

  setLastWorkspaceId(id: string | null): void {
    if (id === null) this.store.delete(LAST_WORKSPACE_KEY);
    else this.store.set(LAST_WORKSPACE_KEY, id);
  }

  /** The stored choice, or the platform's default when there is none (or it is not a boolean). */
  getRunInTray(platform: NodeJS.Platform): boolean {
    const value = this.store.get(RUN_IN_TRAY_KEY);
    return typeof value === 'boolean' ? value : defaultRunInTray(platform);
  }

  setRunInTray(value: boolean): void {
    this.store.set(RUN_IN_TRAY_KEY, value);
  }
}

/** Used when the preferences file cannot be opened at all: the app still starts. */
export function createMemoryPreferenceStore(): PreferenceStore {
  const values = new Map<string, unknown>();
  return {
    get: (key) => values.get(key),
    set: (key, value) => void values.set(key, value),
    delete: (key) => void values.delete(key),
  };
}

export const PREFERENCES_FILE_NAME = 'preferences';

/**
 * Opens preferences.json in `dir` (the data folder, so that `--data-dir` isolates it too).
 * electron-store is ESM-only; the dynamic import keeps the CommonJS main bundle loading it
 * through import(), which Electron's Node supports without relying on require(esm).
 */
export async function openPreferenceStore(dir: string): Promise<PreferenceStore> {
  const { default: ElectronStore } = await import('electron-store');
  const store = new ElectronStore<Record<string, unknown>>({
    cwd: dir,
    name: PREFERENCES_FILE_NAME,
    // A damaged preferences file must never keep the app from starting; all it held was a
    // window position, a workspace id and the tray choice.
    clearInvalidConfig: true,
  });
  return {
    get: (key) => store.get(key),
    set: (key, value) => store.set(key, value),
    delete: (key) => store.delete(key),
  };
}

/**
 * electron-store registers a synchronous IPC listener ('electron-store-get-data') so that
 * renderers could build stores of their own. Ours never do, and every channel the main
 * process answers is one more thing to audit, so the shell removes it again.
 */
export const ELECTRON_STORE_IPC_CHANNEL = 'electron-store-get-data';
