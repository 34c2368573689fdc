import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountView } from '../../../../shared/contract/accounts';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { describeError } from '../../i18n/describeError';
import { useAppStore } from '../../store/AppStoreProvider';
import type { AccountsView } from './AccountsDialog';
import { serverName } from './serverName';

interface AccountListProps {
  workspaceId: string;
  /** The account just connected, announced at the top. */
  connected: AccountView | null;
  onNavigate(view: AccountsView): void;
  onClose(): void;
}

/** The workspace's accounts with their state and actions, and the ways to connect another. */
export function AccountList({ workspaceId, connected, onNavigate, onClose }: AccountListProps) {
  const { t } = useTranslation();
  const introId = useId();
  const connectId = useId();
  const state = useAppStore((s) => (s.accounts.workspaceId === workspaceId ? s.accounts : null));
  const loadAccounts = useAppStore((s) => s.loadAccounts);
  const [removing, setRemoving] = useState<AccountView | null>(null);
  const accounts = state?.accounts ?? [];

  return (
    <>
      <p id={introId} className="modal__body">
        {t('accounts.intro')}
      </p>
      <div role="status" className="accounts__announce">
        {connected && <p className="accounts__connected">{t('accounts.connected', { handle: `@${connected.handle}` })}</p>}
      </div>
      {state?.phase === 'failed' && state.error ? (
        <div className="alert alert--error accounts__problem" role="alert">
          <span>
            {t('accounts.loadFailed')} {describeError(state.error, t)}
          </span>
          <button type="button" className="button button--small" onClick={() => void loadAccounts(workspaceId)}>
            {t('accounts.retry')}
          </button>
        </div>
      ) : state?.phase !== 'ready' && accounts.length === 0 ? (
        <p className="field__hint">{t('accounts.loading')}</p>
      ) : accounts.length === 0 ? (
        <p className="accounts__none">{t('accounts.none')}</p>
      ) : (
        <ul className="account-list" aria-label={t('accounts.listLabel')}>
          {accounts.map((account) => (
            <AccountRow
              key={account.id}
              account={account}
              onReconnect={() => account.network !== 'feed' && onNavigate({ kind: account.network, reconnect: account })}
              onRemove={() => setRemoving(account)}
            />
          ))}
        </ul>
      )}
      <section className="accounts__connect" aria-labelledby={connectId}>
        <h3 id={connectId} className="accounts__subtitle">
          {t('accounts.connectHeading')}
        </h3>
        <div className="accounts__connect-buttons">
          <button type="button" className="button" onClick={() => onNavigate({ kind: 'bluesky' })} data-autofocus>
            <span className="network-mark network-mark--bluesky" aria-hidden="true" />
            {t('accounts.connectBluesky')}
          </button>
          <button type="button" className="button" onClick={() => onNavigate({ kind: 'mastodon' })}>
            <span className="network-mark network-mark--mastodon" aria-hidden="true" />
            {t('accounts.connectMastodon')}
          </button>
        </div>
      </section>
      <div className="modal__actions">
        <button type="button" className="button button--primary" onClick={onClose}>
          {t('dialogs.close')}
        </button>
      </div>
      {removing && <RemoveAccountDialog account={removing} onClose={() => setRemoving(null)} />}
    </>
  );
}

function AccountRow({ account, onReconnect, onRemove }: { account: AccountView; onReconnect(): void; onRemove(): void }) {
  const { t } = useTranslation();
  const nameId = useId();
  const hintId = useId();
  const needsReconnect = account.status === 'reconnect_needed';
  const server = serverName(account.serverUrl);
  const handle = `@${account.handle}`;
  return (
    <li className={needsReconnect ? 'account account--attention' : 'account'} aria-labelledby={nameId}>
      <span className={`network-mark network-mark--${account.network}`} aria-hidden="true" />
      <div className="account__who">
        <p id={nameId} className="account__name">
          {account.displayName?.trim() ? (
            <>
              <span className="account__display">{account.displayName}</span> <span className="account__handle">{handle}</span>
            </>
          ) : (
            <span className="account__display">{handle}</span>
          )}
        </p>
        <p className="account__meta">
          <span className="account__network">{t(`deck.networks.${account.network}`)}</span>
          {server && (
            <>
              {' '}
              <span className="account__server">{t('accounts.server', { server })}</span>
            </>
          )}
          <span aria-hidden="true"> · </span>
          <span className={needsReconnect ? 'account__status account__status--error' : 'account__status'}>{t(`accounts.status.${account.status}`)}</span>
        </p>
        {needsReconnect && (
          <p id={hintId} className="account__hint">
            {t('accounts.reconnectHint')}
          </p>
        )}
      </div>
      <div className="account__actions">
        {needsReconnect && (
          <button
            type="button"
            className="button button--small button--primary"
            aria-label={t('accounts.reconnectNamed', { handle: account.handle })}
            aria-describedby={hintId}
            onClick={onReconnect}
          >
            {t('accounts.reconnect')}
          </button>
        )}
        <button
          type="button"
          className="button button--small button--quiet button--danger-quiet"
          aria-label={t('accounts.removeNamed', { handle: account.handle })}
          onClick={onRemove}
        >
          {t('accounts.remove')}
        </button>
      </div>
    </li>
  );
}

/** Asks first, and says which columns go with the account. */
function RemoveAccountDialog({ account, onClose }: { account: AccountView; onClose(): void }) {
  const { t } = useTranslation();
  const removeAccount = useAppStore((state) => state.removeAccount);
  const streams = useAppStore((state) => (state.deck.workspaceId === account.workspaceId ? state.deck.streams : null));
  const titles = useMemo(() => (streams ?? []).filter((stream) => stream.accountId === account.id).map((stream) => stream.title), [streams, account.id]);
  const columns = titles.length > 0 ? ` ${t('accounts.removeColumns', { count: titles.length, titles: titles.join(', ') })}` : '';
  return (
    <ConfirmDialog
      title={t('accounts.removeTitle', { handle: account.handle })}
      body={`${t('accounts.removeBody', { network: t(`deck.networks.${account.network}`) })}${columns}`}
      confirmLabel={t('accounts.removeConfirm')}
      tone="danger"
      onConfirm={() => removeAccount(account.id)}
      onClose={onClose}
    />
  );
}
