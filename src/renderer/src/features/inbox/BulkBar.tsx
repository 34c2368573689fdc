import { useTranslation } from 'react-i18next';
import type { InboxDialog } from './dialogs';

interface BulkBarProps {
  ids: number[];
  onDone(): void;
  onDialog(dialog: InboxDialog): void;
  onClear(): void;
}

/** The same triage actions for every selected item. */
export function BulkBar({ ids, onDone, onDialog, onClear }: BulkBarProps) {
  const { t } = useTranslation();
  if (ids.length === 0) return null;
  return (
    <div className="inbox-bulk" role="group" aria-label={t('inbox.bulk.label')}>
      <span className="inbox-bulk__count">{t('inbox.bulk.selected', { count: ids.length })}</span>
      <button type="button" className="button button--small" onClick={() => onDialog({ kind: 'assign', ids })}>
        {t('inbox.actions.assign')}
      </button>
      <button type="button" className="button button--small" onClick={() => onDialog({ kind: 'tag', ids })}>
        {t('inbox.actions.tag')}
      </button>
      <button type="button" className="button button--small" onClick={() => onDialog({ kind: 'snooze', ids })}>
        {t('inbox.actions.snooze')}
      </button>
      <button type="button" className="button button--small" onClick={onDone}>
        {t('inbox.actions.done')}
      </button>
      <button type="button" className="button button--small button--quiet" onClick={onClear}>
        {t('inbox.bulk.clear')}
      </button>
    </div>
  );
}
