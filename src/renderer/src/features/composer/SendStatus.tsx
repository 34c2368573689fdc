import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutboxEntry } from '../../../../shared/contract/composer';
import type { AppError } from '../../../../shared/contract/errors';
import { describeError } from '../../i18n/describeError';
import { useAppStore } from '../../store/AppStoreProvider';

interface SendStatusProps {
  workspaceId: string;
  /** The entry as composer.send answered it; the store's copy (live via outbox.changed) wins. */
  entry: OutboxEntry;
  /** "Edit" on a failed entry: it became a draft again with this key. */
  onEdit(key: string): void;
}

/** What happened to a sent post: publishing, published (with its link), or failed (why, and what now). */
export function SendStatus({ workspaceId, entry: sent, onEdit }: SendStatusProps) {
  const { t } = useTranslation();
  const live = useAppStore((state) => state.outbox.entries.find((e) => e.id === sent.id));
  const retry = useAppStore((state) => state.retryOutboxEntry);
  const edit = useAppStore((state) => state.editOutboxEntry);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const entry = live && live.updatedAt >= sent.updatedAt ? live : sent;

  async function run<T>(action: () => Promise<{ ok: true; value: T } | { ok: false; error: AppError }>, then?: (value: T) => void) {
    setBusy(true);
    setError(null);
    const outcome = await action();
    setBusy(false);
    if (outcome.ok) then?.(outcome.value);
    else setError(outcome.error);
  }

  return (
    <div className={`composer-sent composer-sent--${entry.state}`}>
      <p role="status" className="composer-sent__state">
        {entry.state === 'failed' ? t('composer.sent.failed', { reason: entry.error?.message ?? '' }) : t(`composer.sent.${entry.state}`)}
      </p>
      {entry.state === 'published' && entry.remoteUrl && (
        <a className="button button--quiet" href={entry.remoteUrl} target="_blank" rel="noreferrer noopener">
          {t('composer.sent.viewPost')}
        </a>
      )}
      {entry.state === 'failed' && (
        <div className="composer-sent__actions">
          <button type="button" className="button" disabled={busy} onClick={() => void run(() => retry(workspaceId, entry.id))}>
            {t('composer.sent.retry')}
          </button>
          <button type="button" className="button" disabled={busy} onClick={() => void run(() => edit(workspaceId, entry.id), (draft) => onEdit(draft.key))}>
            {t('composer.sent.edit')}
          </button>
        </div>
      )}
      {error && (
        <p role="alert" className="field__error">
          {t('composer.outbox.actionFailed', { reason: describeError(error, t) })}
        </p>
      )}
    </div>
  );
}
