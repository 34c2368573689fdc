/**
 * The method and event names alone, without their schemas, so that the sandboxed preload can
 * build its typed client without bundling zod. `methods.ts` and `events.ts` are checked against
 * these lists at compile time, so the two cannot drift apart.
 */
export const METHOD_NAMES = [
  'app.info',
  'workspaces.list',
  'workspaces.create',
  'workspaces.rename',
  'workspaces.archive',
  'workspaces.restore',
  'workspaces.delete',
  'workspaces.setActive',
  'settings.get',
  'settings.set',
  'streams.list',
  'streams.add',
  'streams.remove',
  'streams.move',
  'streams.refresh',
  'streams.markRead',
  'items.page',
  'items.newer',
  'items.markRead',
  'items.search',
  'items.thread',
  'feeds.discover',
  'accounts.list',
  'accounts.beginMastodon',
  'accounts.completeMastodon',
  'accounts.connectBluesky',
  'accounts.remove',
  'inbox.list',
  'inbox.get',
  'inbox.update',
  'inbox.addNote',
  'inbox.getSettings',
  'inbox.setSettings',
  'inbox.tags',
  'agents.list',
  'agents.create',
  'agents.update',
  'agents.remove',
  'rules.list',
  'rules.save',
  'rules.remove',
  'rules.move',
  'rules.test',
  'contacts.get',
  'contacts.history',
  'contacts.addNote',
  'contacts.setTags',
  'contacts.link',
  'contacts.unlink',
  'contacts.searchAuthors',
  'savedReplies.list',
  'savedReplies.save',
  'savedReplies.remove',
  'streams.setNeedsAnswer',
  'drafts.get',
  'drafts.list',
  'drafts.save',
  'drafts.discard',
  'drafts.addMedia',
  'drafts.setMediaAlt',
  'drafts.removeMedia',
  'drafts.mediaData',
  'composer.check',
  'composer.send',
  'outbox.list',
  'outbox.retry',
  'outbox.edit',
  'plans.get',
  'plans.set',
  'planner.nextFreeSlot',
  'planner.check',
  'planner.bestTimes',
  'schedule.fromDraft',
  'schedule.move',
  'schedule.list',
  'schedule.getSettings',
  'schedule.setSettings',
  'dashboard.volume',
  'dashboard.sentiment',
  'dashboard.shareOfVoice',
  'dashboard.responses',
  'dashboard.posting',
  'dashboard.topAuthors',
  'alerts.list',
  'alerts.items',
  'alerts.acknowledge',
  'alerts.getSettings',
  'alerts.setSettings',
  'insight.status',
  'insight.reanalyze',
  'insight.analyzeText',
] as const;
export type MethodName = (typeof METHOD_NAMES)[number];

export const EVENT_NAMES = ['workspaces.changed', 'settings.changed', 'streams.changed', 'items.added', 'poll.status', 'accounts.changed', 'inbox.changed', 'outbox.changed', 'rules.changed', 'agents.changed', 'savedReplies.changed', 'schedule.changed', 'alerts.raised', 'alerts.changed', 'alerts.open', 'dashboard.changed'] as const;
export type EventName = (typeof EVENT_NAMES)[number];

export function isMethodName(value: unknown): value is MethodName {
  return typeof value === 'string' && (METHOD_NAMES as readonly string[]).includes(value);
}

export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && (EVENT_NAMES as readonly string[]).includes(value);
}

/** The IPC channel a method travels on in the desktop app. */
export function ipcChannelFor(method: MethodName): string {
  return `leitstand:${method}`;
}
export const IPC_EVENT_CHANNEL = 'leitstand:event';
