import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../i18n/describeError';
import { useAppStore } from '../../store/AppStoreProvider';
import { useNow } from '../deck/useNow';
import { alertText, bannerAlerts } from './alertText';
import { useAlertZone } from './useAlertZone';
import '../../styles/dashboard.css';

/**
 * The spike alert in every view of the workspace: the newest active alert nobody dismissed yet,
 * with "Show items" and "Dismiss". role="alert": a new spike is announced as it arrives.
 */
export function AlertBanner({ workspaceId }: { workspaceId: string }) {
  const { t, i18n } = useTranslation();
  const alerts = useAppStore((state) => (state.alerts.workspaceId === workspaceId ? state.alerts.alerts : null));
  const acknowledge = useAppStore((state) => state.acknowledgeAlert);
  const openItems = useAppStore((state) => state.openAlertItems);
  const zone = useAlertZone(workspaceId);
  const now = useNow();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const shown = useMemo(() => bannerAlerts(alerts ?? []), [alerts]);
  const alert = shown[0];
  if (!alert) return null;

  async function dismiss() {
    if (!alert || busy) return;
    setBusy(true);
    setError(null);
    const outcome = await acknowledge(workspaceId, alert.id);
    setBusy(false);
    if (!outcome.ok) setError(t('alerts.dismissFailed', { reason: describeError(outcome.error, t) }));
  }

  return (
    <div className="alert alert--error spike-banner" role="alert" aria-label={t('alerts.bannerLabel')}>
      <div className="spike-banner__text">
        <p className="alert__message">{alertText(alert, t, now, zone, i18n.language)}</p>
        {shown.length > 1 && <p className="alert__hint">{t('alerts.more', { count: shown.length - 1 })}</p>}
        {error && <p className="field__error">{error}</p>}
      </div>
      <div className="spike-banner__actions">
        <button type="button" className="button" onClick={() => openItems({ workspaceId, alertId: alert.id })}>
          {t('alerts.showItems')}
        </button>
        <button type="button" className="button button--quiet" onClick={() => void dismiss()} aria-disabled={busy || undefined}>
          {t('alerts.dismiss')}
        </button>
      </div>
    </div>
  );
}
