import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../store/AppStoreProvider';

/**
 * No live workspace: a new user learns what a workspace is and creates the first one; someone who
 * archived them all is pointed to the archive as well.
 */
export function WelcomeState({ hasArchived }: { hasArchived: boolean }) {
  const { t } = useTranslation();
  const openDialog = useAppStore((state) => state.openDialog);
  return (
    <section className="welcome">
      <h1 className="welcome__title" tabIndex={-1} data-focus-fallback>{hasArchived ? t('welcome.onlyArchivedTitle') : t('welcome.title')}</h1>
      <p className="welcome__body">{hasArchived ? t('welcome.onlyArchivedBody') : t('welcome.body')}</p>
      <button type="button" className="button button--primary button--large" onClick={() => openDialog({ kind: 'create' })}>
        {hasArchived ? t('welcome.createAnother') : t('welcome.create')}
      </button>
    </section>
  );
}
