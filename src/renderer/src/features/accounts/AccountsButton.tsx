import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../store/AppStoreProvider';

/** Opens the workspace's accounts; marked when one of them needs to be reconnected. */
export function AccountsButton({ workspaceId }: { workspaceId: string }) {
  const { t } = useTranslation();
  const openAccounts = useAppStore((state) => state.openAccounts);
  const attention = useAppStore(
    (state) => state.accounts.workspaceId === workspaceId && state.accounts.accounts.some((account) => account.status === 'reconnect_needed'),
  );
  return (
    <button type="button" className="button" onClick={() => openAccounts({ workspaceId })} title={attention ? t('accounts.attention') : undefined}>
      <span className="accounts-button__icon" aria-hidden="true">
        <svg viewBox="0 0 24 24" width="16" height="16" fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round" strokeLinejoin="round" focusable="false">
          <path d="M9 11a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM2 21v-1a6 6 0 0 1 6-6h2a6 6 0 0 1 6 6v1M16 3.5a4 4 0 0 1 0 7.5M22 21v-1a6 6 0 0 0-4-5.6" />
        </svg>
        {attention && <span className="accounts-button__badge" />}
      </span>
      {t('accounts.open')}
      {attention && <span className="sr-only">{` (${t('accounts.attention')})`}</span>}
    </button>
  );
}
