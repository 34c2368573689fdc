import { useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountView } from '../../../../shared/contract/accounts';
import { STREAM_KINDS } from '../../../../shared/contract/streams';
import { FieldError } from '../../components/FieldError';
import { describeError } from '../../i18n/describeError';
import { useAppStore } from '../../store/AppStoreProvider';
import { columnTitle, MAX_QUERY_LENGTH, normalizeQuery, queryFieldOf, type AccountNetwork } from './networkQuery';

const NO_ACCOUNTS: AccountView[] = [];

/**
 * A Bluesky or Mastodon column: which connected account watches, what it shows (home, mentions,
 * a search …) and, for the kinds that need one, what to watch (a term, a tag, a feed's address).
 * Without an account of the network, it offers to connect one first.
 */
export function NetworkSourceForm({ network, workspaceId, onClose }: { network: AccountNetwork; workspaceId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const accountFieldId = useId();
  const accountHintId = useId();
  const queryId = useId();
  const queryHintId = useId();
  const errorId = useId();
  const queryRef = useRef<HTMLInputElement>(null);
  const accountsState = useAppStore((state) => (state.accounts.workspaceId === workspaceId ? state.accounts : null));
  const openAccounts = useAppStore((state) => state.openAccounts);
  const addColumn = useAppStore((state) => state.addColumn);
  const all = accountsState?.accounts ?? NO_ACCOUNTS;
  const accounts = useMemo(() => all.filter((account) => account.network === network), [all, network]);
  const kinds: readonly string[] = STREAM_KINDS[network];

  const [accountId, setAccountId] = useState<string | null>(null);
  const [kind, setKind] = useState<string>(kinds[0] ?? 'home');
  const [query, setQuery] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  // Until the user picks one: the first connected account (a freshly connected one appears here at once).
  const account = accounts.find((a) => a.id === accountId) ?? accounts.find((a) => a.status === 'connected') ?? accounts[0] ?? null;
  const field = queryFieldOf(network, kind);
  const networkName = t(`deck.networks.${network}`);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy || !account) return;
    let normalized: string | null = null;
    if (field) {
      normalized = normalizeQuery(field, query);
      if (!normalized) {
        setError(!query.trim() || field === 'search' ? t('addColumn.queries.required') : t(`addColumn.queries.${field}.invalid`));
        queryRef.current?.focus();
        return;
      }
    }
    setBusy(true);
    setError(null);
    const outcome = await addColumn({
      workspaceId,
      network,
      kind,
      accountId: account.id,
      query: normalized,
      title: columnTitle(network, kind, normalized, t),
    });
    if (outcome.ok) {
      onClose();
      return;
    }
    setBusy(false);
    setError(describeError(outcome.error, t));
  }

  if (accountsState?.phase !== 'ready' && accounts.length === 0) {
    if (accountsState?.phase === 'failed' && accountsState.error) {
      return (
        <p className="field__error" role="alert">
          {describeError(accountsState.error, t)}
        </p>
      );
    }
    return <p className="field__hint">{t('accounts.loading')}</p>;
  }

  if (!account) {
    return (
      <div className="modal__form">
        <p className="network-source__none">{t('addColumn.noAccount', { network: networkName })}</p>
        <div className="modal__actions">
          <button type="button" className="button" onClick={onClose}>
            {t('dialogs.cancel')}
          </button>
          <button
            type="button"
            className="button button--primary"
            onClick={() => openAccounts({ workspaceId, connect: network, closeWhenConnected: true })}
          >
            {t('addColumn.connectFirst')}
          </button>
        </div>
      </div>
    );
  }

  return (
    <form className="modal__form" onSubmit={(event) => void submit(event)} noValidate>
      <div className="field">
        <label htmlFor={accountFieldId} className="field__label">
          {t('addColumn.accountLabel')}
        </label>
        <select
          id={accountFieldId}
          className="field__input"
          value={account.id}
          onChange={(event) => setAccountId(event.target.value)}
          aria-describedby={account.status === 'reconnect_needed' ? accountHintId : undefined}
        >
          {accounts.map((option) => (
            <option key={option.id} value={option.id}>
              {option.status === 'reconnect_needed' ? t('addColumn.accountReconnect', { handle: `@${option.handle}` }) : `@${option.handle}`}
            </option>
          ))}
        </select>
        {account.status === 'reconnect_needed' && (
          <p id={accountHintId} className="field__hint network-source__warning">
            {t('addColumn.accountNeedsReconnect')}{' '}
            <button type="button" className="link-button" onClick={() => openAccounts({ workspaceId, reconnectId: account.id, closeWhenConnected: true })}>
              {t('addColumn.openAccounts')}
            </button>
          </p>
        )}
      </div>
      <fieldset className="choice-group choice-group--grid">
        <legend className="field__label">{t('addColumn.kindLegend')}</legend>
        {kinds.map((option) => (
          <label key={option} className="choice choice--compact">
            <input
              type="radio"
              name="column-kind"
              value={option}
              checked={kind === option}
              onChange={() => {
                // What was typed for a search is no hashtag or feed address.
                if (queryFieldOf(network, option) !== field) setQuery('');
                setKind(option);
                setError(null);
              }}
            />
            <span className="choice__title">{t(`addColumn.kinds.${network}.${option}` as 'addColumn.kinds.bluesky.home')}</span>
          </label>
        ))}
      </fieldset>
      {field && (
        <div className="field">
          <label htmlFor={queryId} className="field__label">
            {t(`addColumn.queries.${field}.label`)}
          </label>
          <input
            ref={queryRef}
            id={queryId}
            className="field__input"
            type="text"
            value={query}
            maxLength={MAX_QUERY_LENGTH}
            autoComplete="off"
            spellCheck={false}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${errorId} ${queryHintId}` : queryHintId}
            onChange={(event) => {
              setQuery(event.target.value);
              if (error) setError(null);
            }}
          />
          <p id={queryHintId} className="field__hint">
            {t(`addColumn.queries.${field}.hint`)}
          </p>
        </div>
      )}
      <FieldError id={errorId} message={error} />
      <div className="modal__actions">
        <button type="button" className="button" onClick={onClose}>
          {t('dialogs.cancel')}
        </button>
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? t('addColumn.adding') : t('addColumn.add')}
        </button>
      </div>
    </form>
  );
}
