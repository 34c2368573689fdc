import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useAppStore } from '../../store/AppStoreProvider';
import { findWorkspace } from '../../store/selectors';
import { WorkspaceNameDialog } from './WorkspaceNameDialog';

export function CreateWorkspaceDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const createWorkspace = useAppStore((state) => state.createWorkspace);
  return (
    <WorkspaceNameDialog
      title={t('dialogs.create.title')}
      submitLabel={t('dialogs.create.submit')}
      onSubmit={createWorkspace}
      onClose={onClose}
    />
  );
}

export function RenameWorkspaceDialog({ workspaceId, onClose }: { workspaceId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const workspace = useAppStore((state) => findWorkspace(state.workspaces, workspaceId));
  const renameWorkspace = useAppStore((state) => state.renameWorkspace);
  if (!workspace) return null;
  return (
    <WorkspaceNameDialog
      title={t('dialogs.rename.title')}
      submitLabel={t('dialogs.rename.submit')}
      initialName={workspace.name}
      onSubmit={(name) => renameWorkspace(workspaceId, name)}
      onClose={onClose}
    />
  );
}

export function ArchiveWorkspaceDialog({ workspaceId, onClose }: { workspaceId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const workspace = useAppStore((state) => findWorkspace(state.workspaces, workspaceId));
  const archiveWorkspace = useAppStore((state) => state.archiveWorkspace);
  if (!workspace) return null;
  return (
    <ConfirmDialog
      title={t('dialogs.archive.title', { name: workspace.name })}
      body={t('dialogs.archive.body')}
      confirmLabel={t('dialogs.archive.confirm')}
      onConfirm={() => archiveWorkspace(workspaceId)}
      onClose={onClose}
    />
  );
}

export function DeleteWorkspaceDialog({ workspaceId, onClose }: { workspaceId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const workspace = useAppStore((state) => findWorkspace(state.workspaces, workspaceId));
  const deleteWorkspace = useAppStore((state) => state.deleteWorkspace);
  if (!workspace) return null;
  return (
    <ConfirmDialog
      title={t('dialogs.delete.title', { name: workspace.name })}
      body={t('dialogs.delete.body')}
      confirmLabel={t('dialogs.delete.confirm')}
      tone="danger"
      onConfirm={() => deleteWorkspace(workspaceId)}
      onClose={onClose}
    />
  );
}
