import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useTabKeys } from '../../components/useTabKeys';
import { useAppStore } from '../../store/AppStoreProvider';
import type { WorkspaceViewKind } from '../../store/inboxSlice';

export const VIEW_PANEL_ID = 'workspace-view-panel';
export const viewTabId = (view: WorkspaceViewKind) => `workspace-view-tab-${view}`;

const VIEWS: readonly WorkspaceViewKind[] = ['deck', 'inbox', 'planner', 'dashboard'];

/**
 * "Deck", "Inbox", "Planner" and "Dashboard" as tabs. The open count is the Inbox tab's description, not part of its
 * name, so that the tab is always found by the same name. Arrow keys, Home and End move between the tabs.
 */
export function ViewTabs() {
  const { t } = useTranslation();
  const view = useAppStore((state) => state.workspaceView);
  const setView = useAppStore((state) => state.setWorkspaceView);
  const open = useAppStore((state) => state.inbox.counts.open);
  const labelId = useId();
  const countId = useId();
  const tabProps = useTabKeys(VIEWS, view, setView);

  return (
    <div className="view-tabs" role="tablist" aria-label={t('inbox.views.label')}>
      {VIEWS.map((kind) => (
        <button
          key={kind}
          {...tabProps(kind)}
          id={viewTabId(kind)}
          className="view-tabs__tab"
          aria-controls={VIEW_PANEL_ID}
          aria-labelledby={kind === 'inbox' ? labelId : undefined}
          aria-describedby={kind === 'inbox' && open > 0 ? countId : undefined}
        >
          {kind === 'deck' ? (
            t('inbox.views.deck')
          ) : kind === 'planner' ? (
            t('planner.tab')
          ) : kind === 'dashboard' ? (
            t('dashboard.tab')
          ) : (
            <>
              <span id={labelId}>{t('inbox.views.inbox')}</span>
              {open > 0 && (
                <span className="view-tabs__badge">
                  <span aria-hidden="true">{open > 999 ? '999+' : open}</span>
                  <span id={countId} className="sr-only">
                    {t('inbox.views.openCount', { count: open })}
                  </span>
                </span>
              )}
            </>
          )}
        </button>
      ))}
    </div>
  );
}
