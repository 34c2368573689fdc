import { useTranslation } from 'react-i18next';

interface FormActionsProps {
  submitLabel: string;
  /** Disables the submit button while the form's action runs. */
  busy: boolean;
  onCancel(): void;
  cancelLabel?: string;
  /** Small buttons in an inline panel instead of a dialog's footer. */
  inline?: boolean;
}

/** The footer of a form: Cancel, then the primary submit button. */
export function FormActions({ submitLabel, busy, onCancel, cancelLabel, inline = false }: FormActionsProps) {
  const { t } = useTranslation();
  const size = inline ? ' button--small' : '';
  return (
    <div className={inline ? 'inbox-settings__actions' : 'modal__actions'}>
      <button type="button" className={`button${size}`} onClick={onCancel}>
        {cancelLabel ?? t('dialogs.cancel')}
      </button>
      <button type="submit" className={`button${size} button--primary`} disabled={busy}>
        {submitLabel}
      </button>
    </div>
  );
}

/** The footer of a dialog that only shows something: one button that closes it, focused first. */
export function CloseActions({ onClose, label }: { onClose(): void; label?: string }) {
  const { t } = useTranslation();
  return (
    <div className="modal__actions">
      <button type="button" className="button button--primary" onClick={onClose} data-autofocus>
        {label ?? t('dialogs.close')}
      </button>
    </div>
  );
}
