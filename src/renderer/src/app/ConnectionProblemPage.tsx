import { Trans, useTranslation } from 'react-i18next';

const SERVE_COMMAND = 'npm run serve';
const EXAMPLE_URL = 'http://127.0.0.1:PORT/#token=…';

/**
 * A browser tab that cannot reach the core: opened without the access token, or refused
 * (a stale token from an earlier start of the host, or no host running).
 */
export function ConnectionProblemPage({ reason, onRetry }: { reason: 'missing_token' | 'refused'; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <main className="full-page">
      <section className="full-page__card">
        <p className="full-page__brand">{t('app.name')}</p>
        <h1 className="full-page__title">
          {reason === 'missing_token' ? t('connection.missingTokenTitle') : t('connection.refusedTitle')}
        </h1>
        <p>{reason === 'missing_token' ? t('connection.missingTokenBody') : t('connection.refusedBody')}</p>
        <p>
          <Trans i18nKey="connection.howTo" values={{ command: SERVE_COMMAND }} components={{ code: <code /> }} />
        </p>
        <p className="full-page__hint">
          <Trans i18nKey="connection.urlShape" values={{ example: EXAMPLE_URL }} components={{ code: <code /> }} />
        </p>
        {onRetry && (
          <button type="button" className="button button--primary" onClick={onRetry}>
            {t('connection.retry')}
          </button>
        )}
      </section>
    </main>
  );
}
