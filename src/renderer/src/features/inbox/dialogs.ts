/** The inbox's dialogs, opened from the keys, the toolbar or the conversation. */
export type InboxDialog = { kind: 'assign' | 'tag' | 'snooze'; ids: number[] } | { kind: 'help' } | { kind: 'settings' };
