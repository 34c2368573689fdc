import { DEFAULT_SETTINGS, settingsSchema, type Settings } from '../../../shared/contract/domain';
import type { Db } from '../store/database';

const SETTINGS_KEY = 'ui';
const ACTIVE_WORKSPACE_KEY = 'activeWorkspaceId';

/** Key-value settings stored as JSON; unknown or damaged values fall back to the defaults. */
export class SettingsRepository {
  constructor(private readonly db: Db) {}

  getSettings(): Settings {
    const parsed = settingsSchema.partial().safeParse(this.readJson(SETTINGS_KEY));
    return { ...DEFAULT_SETTINGS, ...(parsed.success ? parsed.data : {}) };
  }

  updateSettings(patch: Partial<Settings>): Settings {
    const next = { ...this.getSettings(), ...stripUndefined(patch) };
    this.writeJson(SETTINGS_KEY, next);
    return next;
  }

  getActiveWorkspaceId(): string | null {
    const value = this.readJson(ACTIVE_WORKSPACE_KEY);
    return typeof value === 'string' ? value : null;
  }

  setActiveWorkspaceId(id: string | null): void {
    this.writeJson(ACTIVE_WORKSPACE_KEY, id);
  }

  private readJson(key: string): unknown {
    const row = this.db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
    if (!row) return undefined;
    try {
      return JSON.parse(row.value);
    } catch {
      return undefined;
    }
  }

  private writeJson(key: string, value: unknown): void {
    this.db
      .prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value')
      .run(key, JSON.stringify(value));
  }
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
