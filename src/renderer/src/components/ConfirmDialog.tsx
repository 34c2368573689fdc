import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../i18n/describeError';
import type { Outcome } from '../store/outcome';
import { FieldError } from './FieldError';
import { Modal } from './Modal';

interface ConfirmDialogProps {
  title: string;
  body: string;
  confirmLabel: string;
  tone?: 'default' | 'danger';
  onConfirm: () => Promise<Outcome<unknown>>;
  onClose: () => void;
}

/** Asks before something consequential; closes on success, shows the core's error otherwise. */
export function ConfirmDialog({ title, body, confirmLabel, tone = 'default', onConfirm, onClose }: ConfirmDialogProps) {
  const { t } = useTranslation();
  const bodyId = useId();
  const errorId = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function confirm() {
    setBusy(true);
    setError(null);
    const outcome = await onConfirm();
    if (outcome.ok) {
      onClose();
      return;
    }
    setBusy(false);
    setError(describeError(outcome.error, t));
  }

  return (
    <Modal title={title} onClose={onClose} role="alertdialog" describedBy={bodyId}>
      <p id={bodyId} className="modal__body">
        {body}
      </p>
      <FieldError id={errorId} message={error} />
      <div className="modal__actions">
        <button type="button" className="button" onClick={onClose} data-autofocus>
          {t('dialogs.cancel')}
        </button>
        <button
          type="button"
          className={tone === 'danger' ? 'button button--danger' : 'button button--primary'}
          onClick={() => void confirm()}
          disabled={busy}
        >
          {confirmLabel}
        </button>
      </div>
    </Modal>
  );
}
