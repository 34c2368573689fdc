import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../store/AppStoreProvider';

/** A workspace without columns: what it will hold, what works today, and the way to the first column. */
export function DeckEmptyState({ workspaceId, onAddColumn }: { workspaceId: string; onAddColumn: () => void }) {
  const { t } = useTranslation();
  const openAccounts = useAppStore((state) => state.openAccounts);
  const headingId = useId();
  const nextId = useId();
  return (
    <section className="empty-state" aria-labelledby={headingId}>
      <h2 id={headingId} className="empty-state__title">
        {t('workspace.emptyTitle')}
      </h2>
      <p className="empty-state__body">{t('workspace.emptyBody')}</p>
      <h3 id={nextId} className="empty-state__subtitle">
        {t('workspace.nextStepsHeading')}
      </h3>
      <ol className="empty-state__steps" aria-labelledby={nextId}>
        <li>{t('workspace.nextConnect')}</li>
        <li>{t('workspace.nextColumns')}</li>
      </ol>
      <p className="empty-state__note">{t('workspace.accountsNote')}</p>
      <div className="empty-state__actions">
        <button type="button" className="button button--primary" onClick={onAddColumn}>
          {t('deck.addFirstColumn')}
        </button>
        <button type="button" className="button" onClick={() => openAccounts({ workspaceId })}>
          {t('workspace.connectAccount')}
        </button>
      </div>
    </section>
  );
}
