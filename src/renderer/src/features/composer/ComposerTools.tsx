import { useEffect } from 'react';
import { useAppStore } from '../../store/AppStoreProvider';
import { OutboxButton } from '../outbox/OutboxButton';
import { OutboxDialog } from '../outbox/OutboxDialog';
import { SavedRepliesButton } from '../savedReplies/SavedRepliesButton';
import { SavedRepliesManager } from '../savedReplies/SavedRepliesManager';
import { ComposerDialogHost } from './ComposerDialog';
import { DraftsButton } from './DraftsButton';
import { NewPostButton } from './NewPostButton';

/**
 * The composer's part of the workspace header: "New post", "Drafts", "Outbox", "Manage saved
 * replies", and the dialogs they (and the composer) open. One line in the workspace view.
 */
export function ComposerTools({ workspaceId }: { workspaceId: string }) {
  return (
    <>
      <NewPostButton workspaceId={workspaceId} />
      <DraftsButton workspaceId={workspaceId} />
      <OutboxButton workspaceId={workspaceId} />
      <SavedRepliesButton workspaceId={workspaceId} />
      <ComposerDialogs workspaceId={workspaceId} />
    </>
  );
}

/** The composer dialog, the outbox and the saved-replies manager, for the workspace on screen. */
export function ComposerDialogs({ workspaceId }: { workspaceId: string }) {
  const panel = useAppStore((state) => state.composerPanel);
  const closePanel = useAppStore((state) => state.closeComposerPanel);
  const elsewhere = panel !== null && panel.workspaceId !== workspaceId;
  useEffect(() => {
    if (elsewhere) closePanel();
  }, [elsewhere, closePanel]);
  return (
    <>
      <ComposerDialogHost workspaceId={workspaceId} />
      {panel?.kind === 'outbox' && !elsewhere && <OutboxDialog workspaceId={workspaceId} onClose={closePanel} />}
      {panel?.kind === 'manageSavedReplies' && !elsewhere && <SavedRepliesManager workspaceId={workspaceId} onClose={closePanel} />}
    </>
  );
}
