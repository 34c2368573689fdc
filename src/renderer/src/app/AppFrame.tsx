import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../components/ErrorAlert';
import { describeError } from '../i18n/describeError';
import { useWorkspaceShortcuts } from '../features/workspaces/useWorkspaceShortcuts';
import { WelcomeState } from '../features/workspaces/WelcomeState';
import { WorkspaceView } from '../features/workspaces/WorkspaceView';
import { useAppStore } from '../store/AppStoreProvider';
import { archivedWorkspaces, findWorkspace } from '../store/selectors';
import { DialogHost } from './DialogHost';
import { ReconnectingBanner } from './ReconnectingBanner';
import { Sidebar } from './Sidebar';

/** Sidebar on the left, the active workspace (or the welcome) in the main area. */
export function AppFrame() {
  const { t } = useTranslation();
  const workspaces = useAppStore((state) => state.workspaces);
  const activeWorkspaceId = useAppStore((state) => state.activeWorkspaceId);
  const error = useAppStore((state) => state.error);
  const dismissError = useAppStore((state) => state.dismissError);
  const active = findWorkspace(workspaces, activeWorkspaceId);
  const hasArchived = useMemo(() => archivedWorkspaces(workspaces).length > 0, [workspaces]);
  useWorkspaceShortcuts();

  // Agencies keep several windows and tabs open: the title says which client this one shows.
  const title = active ? t('app.documentTitle', { workspace: active.name }) : t('app.name');
  useEffect(() => {
    document.title = title;
  }, [title]);

  return (
    <div className="app-frame">
      <Sidebar />
      <main className="main">
        <ReconnectingBanner />
        {error && <ErrorAlert message={describeError(error, t)} onDismiss={dismissError} />}
        {active ? <WorkspaceView key={active.id} workspace={active} /> : <WelcomeState hasArchived={hasArchived} />}
      </main>
      <DialogHost />
    </div>
  );
}
