import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutboxEntry } from '../../../../shared/contract/composer';
import type { AppError } from '../../../../shared/contract/errors';
import { CloseActions } from '../../components/FormActions';
import { Modal } from '../../components/Modal';
import { describeError } from '../../i18n/describeError';
import { useAppStore } from '../../store/AppStoreProvider';
import { useComposerEvents } from '../composer/useComposerEvents';
import { formatItemTime } from '../deck/time';
import { useNow } from '../deck/useNow';
import { excerpt } from './excerpt';
import '../../styles/composer.css';

/** "Outbox": what was sent from this workspace, live; failed posts say why and can be retried or edited. */
export function OutboxDialog({ workspaceId, onClose }: { workspaceId: string; onClose(): void }) {
  const { t } = useTranslation();
  useComposerEvents();
  const outbox = useAppStore((state) => state.outbox);
  const loadOutbox = useAppStore((state) => state.loadOutbox);
  const [error, setError] = useState<AppError | null>(null);

  useEffect(() => {
    void loadOutbox(workspaceId);
  }, [loadOutbox, workspaceId]);

  const entries = outbox.workspaceId === workspaceId ? outbox.entries : [];
  return (
    <Modal title={t('composer.outbox.title')} onClose={onClose}>
      <div className="outbox">
        {outbox.phase === 'failed' && outbox.error && (
          <p role="alert" className="field__error">
            {t('composer.outbox.loadFailed', { reason: describeError(outbox.error, t) })}
          </p>
        )}
        {error && (
          <p role="alert" className="field__error">
            {t('composer.outbox.actionFailed', { reason: describeError(error, t) })}
          </p>
        )}
        {outbox.phase === 'ready' && entries.length === 0 && <p className="modal__body">{t('composer.outbox.empty')}</p>}
        {entries.length > 0 && (
          <ul className="outbox__list" aria-label={t('composer.outbox.list')}>
            {entries.map((entry) => (
              <OutboxRow key={entry.id} workspaceId={workspaceId} entry={entry} onError={setError} onEdited={onClose} />
            ))}
          </ul>
        )}
        <CloseActions onClose={onClose} label={t('composer.close')} />
      </div>
    </Modal>
  );
}

function OutboxRow({ workspaceId, entry, onError, onEdited }: { workspaceId: string; entry: OutboxEntry; onError(error: AppError | null): void; onEdited(): void }) {
  const { t, i18n } = useTranslation();
  const now = useNow();
  const retry = useAppStore((state) => state.retryOutboxEntry);
  const edit = useAppStore((state) => state.editOutboxEntry);
  const openComposerDialog = useAppStore((state) => state.openComposerDialog);
  const [busy, setBusy] = useState(false);
  const stateId = useId();
  const short = excerpt(entry.text, 60);
  const when =
    entry.state === 'published' && entry.publishedAt
      ? t('composer.outbox.publishedAt', { time: formatItemTime(entry.publishedAt, now, i18n.language) })
      : entry.state === 'failed'
        ? t('composer.outbox.failedAt', { time: formatItemTime(entry.updatedAt, now, i18n.language) })
        : t('composer.outbox.due', { time: formatItemTime(entry.dueAt, now, i18n.language) });

  async function onRetry() {
    setBusy(true);
    onError(null);
    const outcome = await retry(workspaceId, entry.id);
    setBusy(false);
    if (!outcome.ok) onError(outcome.error);
  }

  async function onEdit() {
    setBusy(true);
    onError(null);
    const outcome = await edit(workspaceId, entry.id);
    setBusy(false);
    if (!outcome.ok) return onError(outcome.error);
    onEdited();
    openComposerDialog({ workspaceId, key: outcome.value.key });
  }

  return (
    <li className={`outbox__entry outbox__entry--${entry.state}`} aria-describedby={stateId}>
      <div className="outbox__meta">
        <span id={stateId} className={`outbox__state outbox__state--${entry.state}`}>
          {t(`composer.outbox.states.${entry.state}`)}
        </span>
        <span>{entry.inboxItemId !== null || entry.replyToItemId !== null ? t('composer.outbox.kindReply') : t('composer.outbox.kindPost')}</span>
        <span>{when}</span>
        {entry.attempts > 1 && <span>{t('composer.outbox.attempts', { count: entry.attempts })}</span>}
      </div>
      <p className="outbox__text">{entry.text}</p>
      {entry.state === 'failed' && entry.error && <p className="outbox__error">{entry.error.message}</p>}
      <div className="outbox__actions">
        {entry.state === 'published' && entry.remoteUrl && (
          <a className="button button--small" href={entry.remoteUrl} target="_blank" rel="noreferrer noopener">
            {t('composer.outbox.viewPost')}
          </a>
        )}
        {entry.state === 'failed' && (
          <>
            <button type="button" className="button button--small" disabled={busy} aria-label={t('composer.outbox.retryNamed', { text: short })} onClick={() => void onRetry()}>
              {t('composer.outbox.retry')}
            </button>
            <button type="button" className="button button--small" disabled={busy} aria-label={t('composer.outbox.editNamed', { text: short })} onClick={() => void onEdit()}>
              {t('composer.outbox.edit')}
            </button>
          </>
        )}
      </div>
    </li>
  );
}
