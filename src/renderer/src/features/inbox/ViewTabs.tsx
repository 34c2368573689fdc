import { useId, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../store/AppStoreProvider';
import type { WorkspaceViewKind } from '../../store/inboxSlice';

export const VIEW_PANEL_ID = 'workspace-view-panel';
export const viewTabId = (view: WorkspaceViewKind) => `workspace-view-tab-${view}`;

const VIEWS: readonly WorkspaceViewKind[] = ['deck', 'inbox', 'planner'];

/**
 * "Deck", "Inbox" and "Planner" as tabs. The open count is the Inbox tab's description, not part of its
 * name, so that the tab is always found by the same name. Arrow keys move between the tabs.
 */
export function ViewTabs() {
  const { t } = useTranslation();
  const view = useAppStore((state) => state.workspaceView);
  const setView = useAppStore((state) => state.setWorkspaceView);
  const open = useAppStore((state) => state.inbox.counts.open);
  const labelId = useId();
  const countId = useId();
  const refs = useRef(new Map<WorkspaceViewKind, HTMLButtonElement>());

  function onKeyDown(event: KeyboardEvent<HTMLButtonElement>) {
    const index = VIEWS.indexOf(view);
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    const target = event.key === 'Home' ? VIEWS[0] : event.key === 'End' ? VIEWS[VIEWS.length - 1] : step ? VIEWS[(index + step + VIEWS.length) % VIEWS.length] : undefined;
    if (!target) return;
    event.preventDefault();
    setView(target);
    refs.current.get(target)?.focus();
  }

  return (
    <div className="view-tabs" role="tablist" aria-label={t('inbox.views.label')}>
      {VIEWS.map((kind) => (
        <button
          key={kind}
          ref={(element) => {
            if (element) refs.current.set(kind, element);
            else refs.current.delete(kind);
          }}
          type="button"
          role="tab"
          id={viewTabId(kind)}
          className="view-tabs__tab"
          aria-selected={view === kind}
          aria-controls={VIEW_PANEL_ID}
          tabIndex={view === kind ? 0 : -1}
          aria-labelledby={kind === 'inbox' ? labelId : undefined}
          aria-describedby={kind === 'inbox' && open > 0 ? countId : undefined}
          onClick={() => setView(kind)}
          onKeyDown={onKeyDown}
        >
          {kind === 'deck' ? (
            t('inbox.views.deck')
          ) : kind === 'planner' ? (
            t('planner.tab')
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
