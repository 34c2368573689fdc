import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Workspace } from '../../../../shared/contract/domain';
import { useAppStore } from '../../store/AppStoreProvider';
import { AccountsButton } from '../accounts/AccountsButton';
import { ComposerTools } from '../composer/ComposerTools';
import { AccountsDialogHost } from '../accounts/AccountsDialog';
import { AddColumnDialog } from '../deck/AddColumnDialog';
import { Deck } from '../deck/Deck';
import { Icon } from '../deck/Icon';
import { InboxView } from '../inbox/InboxView';
import { useViewKeys } from '../inbox/useViewKeys';
import { VIEW_PANEL_ID, viewTabId, ViewTabs } from '../inbox/ViewTabs';
import { SearchBox } from '../search/SearchBox';
import { SearchPanel } from '../search/SearchPanel';
import { ThreadPanel } from '../thread/ThreadPanel';
import { AlertBanner } from '../alerts/AlertBanner';
import { AlertItemsHost } from '../alerts/AlertItemsDialog';

// The planner and the dashboard bring the chart library along: loaded when first opened, so the
// deck and the inbox start without it.
const PlannerView = lazy(() => import('../planner/PlannerView').then((module) => ({ default: module.PlannerView })));
const DashboardView = lazy(() => import('../dashboard/DashboardView').then((module) => ({ default: module.DashboardView })));

/** The main area for the active workspace: its name as the page heading, its actions, its columns. */
export function WorkspaceView({ workspace }: { workspace: Workspace }) {
  const { t } = useTranslation();
  const openDialog = useAppStore((state) => state.openDialog);
  const loadAccounts = useAppStore((state) => state.loadAccounts);
  const loadInbox = useAppStore((state) => state.loadInbox);
  const loadAlerts = useAppStore((state) => state.loadAlerts);
  const view = useAppStore((state) => state.workspaceView);
  const [addingColumn, setAddingColumn] = useState(false);
  useEffect(() => {
    void loadAccounts(workspace.id);
    // The Inbox tab shows the open count in either view.
    void loadInbox(workspace.id);
    // An active spike alert shows its banner in every view.
    void loadAlerts(workspace.id);
  }, [loadAccounts, loadInbox, loadAlerts, workspace.id]);
  useViewKeys();
  return (
    <div className="workspace">
      <header className="workspace-header">
        <div className="workspace-header__titles">
          <p className="workspace-header__kicker">{t('workspace.kicker')}</p>
          <h1 className="workspace-header__name" tabIndex={-1} data-focus-fallback>
            {workspace.name}
          </h1>
        </div>
        <ViewTabs />
        <div className="workspace-header__tools">
          <SearchBox workspaceId={workspace.id} />
          <AccountsButton workspaceId={workspace.id} />
          <ComposerTools workspaceId={workspace.id} />
          <button type="button" className="button" onClick={() => setAddingColumn(true)}>
            <Icon name="plus" />
            {t('deck.addColumn')}
          </button>
        </div>
        <div className="workspace-header__actions" role="group" aria-label={t('workspace.actions')}>
          <button type="button" className="button" onClick={() => openDialog({ kind: 'rename', workspaceId: workspace.id })}>
            {t('workspace.rename')}
          </button>
          <button type="button" className="button" onClick={() => openDialog({ kind: 'archive', workspaceId: workspace.id })}>
            {t('workspace.archive')}
          </button>
        </div>
      </header>
      <AlertBanner workspaceId={workspace.id} />
      <div id={VIEW_PANEL_ID} className="workspace__body" role="tabpanel" aria-labelledby={viewTabId(view)}>
        <SearchPanel workspaceId={workspace.id} />
        {view === 'dashboard' ? (
          <Suspense fallback={<ViewLoading />}>
            <DashboardView workspace={workspace} />
          </Suspense>
        ) : view === 'planner' ? (
          <Suspense fallback={<ViewLoading />}>
            <PlannerView workspaceId={workspace.id} />
          </Suspense>
        ) : view === 'inbox' ? (
          <InboxView workspaceId={workspace.id} />
        ) : (
          <>
            <Deck workspaceId={workspace.id} onAddColumn={() => setAddingColumn(true)} />
            <ThreadPanel workspaceId={workspace.id} />
          </>
        )}
      </div>
      {addingColumn && <AddColumnDialog workspaceId={workspace.id} onClose={() => setAddingColumn(false)} />}
      <AccountsDialogHost workspaceId={workspace.id} />
      <AlertItemsHost workspaceId={workspace.id} />
    </div>
  );
}

function ViewLoading() {
  const { t } = useTranslation();
  return (
    <p className="workspace__loading" role="status">
      {t('workspace.loadingView')}
    </p>
  );
}
