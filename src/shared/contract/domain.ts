import { z } from 'zod';

export const workspaceIdSchema = z.string().uuid();

/** Names are what an agency sees in the sidebar all day: trimmed, non-empty, one line. */
export const workspaceNameSchema = z
  .string()
  .trim()
  .min(1, 'A workspace needs a name.')
  .max(80, 'A workspace name has at most 80 characters.')
  .refine((name) => !/[\r\n\t]/.test(name), 'A workspace name is a single line.');

export const workspaceSchema = z.object({
  id: workspaceIdSchema,
  name: z.string(),
  position: z.number().int(),
  archivedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Workspace = z.infer<typeof workspaceSchema>;

export const LANGUAGES = ['system', 'de', 'en'] as const;
export const THEMES = ['system', 'light', 'dark'] as const;

export const settingsSchema = z.object({
  language: z.enum(LANGUAGES),
  theme: z.enum(THEMES),
});
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = { language: 'system', theme: 'system' };

export const keychainStatusSchema = z.object({
  available: z.boolean(),
  /** Why the keychain cannot be used, in words a user can act on; absent when available. */
  reason: z.string().optional(),
});
export type KeychainStatus = z.infer<typeof keychainStatusSchema>;

export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  platform: z.string(),
  shell: z.enum(['desktop', 'headless']),
  dataDir: z.string(),
  schemaVersion: z.number().int(),
  keychain: keychainStatusSchema,
});
export type AppInfo = z.infer<typeof appInfoSchema>;

export const workspaceListSchema = z.object({
  workspaces: z.array(workspaceSchema),
  activeWorkspaceId: workspaceIdSchema.nullable(),
});
export type WorkspaceList = z.infer<typeof workspaceListSchema>;
