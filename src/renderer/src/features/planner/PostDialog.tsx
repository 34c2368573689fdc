import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountView } from '../../../../shared/contract/accounts';
import type { AppError } from '../../../../shared/contract/errors';
import type { ScheduledPost } from '../../../../shared/contract/planner';
import { Modal } from '../../components/Modal';
import { describeError } from '../../i18n/describeError';
import { useAppStore } from '../../store/AppStoreProvider';
import { accountLabel, formatEntryWhen, formatMinutes, isMovable } from './calendar';

interface PostDialogProps {
  workspaceId: string;
  entry: ScheduledPost;
  account: AccountView | undefined;
  onMove(entry: ScheduledPost): void;
  onClose(): void;
}

/**
 * A post of the calendar or queue: when, where, its text and state. Published: its link and
 * counts. Failed: why, with "Publish now" (a retry) and "Edit" (back to a draft in the composer).
 */
export function PostDialog({ workspaceId, entry, account, onMove, onClose }: PostDialogProps) {
  const { t, i18n } = useTranslation();
  const retry = useAppStore((state) => state.retryOutboxEntry);
  const edit = useAppStore((state) => state.editOutboxEntry);
  const openComposerDialog = useAppStore((state) => state.openComposerDialog);
  const getPublishingSettings = useAppStore((state) => state.getPublishingSettings);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [lateLimit, setLateLimit] = useState<number | null>(null);
  const tooLate = entry.state === 'failed' && entry.error?.code === 'too_late';

  useEffect(() => {
    if (!tooLate) return;
    let live = true;
    void getPublishingSettings(workspaceId).then((outcome) => {
      if (live && outcome.ok) setLateLimit(outcome.value.lateLimitMinutes);
    });
    return () => {
      live = false;
    };
  }, [getPublishingSettings, tooLate, workspaceId]);

  async function publishNow() {
    setBusy(true);
    setError(null);
    const outcome = await retry(workspaceId, entry.id);
    setBusy(false);
    if (outcome.ok) onClose();
    else setError(outcome.error);
  }

  async function editPost() {
    setBusy(true);
    setError(null);
    const outcome = await edit(workspaceId, entry.id);
    setBusy(false);
    if (!outcome.ok) {
      setError(outcome.error);
      return;
    }
    onClose();
    openComposerDialog({ workspaceId, key: outcome.value.key });
  }

  const units = { h: t('planner.units.h'), min: t('planner.units.min') };
  const counts = entry.counts;
  return (
    <Modal title={t('planner.post.title')} onClose={onClose}>
      <dl className="planner-post">
        <dt>{t('planner.post.when')}</dt>
        <dd>{formatEntryWhen(entry, i18n.language)}</dd>
        <dt>{t('planner.post.account')}</dt>
        <dd>{account ? accountLabel(account) : '?'}</dd>
        <dt>{t('planner.post.state')}</dt>
        <dd className={`planner-post__state planner-post__state--${entry.state}`}>{t(`planner.states.${entry.state}`)}</dd>
      </dl>
      <p className="planner-post__text">{entry.text}</p>

      {entry.state === 'published' && (
        <div className="planner-post__published">
          {entry.remoteUrl && (
            <a className="button" href={entry.remoteUrl} target="_blank" rel="noreferrer noopener">
              {t('planner.post.viewPost')}
            </a>
          )}
          <p className="planner-post__counts">
            {counts && (counts.likes !== null || counts.reposts !== null || counts.replies !== null)
              ? t('planner.post.counts', { likes: counts.likes ?? 0, reposts: counts.reposts ?? 0, replies: counts.replies ?? 0 })
              : t('planner.post.noCounts')}
          </p>
        </div>
      )}

      {entry.state === 'failed' && (
        <p role="alert" className="planner-post__failure">
          {tooLate ? t('planner.post.tooLate', { limit: formatMinutes(lateLimit ?? 120, units) }) : t('planner.post.failed', { reason: entry.error?.message ?? '' })}
        </p>
      )}
      {error && (
        <p role="alert" className="field__error">
          {t('planner.post.actionFailed', { reason: describeError(error, t) })}
        </p>
      )}

      <div className="modal__actions">
        {entry.state === 'failed' && (
          <>
            <button type="button" className="button button--primary" disabled={busy} onClick={() => void publishNow()}>
              {t('planner.post.publishNow')}
            </button>
            <button type="button" className="button" disabled={busy} onClick={() => void editPost()}>
              {t('planner.post.edit')}
            </button>
          </>
        )}
        {isMovable(entry) && (
          <button type="button" className="button" disabled={busy} onClick={() => onMove(entry)}>
            {t('planner.post.move')}
          </button>
        )}
        <button type="button" className="button" onClick={onClose} data-autofocus>
          {t('planner.post.close')}
        </button>
      </div>
    </Modal>
  );
}
