import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { InboxStatus } from '../../../../shared/contract/inbox';
import { useAppStore } from '../../store/AppStoreProvider';

/**
 * Says why the list is empty and what brings items here: without connected accounts, how the
 * inbox fills at all; otherwise that this filter has nothing (which, for "Open", is good news).
 */
export function InboxEmptyState({ workspaceId, status, filtered, needsAgent, onSettings }: { workspaceId: string; status: InboxStatus; filtered: boolean; needsAgent: boolean; onSettings(): void }) {
  const { t } = useTranslation();
  const headingId = useId();
  const accounts = useAppStore((state) => (state.accounts.workspaceId === workspaceId ? state.accounts.accounts : []));
  const accountsPhase = useAppStore((state) => state.accounts.phase);
  const openAccounts = useAppStore((state) => state.openAccounts);
  const setView = useAppStore((state) => state.setWorkspaceView);

  if (needsAgent) {
    return (
      <section className="inbox-empty" aria-labelledby={headingId}>
        <h2 id={headingId} className="inbox-empty__title">
          {t('inbox.empty.needsAgentTitle')}
        </h2>
        <p>{t('inbox.empty.needsAgentBody')}</p>
        <button type="button" className="button" onClick={onSettings}>
          {t('inbox.settings.open')}
        </button>
      </section>
    );
  }

  if (accountsPhase === 'ready' && accounts.length === 0 && !filtered) {
    return (
      <section className="inbox-empty" aria-labelledby={headingId}>
        <h2 id={headingId} className="inbox-empty__title">
          {t('inbox.empty.noAccountsTitle')}
        </h2>
        <p>{t('inbox.empty.noAccountsBody')}</p>
        <p>{t('inbox.empty.needsAnswerBody')}</p>
        <div className="inbox-empty__actions">
          <button type="button" className="button button--primary" onClick={() => openAccounts({ workspaceId })}>
            {t('workspace.connectAccount')}
          </button>
          <button type="button" className="button" onClick={() => setView('deck')}>
            {t('inbox.empty.toDeck')}
          </button>
        </div>
      </section>
    );
  }

  return (
    <section className="inbox-empty" aria-labelledby={headingId}>
      <h2 id={headingId} className="inbox-empty__title">
        {filtered ? t('inbox.empty.filteredTitle') : t(`inbox.empty.${status}Title`)}
      </h2>
      <p>{filtered ? t('inbox.empty.filteredBody') : t(`inbox.empty.${status}Body`)}</p>
      {!filtered && status === 'open' && <p>{t('inbox.empty.needsAnswerBody')}</p>}
    </section>
  );
}
