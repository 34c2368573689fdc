import { SettingsDialog } from '../features/settings/SettingsDialog';
import {
  ArchiveWorkspaceDialog,
  CreateWorkspaceDialog,
  DeleteWorkspaceDialog,
  RenameWorkspaceDialog,
} from '../features/workspaces/WorkspaceDialogs';
import { useAppStore } from '../store/AppStoreProvider';

/** Renders the one dialog the store says is open. */
export function DialogHost() {
  const dialog = useAppStore((state) => state.dialog);
  const closeDialog = useAppStore((state) => state.closeDialog);
  if (!dialog) return null;
  switch (dialog.kind) {
    case 'create':
      return <CreateWorkspaceDialog onClose={closeDialog} />;
    case 'rename':
      return <RenameWorkspaceDialog key={dialog.workspaceId} workspaceId={dialog.workspaceId} onClose={closeDialog} />;
    case 'archive':
      return <ArchiveWorkspaceDialog key={dialog.workspaceId} workspaceId={dialog.workspaceId} onClose={closeDialog} />;
    case 'delete':
      return <DeleteWorkspaceDialog key={dialog.workspaceId} workspaceId={dialog.workspaceId} onClose={closeDialog} />;
    case 'settings':
      return <SettingsDialog onClose={closeDialog} />;
  }
}
