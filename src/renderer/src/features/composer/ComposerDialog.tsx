import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Modal } from '../../components/Modal';
import { useAppStore } from '../../store/AppStoreProvider';
import type { ComposerDialogRequest } from '../../store/composerSlice';
import { Composer } from './Composer';
import { draftKindOf } from './draftKeys';

/** The composer dialog the store says is open (a new post, or a draft opened again), for the workspace on screen. */
export function ComposerDialogHost({ workspaceId }: { workspaceId: string }) {
  const request = useAppStore((state) => state.composerDialog);
  const close = useAppStore((state) => state.closeComposerDialog);
  const elsewhere = request !== null && request.workspaceId !== workspaceId;
  // Another workspace came on screen: the draft is saved (unmount flushes it) and the dialog goes.
  useEffect(() => {
    if (elsewhere) close();
  }, [elsewhere, close]);
  if (!request || elsewhere) return null;
  return <ComposerDialog key={`${request.workspaceId}|${request.key}`} request={request} onClose={close} />;
}

function ComposerDialog({ request, onClose }: { request: ComposerDialogRequest; onClose(): void }) {
  const { t } = useTranslation();
  const title = draftKindOf(request.key) === 'post' ? t('composer.newPostTitle') : t('composer.replyLabel');
  return (
    <Modal title={title} onClose={onClose}>
      <div className="composer-dialog">
        <Composer workspaceId={request.workspaceId} draftKey={request.key} accountId={null} replyTo={null} autoFocus onClose={onClose} />
      </div>
    </Modal>
  );
}
