import { publishingSettingsSchema, type PublishingSettings } from '../../../shared/contract/planner';
import type { Db } from '../store/database';

/** "More than 2 hours late: ask me." */
export const DEFAULT_PUBLISHING_SETTINGS: PublishingSettings = { lateLimitMinutes: 120 };

/** The per-workspace publishing settings (`publishing_settings`): read by the publisher, written by schedule.setSettings. */
export class PublishingSettingsStore {
  private readonly s;

  constructor(db: Db) {
    this.s = {
      get: db.prepare('SELECT settings FROM publishing_settings WHERE workspace_id = ?'),
      put: db.prepare(
        `INSERT INTO publishing_settings (workspace_id, settings) VALUES (?, ?)
         ON CONFLICT (workspace_id) DO UPDATE SET settings = excluded.settings`,
      ),
    };
  }

  get(workspaceId: string): PublishingSettings {
    const row = this.s.get.get(workspaceId) as { settings: string } | undefined;
    if (!row) return DEFAULT_PUBLISHING_SETTINGS;
    let json: unknown = null;
    try {
      json = JSON.parse(row.settings);
    } catch {
      // Only we write the column; an unreadable value falls back to the default.
    }
    const parsed = publishingSettingsSchema.safeParse(json);
    return parsed.success ? parsed.data : DEFAULT_PUBLISHING_SETTINGS;
  }

  put(workspaceId: string, settings: PublishingSettings): PublishingSettings {
    this.s.put.run(workspaceId, JSON.stringify(settings));
    return settings;
  }
}
