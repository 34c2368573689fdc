import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { INQUIRY_TYPES, type InquiryType } from '../../../../shared/contract/analysis';
import type { SavedReply } from '../../../../shared/contract/inbox';
import { SAVED_REPLY_VARIABLES } from '../../../../shared/inbox/savedReplyText';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { FieldError } from '../../components/FieldError';
import { FormActions } from '../../components/FormActions';
import { Modal } from '../../components/Modal';
import { useSubmit } from '../../components/useSubmit';
import { describeError } from '../../i18n/describeError';
import { useAppStore } from '../../store/AppStoreProvider';
import { useComposerEvents } from '../composer/useComposerEvents';
import { parseKeywords } from './replyVariables';
import '../../styles/composer.css';
import '../../styles/analysis.css';

type Editing = { kind: 'list' } | { kind: 'form'; reply: SavedReply | null };

/** "Manage saved replies": the workspace's replies, and the form that creates or edits one. */
export function SavedRepliesManager({ workspaceId, onClose }: { workspaceId: string; onClose(): void }) {
  const { t } = useTranslation();
  useComposerEvents();
  const state = useAppStore((s) => s.savedReplies);
  const loadSavedReplies = useAppStore((s) => s.loadSavedReplies);
  const removeSavedReply = useAppStore((s) => s.removeSavedReply);
  const [editing, setEditing] = useState<Editing>({ kind: 'list' });
  const [deleting, setDeleting] = useState<SavedReply | null>(null);

  useEffect(() => {
    void loadSavedReplies(workspaceId);
  }, [loadSavedReplies, workspaceId]);

  const replies = state.workspaceId === workspaceId ? state.replies : [];

  return (
    <Modal title={t('composer.savedReplies.manageTitle')} onClose={onClose}>
      <div className="saved-replies-manager">
        {editing.kind === 'form' ? (
          <SavedReplyForm workspaceId={workspaceId} reply={editing.reply} onDone={() => setEditing({ kind: 'list' })} />
        ) : (
          <>
            {state.phase === 'failed' && state.error && (
              <p role="alert" className="field__error">
                {t('composer.savedReplies.loadFailed', { reason: describeError(state.error, t) })}
              </p>
            )}
            {state.phase === 'ready' && replies.length === 0 && <p className="modal__body">{t('composer.savedReplies.empty')}</p>}
            <ul className="saved-replies-manager__list" aria-label={t('composer.savedReplies.list')}>
              {replies.map((reply) => (
                <li key={reply.id} className="saved-replies-manager__item">
                  <div className="saved-replies-manager__text">
                    <p className="saved-replies__title">{reply.title}</p>
                    <p className="saved-replies__excerpt">{reply.body}</p>
                    {reply.keywords.length > 0 && <p className="saved-replies__keywords">{t('composer.savedReplies.keywordsLabel', { keywords: reply.keywords.join(', ') })}</p>}
                    {reply.inquiryTypes.length > 0 && (
                      <p className="saved-replies__keywords">
                        {t('composer.savedReplies.inquiryTypesLabel', { types: reply.inquiryTypes.map((type) => t(`analysis.inquiry.${type}`)).join(', ') })}
                      </p>
                    )}
                  </div>
                  <div className="saved-replies-manager__actions">
                    <button type="button" className="button button--small" aria-label={t('composer.savedReplies.editNamed', { title: reply.title })} onClick={() => setEditing({ kind: 'form', reply })}>
                      {t('composer.savedReplies.edit')}
                    </button>
                    <button type="button" className="button button--small button--danger-quiet" aria-label={t('composer.savedReplies.deleteNamed', { title: reply.title })} onClick={() => setDeleting(reply)}>
                      {t('composer.savedReplies.delete')}
                    </button>
                  </div>
                </li>
              ))}
            </ul>
            <div className="modal__actions">
              <button type="button" className="button" onClick={() => setEditing({ kind: 'form', reply: null })} data-autofocus>
                {t('composer.savedReplies.create')}
              </button>
              <button type="button" className="button button--primary" onClick={onClose}>
                {t('composer.close')}
              </button>
            </div>
          </>
        )}
      </div>
      {deleting && (
        <ConfirmDialog
          title={t('composer.savedReplies.deleteConfirmTitle')}
          body={t('composer.savedReplies.deleteConfirmBody', { title: deleting.title })}
          confirmLabel={t('composer.savedReplies.delete')}
          tone="danger"
          onConfirm={() => removeSavedReply(workspaceId, deleting.id)}
          onClose={() => setDeleting(null)}
        />
      )}
    </Modal>
  );
}

function SavedReplyForm({ workspaceId, reply, onDone }: { workspaceId: string; reply: SavedReply | null; onDone(): void }) {
  const { t } = useTranslation();
  const saveSavedReply = useAppStore((s) => s.saveSavedReply);
  const [title, setTitle] = useState(reply?.title ?? '');
  const [body, setBody] = useState(reply?.body ?? '');
  const [keywords, setKeywords] = useState(reply?.keywords.join(', ') ?? '');
  const [inquiryTypes, setInquiryTypes] = useState<InquiryType[]>(reply?.inquiryTypes ?? []);
  const { busy, error, setError, run } = useSubmit(onDone);
  const titleId = useId();
  const bodyId = useId();
  const keywordsId = useId();
  const keywordsHintId = useId();
  const variablesId = useId();
  const inquiryHintId = useId();
  const errorId = useId();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!title.trim()) return setError(t('composer.savedReplies.titleRequired'));
    if (!body.trim()) return setError(t('composer.savedReplies.bodyRequired'));
    await run(() =>
      saveSavedReply({
        workspaceId,
        ...(reply ? { id: reply.id } : {}),
        reply: { title: title.trim(), body: body.trim(), keywords: parseKeywords(keywords), inquiryTypes: INQUIRY_TYPES.filter((type) => inquiryTypes.includes(type)) },
      }),
    );
  }

  return (
    <form className="modal__form" onSubmit={(event) => void submit(event)} noValidate>
      <div className="field">
        <label htmlFor={titleId} className="field__label">
          {t('composer.savedReplies.fieldTitle')}
        </label>
        <input id={titleId} className="field__input" value={title} maxLength={120} required onChange={(event) => setTitle(event.target.value)} data-autofocus />
      </div>
      <div className="field">
        <label htmlFor={bodyId} className="field__label">
          {t('composer.savedReplies.fieldBody')}
        </label>
        <textarea id={bodyId} className="field__input saved-replies-manager__body" rows={5} value={body} maxLength={5000} required aria-describedby={variablesId} onChange={(event) => setBody(event.target.value)} />
        <p id={variablesId} className="field__hint">
          {t('composer.savedReplies.variablesHint', { variables: SAVED_REPLY_VARIABLES.map((name) => `{{${name}}}`).join(' ') })}
        </p>
      </div>
      <div className="field">
        <label htmlFor={keywordsId} className="field__label">
          {t('composer.savedReplies.fieldKeywords')}
        </label>
        <input id={keywordsId} className="field__input" value={keywords} aria-describedby={keywordsHintId} onChange={(event) => setKeywords(event.target.value)} />
        <p id={keywordsHintId} className="field__hint">
          {t('composer.savedReplies.keywordsHint')}
        </p>
      </div>
      <div className="field">
        <fieldset className="analysis-choices" aria-describedby={inquiryHintId}>
          <legend className="field__label">{t('composer.savedReplies.fieldInquiryTypes')}</legend>
          {INQUIRY_TYPES.map((type) => (
            <label key={type} className="analysis-choices__option">
              <input
                type="checkbox"
                checked={inquiryTypes.includes(type)}
                onChange={(event) => setInquiryTypes((current) => (event.target.checked ? [...current.filter((entry) => entry !== type), type] : current.filter((entry) => entry !== type)))}
              />
              {t(`analysis.inquiry.${type}`)}
            </label>
          ))}
        </fieldset>
        <p id={inquiryHintId} className="field__hint">
          {t('composer.savedReplies.inquiryTypesHint')}
        </p>
      </div>
      <FieldError id={errorId} message={error} />
      <FormActions submitLabel={t('composer.savedReplies.save')} cancelLabel={t('composer.savedReplies.cancel')} busy={busy} onCancel={onDone} />
    </form>
  );
}
