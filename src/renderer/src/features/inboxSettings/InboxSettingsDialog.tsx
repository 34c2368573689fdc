import { useTranslation } from 'react-i18next';
import { Modal } from '../../components/Modal';
import { useAppStore } from '../../store/AppStoreProvider';
import { AgentsSection } from './AgentsSection';
import { GeneralSettings } from './GeneralSettings';
import { RulesSection } from './RulesSection';
import '../../styles/inbox.css';

/** "Inbox settings": how this workspace answers (goal, hours, house rules), who answers, and the rules. */
export function InboxSettingsDialog({ workspaceId, onClose }: { workspaceId: string; onClose(): void }) {
  const { t } = useTranslation();
  const meta = useAppStore((state) => (state.inboxMeta.workspaceId === workspaceId ? state.inboxMeta : null));
  return (
    <Modal title={t('inbox.settings.title')} onClose={onClose}>
      <div className="inbox-settings">
        {!meta?.settings ? (
          <p className="inbox-muted" role="status">
            {t('inbox.settings.loading')}
          </p>
        ) : (
          <>
            <GeneralSettings settings={meta.settings} agents={meta.agents} savedReplies={meta.savedReplies} />
            <AgentsSection agents={meta.agents} />
            <RulesSection rules={meta.rules} agents={meta.agents} workspaceId={workspaceId} />
          </>
        )}
      </div>
      <div className="modal__actions">
        <button type="button" className="button" onClick={onClose}>
          {t('dialogs.close')}
        </button>
      </div>
    </Modal>
  );
}
