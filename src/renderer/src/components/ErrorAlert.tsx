import { useTranslation } from 'react-i18next';

/** A failure the user should know about, in the core's own words. */
export function ErrorAlert({ message, onDismiss }: { message: string; onDismiss: () => void }) {
  const { t } = useTranslation();
  return (
    <div role="alert" className="alert alert--error">
      <p className="alert__message">{message}</p>
      <button type="button" className="button button--quiet" onClick={onDismiss}>
        {t('errors.dismiss')}
      </button>
    </div>
  );
}
