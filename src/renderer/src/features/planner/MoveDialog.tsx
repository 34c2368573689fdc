import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScheduledPost } from '../../../../shared/contract/planner';
import { FieldError } from '../../components/FieldError';
import { Modal } from '../../components/Modal';
import { entryLocal, entryZone, isLocalDateTime } from './calendar';

interface MoveDialogProps {
  entry: ScheduledPost;
  name: string;
  /** Resolves once the core answered (moved, warnings pending, or failed). */
  onMove(local: string, timeZone: string): Promise<void>;
  onClose(): void;
}

/** "Move…": the keyboard's way to drag a post, a date and time in the post's own zone. */
export function MoveDialog({ entry, name, onMove, onClose }: MoveDialogProps) {
  const { t } = useTranslation();
  const fieldId = useId();
  const hintId = useId();
  const errorId = useId();
  const zone = entryZone(entry);
  const [value, setValue] = useState(() => entryLocal(entry));
  const [invalid, setInvalid] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!isLocalDateTime(value)) {
      setInvalid(t('planner.move.invalid'));
      return;
    }
    setInvalid(null);
    setBusy(true);
    await onMove(value, zone);
    setBusy(false);
  }

  return (
    <Modal title={t('planner.move.title')} onClose={onClose}>
      <p className="modal__body planner-move__post">{name}</p>
      <form className="modal__form" onSubmit={(event) => void submit(event)} noValidate>
        <div className="field">
          <label className="field__label" htmlFor={fieldId}>
            {t('planner.move.field')}
          </label>
          <input
            id={fieldId}
            className="field__input"
            type="datetime-local"
            value={value}
            data-autofocus
            aria-invalid={invalid ? true : undefined}
            aria-describedby={[hintId, invalid ? errorId : null].filter(Boolean).join(' ')}
            onChange={(event) => setValue(event.target.value.slice(0, 16))}
          />
          <p id={hintId} className="field__hint">
            {t('planner.move.zoneHint', { zone })}
          </p>
          <FieldError id={errorId} message={invalid} />
        </div>
        <div className="modal__actions">
          <button type="button" className="button" onClick={onClose}>
            {t('dialogs.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={busy}>
            {t('planner.move.submit')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
