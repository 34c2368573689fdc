import { inboxSettingsSchema, type InboxSettings } from '../../../shared/contract/inbox';
import { defaultInboxSettings } from '../../../shared/inbox/defaults';
import type { Db } from '../store/database';

type SettingsKey = keyof InboxSettings;
const KEYS = Object.keys(inboxSettingsSchema.shape) as SettingsKey[];

/**
 * A workspace's inbox settings as JSON in `inbox_settings`. Read field by field: a value that no
 * longer validates (a time zone the runtime dropped) falls back to its default and takes the
 * others with it no more than it must.
 */
export class InboxSettingsRepository {
  private readonly select;
  private readonly upsert;

  constructor(db: Db) {
    this.select = db.prepare('SELECT settings FROM inbox_settings WHERE workspace_id = ?');
    this.upsert = db.prepare(
      'INSERT INTO inbox_settings (workspace_id, settings) VALUES (?, ?) ON CONFLICT (workspace_id) DO UPDATE SET settings = excluded.settings',
    );
  }

  get(workspaceId: string): InboxSettings {
    const settings = defaultInboxSettings();
    const stored = this.readStored(workspaceId);
    for (const key of KEYS) {
      if (!(key in stored)) continue;
      const parsed = inboxSettingsSchema.shape[key].safeParse(stored[key]);
      if (parsed.success) (settings as Record<SettingsKey, unknown>)[key] = parsed.data;
    }
    return settings;
  }

  /** Stores the whole, already validated settings. */
  put(workspaceId: string, settings: InboxSettings): void {
    this.upsert.run(workspaceId, JSON.stringify(inboxSettingsSchema.parse(settings)));
  }

  private readStored(workspaceId: string): Record<string, unknown> {
    const row = this.select.get(workspaceId) as { settings: string } | undefined;
    if (!row) return {};
    try {
      const value = JSON.parse(row.settings) as unknown;
      return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
    } catch {
      return {};
    }
  }
}
