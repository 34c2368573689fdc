import { useAppStore } from '../../store/AppStoreProvider';

const LOCAL_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/** Alert hours are read in the workspace's zone (inbox settings), the browser's until those are there. */
export function useAlertZone(workspaceId: string): string {
  return useAppStore((state) => (state.inboxMeta.workspaceId === workspaceId && state.inboxMeta.settings ? state.inboxMeta.settings.timeZone : LOCAL_ZONE));
}
