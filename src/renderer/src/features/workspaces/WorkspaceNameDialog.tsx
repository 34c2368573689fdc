import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../i18n/describeError';
import { FieldError } from '../../components/FieldError';
import { Modal } from '../../components/Modal';
import type { Outcome } from '../../store/outcome';

/** The core's limit (workspaceNameSchema); the field stops there instead of failing later. */
const MAX_NAME_LENGTH = 80;

interface WorkspaceNameDialogProps {
  title: string;
  submitLabel: string;
  initialName?: string;
  onSubmit: (name: string) => Promise<Outcome<unknown>>;
  onClose: () => void;
}

/** Create and rename: one labelled name field; the core's answer (e.g. a duplicate name) shows inline. */
export function WorkspaceNameDialog({ title, submitLabel, initialName = '', onSubmit, onClose }: WorkspaceNameDialogProps) {
  const { t } = useTranslation();
  const inputId = useId();
  const hintId = useId();
  const errorId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [name, setName] = useState(initialName);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const trimmed = name.trim();
    if (!trimmed) {
      setError(t('dialogs.nameRequired'));
      inputRef.current?.focus();
      return;
    }
    setBusy(true);
    const outcome = await onSubmit(trimmed);
    if (outcome.ok) {
      onClose();
      return;
    }
    setBusy(false);
    setError(describeError(outcome.error, t));
    inputRef.current?.focus();
  }

  return (
    <Modal title={title} onClose={onClose}>
      <form className="modal__form" onSubmit={(event) => void submit(event)} noValidate>
        <div className="field">
          <label htmlFor={inputId} className="field__label">
            {t('dialogs.nameLabel')}
          </label>
          <input
            ref={inputRef}
            id={inputId}
            className="field__input"
            type="text"
            value={name}
            maxLength={MAX_NAME_LENGTH}
            autoComplete="off"
            spellCheck={false}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${errorId} ${hintId}` : hintId}
            onChange={(event) => {
              setName(event.target.value);
              if (error) setError(null);
            }}
            data-autofocus
          />
          <p id={hintId} className="field__hint">
            {t('dialogs.nameHint')}
          </p>
          <FieldError id={errorId} message={error} />
        </div>
        <div className="modal__actions">
          <button type="button" className="button" onClick={onClose}>
            {t('dialogs.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={busy}>
            {submitLabel}
          </button>
        </div>
      </form>
    </Modal>
  );
}
