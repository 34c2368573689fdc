import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../store/AppStoreProvider';
import { Icon } from '../deck/Icon';
import { newPostKey } from './draftKeys';

/** "New post": a composer in a dialog, with a draft key of its own (found again under "Drafts"). */
export function NewPostButton({ workspaceId }: { workspaceId: string }) {
  const { t } = useTranslation();
  const openComposerDialog = useAppStore((state) => state.openComposerDialog);
  return (
    <button type="button" className="button button--primary" onClick={() => openComposerDialog({ workspaceId, key: newPostKey() })}>
      <Icon name="plus" />
      {t('composer.newPost')}
    </button>
  );
}
