import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldError } from '../../components/FieldError';
import { Modal } from '../../components/Modal';
import type { Outcome } from '../../store/outcome';
import { parseTags } from './inboxList';
import { useSubmit } from './useSubmit';

interface TagDialogProps {
  /** Every tag in use in the workspace, suggested as one types. */
  known: string[];
  count: number;
  onAdd(tags: string[]): Promise<Outcome<unknown>>;
  onClose(): void;
}

/**
 * "Add tag": one or more tags (comma separated), the workspace's tags suggested as buttons (not a
 * datalist, which would turn the textbox into a combobox); Enter adds.
 */
export function TagDialog({ known, count, onAdd, onClose }: TagDialogProps) {
  const { t } = useTranslation();
  const inputId = useId();
  const hintId = useId();
  const errorId = useId();
  const [value, setValue] = useState('');
  const [invalid, setInvalid] = useState<string | null>(null);
  const { busy, error, run } = useSubmit(onClose);
  const typed = value.split(',').pop()?.trim().toLowerCase() ?? '';
  const suggestions = known.filter((tag) => (typed ? tag.includes(typed) : true)).slice(0, 8);

  function submit(event: FormEvent) {
    event.preventDefault();
    const tags = parseTags(value);
    if (tags.length === 0) {
      setInvalid(t('inbox.tag.required'));
      return;
    }
    setInvalid(null);
    void run(() => onAdd(tags));
  }

  function complete(tag: string) {
    const parts = value.split(',');
    parts[parts.length - 1] = ` ${tag}`;
    setValue(parts.join(',').replace(/^\s+/, ''));
    document.getElementById(inputId)?.focus();
  }

  const message = invalid ?? error;
  return (
    <Modal title={t('inbox.tag.title')} onClose={onClose}>
      <form className="modal__form" onSubmit={submit} noValidate>
        <div className="field">
          <label className="field__label" htmlFor={inputId}>
            {t('inbox.tag.label')}
          </label>
          <input
            id={inputId}
            className="field__input"
            type="text"
            autoComplete="off"
            value={value}
            aria-invalid={invalid ? true : undefined}
            aria-describedby={[hintId, message ? errorId : null].filter(Boolean).join(' ')}
            onChange={(event) => setValue(event.target.value)}
            data-autofocus
          />
          <p id={hintId} className="field__hint">
            {t('inbox.tag.hint', { count })}
          </p>
          <FieldError id={errorId} message={message} />
        </div>
        {suggestions.length > 0 && (
          <div className="inbox-suggestions" role="group" aria-label={t('inbox.tag.suggestions')}>
            {suggestions.map((tag) => (
              <button key={tag} type="button" className="inbox-tag inbox-tag--button" onClick={() => complete(tag)}>
                {tag}
              </button>
            ))}
          </div>
        )}
        <div className="modal__actions">
          <button type="button" className="button" onClick={onClose}>
            {t('dialogs.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={busy}>
            {t('inbox.tag.submit')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
