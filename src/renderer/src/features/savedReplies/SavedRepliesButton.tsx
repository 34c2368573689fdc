import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../store/AppStoreProvider';

/** Opens "Manage saved replies" for the workspace (the composer has its own quick picker). */
export function SavedRepliesButton({ workspaceId }: { workspaceId: string }) {
  const { t } = useTranslation();
  const openComposerPanel = useAppStore((state) => state.openComposerPanel);
  return (
    <button type="button" className="button" onClick={() => openComposerPanel({ kind: 'manageSavedReplies', workspaceId })}>
      {t('composer.savedReplies.manage')}
    </button>
  );
}
