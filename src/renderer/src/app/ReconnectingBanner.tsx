import { useTranslation } from 'react-i18next';
import { useAppStore } from '../store/AppStoreProvider';

/** Shown while the bridge to the headless host is down and being re-established. */
export function ReconnectingBanner() {
  const { t } = useTranslation();
  const connection = useAppStore((state) => state.connection);
  const retryConnection = useAppStore((state) => state.retryConnection);
  if (connection.kind !== 'reconnecting') return null;
  return (
    <div role="status" className="alert alert--warning">
      <p className="alert__message">
        {t('connection.reconnecting')} <span className="alert__hint">{t('connection.reconnectingHint')}</span>
      </p>
      <button type="button" className="button button--quiet" onClick={retryConnection}>
        {t('connection.retry')}
      </button>
    </div>
  );
}
