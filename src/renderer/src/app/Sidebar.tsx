import { useTranslation } from 'react-i18next';
import { ArchivedWorkspaces } from '../features/workspaces/ArchivedWorkspaces';
import { WorkspaceSwitcher } from '../features/workspaces/WorkspaceSwitcher';
import { useAppStore } from '../store/AppStoreProvider';

/** The navigation landmark: the workspace switcher, the archive, and the way to the settings. */
export function Sidebar() {
  const { t } = useTranslation();
  const openDialog = useAppStore((state) => state.openDialog);
  return (
    <nav className="sidebar" aria-label={t('sidebar.label')}>
      <p className="sidebar__brand">
        <span className="sidebar__logo" aria-hidden="true" />
        {t('app.name')}
      </p>
      <div className="sidebar__scroll">
        <WorkspaceSwitcher />
        <ArchivedWorkspaces />
      </div>
      <div className="sidebar__footer">
        <button type="button" className="button button--sidebar" onClick={() => openDialog({ kind: 'settings' })}>
          <span aria-hidden="true" className="button__icon">
            ⚙
          </span>
          {t('sidebar.settings')}
        </button>
      </div>
    </nav>
  );
}
