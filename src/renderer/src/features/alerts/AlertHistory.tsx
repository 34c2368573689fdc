import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../i18n/describeError';
import { useAppStore } from '../../store/AppStoreProvider';
import { useNow } from '../deck/useNow';
import { alertHour, usualLevel } from './alertText';
import { useAlertZone } from './useAlertZone';

/** The workspace's alerts, newest first; each opens the items behind it. */
export function AlertHistory({ workspaceId }: { workspaceId: string }) {
  const { t, i18n } = useTranslation();
  const state = useAppStore((s) => (s.alerts.workspaceId === workspaceId ? s.alerts : null));
  const loadAlerts = useAppStore((s) => s.loadAlerts);
  const openItems = useAppStore((s) => s.openAlertItems);
  const timeZone = useAlertZone(workspaceId);
  const now = useNow();
  const headingId = useId();
  const language = i18n.language;

  return (
    <section className="alert-history" aria-labelledby={headingId}>
      <h3 id={headingId} className="chart-card__title">
        {t('dashboard.alerts.historyTitle')}
      </h3>
      {state?.phase === 'failed' && state.error ? (
        <div role="alert" className="alert alert--error">
          <p className="alert__message">{t('dashboard.failed', { reason: describeError(state.error, t) })}</p>
          <button type="button" className="button button--quiet" onClick={() => void loadAlerts(workspaceId)}>
            {t('dashboard.retry')}
          </button>
        </div>
      ) : !state || (state.phase === 'loading' && state.alerts.length === 0) ? (
        <p className="chart-card__state" role="status">
          {t('dashboard.loading')}
        </p>
      ) : state.alerts.length === 0 ? (
        <p className="chart-card__state">{t('dashboard.alerts.historyEmpty')}</p>
      ) : (
        <ul className="alert-history__list">
          {state.alerts.map((alert) => {
            const when = alertHour(alert.startedAt, now, timeZone, language);
            const status = alert.acknowledgedAt ? t('dashboard.alerts.acknowledged') : alert.state === 'active' ? t('dashboard.alerts.active') : t('dashboard.alerts.ended');
            return (
              <li key={alert.id} className={`alert-history__entry alert-history__entry--${alert.state}`}>
                <span className="alert-history__text">{t('dashboard.alerts.entry', { when, count: alert.peakCount, usual: usualLevel(alert.baselineMean, language) })}</span>
                <span className="alert-history__state">{status}</span>
                <button type="button" className="button button--small" aria-label={t('dashboard.alerts.showItemsOf', { when })} onClick={() => openItems({ workspaceId, alertId: alert.id })}>
                  {t('dashboard.alerts.showItems')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
