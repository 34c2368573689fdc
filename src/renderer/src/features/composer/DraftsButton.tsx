import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Draft } from '../../../../shared/contract/composer';
import type { AppError } from '../../../../shared/contract/errors';
import { Modal } from '../../components/Modal';
import { describeError } from '../../i18n/describeError';
import { useAppStore } from '../../store/AppStoreProvider';
import { formatItemTime } from '../deck/time';
import { useNow } from '../deck/useNow';
import { excerpt } from '../outbox/excerpt';
import { draftKindOf } from './draftKeys';
import '../../styles/composer.css';

/** "Drafts": every unsent draft of the workspace (kept across restarts), to open again or discard. */
export function DraftsButton({ workspaceId }: { workspaceId: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="button" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        {t('composer.drafts')}
      </button>
      {open && <DraftsDialog workspaceId={workspaceId} onClose={() => setOpen(false)} />}
    </>
  );
}

function newestFirst(drafts: readonly Draft[]): Draft[] {
  return [...drafts].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
}

function DraftsDialog({ workspaceId, onClose }: { workspaceId: string; onClose(): void }) {
  const { t, i18n } = useTranslation();
  const now = useNow();
  const listDrafts = useAppStore((state) => state.listDrafts);
  const discardDraft = useAppStore((state) => state.discardDraft);
  const openComposerDialog = useAppStore((state) => state.openComposerDialog);
  const [drafts, setDrafts] = useState<Draft[] | null>(null);
  const [error, setError] = useState<AppError | null>(null);

  const load = useCallback(async () => {
    const outcome = await listDrafts(workspaceId);
    if (outcome.ok) {
      setDrafts(newestFirst(outcome.value));
      setError(null);
    } else setError(outcome.error);
  }, [listDrafts, workspaceId]);

  useEffect(() => {
    let live = true;
    void listDrafts(workspaceId).then((outcome) => {
      if (!live) return;
      if (outcome.ok) setDrafts(newestFirst(outcome.value));
      else setError(outcome.error);
    });
    return () => {
      live = false;
    };
  }, [listDrafts, workspaceId]);

  async function discard(draft: Draft) {
    const outcome = await discardDraft(workspaceId, draft.key);
    if (!outcome.ok) return setError(outcome.error);
    await load();
  }

  return (
    <Modal title={t('composer.draftsTitle')} onClose={onClose}>
      <div className="drafts">
        {error && (
          <p role="alert" className="field__error">
            {t('composer.draftsFailed', { reason: describeError(error, t) })}
          </p>
        )}
        {drafts && drafts.length === 0 && <p className="modal__body">{t('composer.draftsEmpty')}</p>}
        {drafts && drafts.length > 0 && (
          <ul className="drafts__list" aria-label={t('composer.drafts')}>
            {drafts.map((draft) => {
              const text = excerpt(draft.content.text, 80) || t('composer.draftEmptyText');
              return (
                <li key={draft.id} className="drafts__item">
                  <button
                    type="button"
                    className="drafts__open"
                    onClick={() => {
                      onClose();
                      openComposerDialog({ workspaceId, key: draft.key });
                    }}
                  >
                    <span className="drafts__kind">{draftKindOf(draft.key) === 'post' ? t('composer.draftKindPost') : t('composer.draftKindReply')}</span>
                    <span className="drafts__text">{text}</span>
                    <span className="drafts__time">{t('composer.draftSaved', { time: formatItemTime(draft.updatedAt, now, i18n.language) })}</span>
                  </button>
                  <button type="button" className="button button--small button--danger-quiet" aria-label={t('composer.discardDraftNamed', { text })} onClick={() => void discard(draft)}>
                    {t('composer.discardDraft')}
                  </button>
                </li>
              );
            })}
          </ul>
        )}
        <div className="modal__actions">
          <button type="button" className="button button--primary" onClick={onClose} data-autofocus>
            {t('composer.close')}
          </button>
        </div>
      </div>
    </Modal>
  );
}
