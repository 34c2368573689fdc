import fs from 'node:fs';
import path from 'node:path';
import Conf from 'conf';
import { describe, expect, it, vi } from 'vitest';
import { Preferences, createMemoryPreferenceStore, type PreferenceStore } from '../../src/main/shell/preferences';
import { tempDir } from './fakes';

vi.mock('electron', () => ({}));

/**
 * electron-store is conf plus Electron's default folder; it imports 'electron' itself, which
 * cannot be replaced inside node_modules here. conf is the same file format and code path for
 * a store with an explicit cwd, so the round trip goes through a real file with it.
 */
function fileStore(dir: string): PreferenceStore {
  const conf = new Conf<Record<string, unknown>>({ cwd: dir, configName: 'preferences', clearInvalidConfig: true });
  return { get: (k) => conf.get(k), set: (k, v) => conf.set(k, v), delete: (k) => conf.delete(k) };
}

const WORKSPACE = '0b7f5d6e-4c1a-4d8e-9f3b-2a6c8e1d5f70';

describe('preferences', () => {
  it('round-trips window bounds and the last workspace through the file', () => {
    const dir = tempDir();
    const first = new Preferences(fileStore(dir));
    first.setWindowState({ x: -1200, y: 40, width: 1366.4, height: 768, maximized: false });
    first.setLastWorkspaceId(WORKSPACE);

    const again = new Preferences(fileStore(dir));
    expect(again.getWindowState()).toEqual({ x: -1200, y: 40, width: 1366, height: 768, maximized: false });
    expect(again.getLastWorkspaceId()).toBe(WORKSPACE);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'preferences.json'), 'utf8'))).toMatchObject({
      lastWorkspaceId: WORKSPACE,
    });

    again.setLastWorkspaceId(null);
    expect(new Preferences(fileStore(dir)).getLastWorkspaceId()).toBeNull();
  });

  it('treats hand-edited nonsense as nothing stored', () => {
    const store = createMemoryPreferenceStore();
    store.set('window', { width: 'wide', height: -3, maximized: 'yes' });
    store.set('lastWorkspaceId', '../../etc/passwd');
    const preferences = new Preferences(store);
    expect(preferences.getWindowState()).toBeNull();
    expect(preferences.getLastWorkspaceId()).toBeNull();
  });

  it('starts afresh from a corrupt file instead of failing', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'preferences.json'), '{ this is not json');
    const preferences = new Preferences(fileStore(dir));
    expect(preferences.getWindowState()).toBeNull();
  });
});
