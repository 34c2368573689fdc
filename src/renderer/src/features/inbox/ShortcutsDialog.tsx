import { useTranslation } from 'react-i18next';
import { CloseActions } from '../../components/FormActions';
import { Modal } from '../../components/Modal';
import { INBOX_SHORTCUTS } from './inboxKeys';

/** "Keyboard shortcuts" (?): every key of the inbox and what it does. */
export function ShortcutsDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  return (
    <Modal title={t('inbox.shortcuts.title')} onClose={onClose}>
      <dl className="inbox-shortcuts">
        {INBOX_SHORTCUTS.map((shortcut) => (
          <div key={shortcut.action} className="inbox-shortcuts__row">
            <dt>
              {shortcut.keys.map((key, index) => (
                <span key={key}>
                  {index > 0 && ' / '}
                  <kbd>{key}</kbd>
                </span>
              ))}
            </dt>
            <dd>{t(`inbox.shortcuts.actions.${shortcut.action}`)}</dd>
          </div>
        ))}
      </dl>
      <CloseActions onClose={onClose} />
    </Modal>
  );
}
