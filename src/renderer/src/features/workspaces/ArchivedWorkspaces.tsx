import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../store/AppStoreProvider';
import { archivedWorkspaces } from '../../store/selectors';

/** The archive, collapsed by default: each archived workspace can be restored or deleted for good. */
export function ArchivedWorkspaces() {
  const { t } = useTranslation();
  const workspaces = useAppStore((state) => state.workspaces);
  const restoreWorkspace = useAppStore((state) => state.restoreWorkspace);
  const openDialog = useAppStore((state) => state.openDialog);
  const archived = useMemo(() => archivedWorkspaces(workspaces), [workspaces]);
  if (archived.length === 0) return null;

  return (
    <details className="archive">
      <summary className="archive__summary">{t('sidebar.archivedSummary', { count: archived.length })}</summary>
      <ul className="archive__list">
        {archived.map((workspace) => (
          <li key={workspace.id} className="archive__item">
            <span className="archive__name">{workspace.name}</span>
            <span className="archive__actions">
              <button
                type="button"
                className="button button--small"
                aria-label={t('sidebar.restoreNamed', { name: workspace.name })}
                onClick={() => void restoreWorkspace(workspace.id)}
              >
                {t('sidebar.restore')}
              </button>
              <button
                type="button"
                className="button button--small button--danger-quiet"
                aria-label={t('sidebar.deleteNamed', { name: workspace.name })}
                onClick={() => openDialog({ kind: 'delete', workspaceId: workspace.id })}
              >
                {t('sidebar.delete')}
              </button>
            </span>
          </li>
        ))}
      </ul>
    </details>
  );
}
