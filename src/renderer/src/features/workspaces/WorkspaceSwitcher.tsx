import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../store/AppStoreProvider';
import { liveWorkspaces } from '../../store/selectors';
import { ariaShortcut, isMacPlatform, SHORTCUT_COUNT } from './shortcuts';

/** The live workspaces in sidebar order; the active one is marked, the first nine show their shortcut. */
export function WorkspaceSwitcher() {
  const { t } = useTranslation();
  const headingId = useId();
  const workspaces = useAppStore((state) => state.workspaces);
  const activeWorkspaceId = useAppStore((state) => state.activeWorkspaceId);
  const setActiveWorkspace = useAppStore((state) => state.setActiveWorkspace);
  const openDialog = useAppStore((state) => state.openDialog);
  const live = useMemo(() => liveWorkspaces(workspaces), [workspaces]);
  const mac = useMemo(() => isMacPlatform(), []);

  return (
    <section className="sidebar__section" aria-labelledby={headingId}>
      <h2 id={headingId} className="sidebar__heading">
        {t('sidebar.workspacesHeading')}
      </h2>
      {live.length > 0 && (
        <ul className="switcher" aria-labelledby={headingId}>
          {live.map((workspace, index) => {
            const n = index + 1;
            const active = workspace.id === activeWorkspaceId;
            return (
              <li key={workspace.id}>
                <button
                  type="button"
                  className="switcher__item"
                  aria-current={active ? 'page' : undefined}
                  aria-keyshortcuts={n <= SHORTCUT_COUNT ? ariaShortcut(n, mac) : undefined}
                  onClick={() => void setActiveWorkspace(workspace.id)}
                >
                  <span className="switcher__name">{workspace.name}</span>
                  {n <= SHORTCUT_COUNT && (
                    <kbd className="switcher__shortcut" aria-hidden="true">
                      {t(mac ? 'shortcut.mac' : 'shortcut.ctrl', { n })}
                    </kbd>
                  )}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <button type="button" className="button button--sidebar" onClick={() => openDialog({ kind: 'create' })}>
        <span aria-hidden="true" className="button__icon">
          +
        </span>
        {t('sidebar.newWorkspace')}
      </button>
    </section>
  );
}
