import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountView } from '../../../../shared/contract/accounts';
import { FieldError } from '../../components/FieldError';
import { describeError } from '../../i18n/describeError';
import { useAppStore } from '../../store/AppStoreProvider';
import { normalizeFeedAddress } from '../deck/feedAddress';

export const DEFAULT_BLUESKY_SERVER = 'https://bsky.social';

interface BlueskyConnectFormProps {
  workspaceId: string;
  /** The account to sign in again (after "reconnect needed"); null connects a new one. */
  reconnect: AccountView | null;
  onConnected(account: AccountView): void;
  onBack(): void;
}

type FieldName = 'server' | 'identifier' | 'password';

/**
 * Handle or DID and an app password, on bsky.social or any other server. The app password is
 * read from the field when the form is sent and handed straight to the core: it is never kept in
 * React state or the store, and the field is emptied after every attempt.
 */
export function BlueskyConnectForm({ workspaceId, reconnect, onConnected, onBack }: BlueskyConnectFormProps) {
  const { t } = useTranslation();
  const serverId = useId();
  const serverHintId = useId();
  const identifierId = useId();
  const identifierHintId = useId();
  const passwordId = useId();
  const passwordHintId = useId();
  const errorId = useId();
  const serverRef = useRef<HTMLInputElement>(null);
  const identifierRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const connectBluesky = useAppStore((state) => state.connectBluesky);
  const [server, setServer] = useState(reconnect?.serverUrl ?? DEFAULT_BLUESKY_SERVER);
  const [identifier, setIdentifier] = useState(reconnect?.handle ?? '');
  const [error, setError] = useState<{ field: FieldName; message: string } | null>(null);
  const [busy, setBusy] = useState(false);

  function fail(field: FieldName, message: string) {
    setError({ field, message });
    (field === 'server' ? serverRef : field === 'identifier' ? identifierRef : passwordRef).current?.focus();
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const passwordField = passwordRef.current;
    const serviceUrl = normalizeFeedAddress(server);
    if (!serviceUrl) return fail('server', t('accounts.bluesky.serverInvalid'));
    const handle = identifier.trim().replace(/^@/, '');
    if (handle.length < 3) return fail('identifier', t('accounts.bluesky.identifierRequired'));
    const appPassword = passwordField?.value ?? '';
    if (!appPassword) return fail('password', t('accounts.bluesky.passwordRequired'));
    setBusy(true);
    setError(null);
    const outcome = await connectBluesky({
      workspaceId,
      serviceUrl,
      identifier: handle,
      appPassword,
      ...(reconnect ? { accountId: reconnect.id } : {}),
    });
    // Whatever the answer, the password leaves the page: a refused main password must not linger.
    if (passwordField) passwordField.value = '';
    if (outcome.ok) {
      onConnected(outcome.value);
      return;
    }
    setBusy(false);
    // A server that cannot be reached is the server field's problem; anything else is the sign-in's.
    const serverProblem = !outcome.error.reason && (outcome.error.code === 'remote_unreachable' || outcome.error.code === 'remote_failed');
    fail(serverProblem ? 'server' : 'password', describeError(outcome.error, t));
  }

  const describedBy = (field: FieldName, hintId: string) => (error?.field === field ? `${errorId} ${hintId}` : hintId);

  return (
    <form className="modal__form" onSubmit={(event) => void submit(event)} noValidate>
      <div className="field">
        <label htmlFor={serverId} className="field__label">
          {t('accounts.bluesky.serverLabel')}
        </label>
        <input
          ref={serverRef}
          id={serverId}
          className="field__input"
          type="url"
          inputMode="url"
          value={server}
          maxLength={2048}
          autoComplete="url"
          spellCheck={false}
          aria-invalid={error?.field === 'server' ? true : undefined}
          aria-describedby={describedBy('server', serverHintId)}
          onChange={(event) => {
            setServer(event.target.value);
            if (error?.field === 'server') setError(null);
          }}
        />
        <p id={serverHintId} className="field__hint">
          {t('accounts.bluesky.serverHint')}
        </p>
        {error?.field === 'server' && <FieldError id={errorId} message={error.message} />}
      </div>
      <div className="field">
        <label htmlFor={identifierId} className="field__label">
          {t('accounts.bluesky.identifierLabel')}
        </label>
        <input
          ref={identifierRef}
          id={identifierId}
          className="field__input"
          type="text"
          value={identifier}
          maxLength={253}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          readOnly={reconnect !== null}
          aria-invalid={error?.field === 'identifier' ? true : undefined}
          aria-describedby={describedBy('identifier', identifierHintId)}
          onChange={(event) => {
            setIdentifier(event.target.value);
            if (error?.field === 'identifier') setError(null);
          }}
          autoFocus={reconnect === null}
          data-autofocus={reconnect === null ? true : undefined}
        />
        <p id={identifierHintId} className="field__hint">
          {t('accounts.bluesky.identifierHint')}
        </p>
        {error?.field === 'identifier' && <FieldError id={errorId} message={error.message} />}
      </div>
      <div className="field">
        <label htmlFor={passwordId} className="field__label">
          {t('accounts.bluesky.passwordLabel')}
        </label>
        <input
          ref={passwordRef}
          id={passwordId}
          className="field__input"
          type="password"
          defaultValue=""
          maxLength={256}
          autoComplete="off"
          spellCheck={false}
          aria-invalid={error?.field === 'password' ? true : undefined}
          aria-describedby={describedBy('password', passwordHintId)}
          onChange={() => {
            if (error?.field === 'password') setError(null);
          }}
          autoFocus={reconnect !== null}
          data-autofocus={reconnect !== null ? true : undefined}
        />
        <p id={passwordHintId} className="field__hint">
          {t('accounts.bluesky.passwordHint')}
        </p>
        {error?.field === 'password' && <FieldError id={errorId} message={error.message} />}
      </div>
      <div className="modal__actions">
        <button type="button" className="button" onClick={onBack}>
          {t('accounts.back')}
        </button>
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? t('accounts.bluesky.connecting') : reconnect ? t('accounts.bluesky.submitReconnect') : t('accounts.bluesky.submit')}
        </button>
      </div>
    </form>
  );
}
