import { useTranslation } from 'react-i18next';

export function LoadingScreen() {
  const { t } = useTranslation();
  return (
    <main className="full-page">
      <p role="status" className="full-page__status">
        {t('app.loading')}
      </p>
    </main>
  );
}
