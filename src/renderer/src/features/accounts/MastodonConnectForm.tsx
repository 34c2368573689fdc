import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountView } from '../../../../shared/contract/accounts';
import { FieldError } from '../../components/FieldError';
import { describeError } from '../../i18n/describeError';
import { useAppStore } from '../../store/AppStoreProvider';
import type { MastodonAuthorization } from '../../store/types';
import { safeHttpUrl } from '../deck/sanitize';
import { serverName } from './serverName';

interface MastodonConnectFormProps {
  workspaceId: string;
  /** The account to sign in again (after "reconnect needed"); null connects a new one. */
  reconnect: AccountView | null;
  onConnected(account: AccountView): void;
  onBack(): void;
}

type Step =
  | { kind: 'instance'; ended: boolean }
  | { kind: 'paste'; authorization: MastodonAuthorization; link: string | null; instance: string }
  | { kind: 'waiting'; authorization: MastodonAuthorization; link: string | null; instance: string };

/**
 * OAuth with the instance. In a browser tab the user opens the authorization page, allows access
 * and pastes the code the instance shows; on the desktop Leitstand opened the page itself and
 * receives the answer on its own, so the form just waits (and can be cancelled).
 */
export function MastodonConnectForm({ workspaceId, reconnect, onConnected, onBack }: MastodonConnectFormProps) {
  const { t } = useTranslation();
  const instanceId = useId();
  const instanceHintId = useId();
  const codeId = useId();
  const errorId = useId();
  const instanceRef = useRef<HTMLInputElement>(null);
  const codeRef = useRef<HTMLInputElement>(null);
  const linkRef = useRef<HTMLAnchorElement>(null);
  const beginMastodon = useAppStore((state) => state.beginMastodon);
  const completeMastodon = useAppStore((state) => state.completeMastodon);
  const [instance, setInstance] = useState(reconnect?.serverUrl ?? '');
  const [code, setCode] = useState('');
  const [step, setStep] = useState<Step>({ kind: 'instance', ended: false });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /** Answers for an attempt the user cancelled (or a closed dialog) are ignored. */
  const attemptRef = useRef(0);
  useEffect(
    () => () => {
      attemptRef.current += 1;
    },
    [],
  );

  // Each step starts where the user goes on: the authorization link, or the instance again.
  useEffect(() => {
    if (step.kind === 'paste') (linkRef.current ?? codeRef.current)?.focus();
    else if (step.kind === 'instance') instanceRef.current?.focus();
  }, [step]);

  function startOver(message: string | null) {
    setBusy(false);
    setCode('');
    setError(message);
    setStep({ kind: 'instance', ended: message !== null });
  }

  async function complete(authorization: MastodonAuthorization, pastedCode?: string) {
    const attempt = attemptRef.current;
    const outcome = await completeMastodon({ pendingId: authorization.pendingId, ...(pastedCode ? { code: pastedCode } : {}) });
    if (attempt !== attemptRef.current) return;
    if (outcome.ok) {
      onConnected(outcome.value);
      return;
    }
    // A refused code, a timeout or anything else ends this sign-in in the core: start again.
    startOver(describeError(outcome.error, t));
  }

  async function begin(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const instanceUrl = instance.trim();
    if (instanceUrl.length < 3) {
      setError(t('accounts.mastodon.instanceRequired'));
      instanceRef.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    const attempt = ++attemptRef.current;
    const outcome = await beginMastodon({ workspaceId, instanceUrl, ...(reconnect ? { accountId: reconnect.id } : {}) });
    if (attempt !== attemptRef.current) return;
    setBusy(false);
    if (!outcome.ok) {
      setError(describeError(outcome.error, t));
      instanceRef.current?.focus();
      return;
    }
    const authorization = outcome.value;
    const link = safeHttpUrl(authorization.authorizeUrl);
    const host = (link && serverName(link)) ?? instanceUrl;
    if (authorization.mode === 'paste') {
      setStep({ kind: 'paste', authorization, link, instance: host });
    } else {
      setStep({ kind: 'waiting', authorization, link, instance: host });
      void complete(authorization);
    }
  }

  async function submitCode(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy || step.kind !== 'paste') return;
    const pasted = code.trim();
    if (!pasted) {
      setError(t('accounts.mastodon.codeRequired'));
      codeRef.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    await complete(step.authorization, pasted);
  }

  function cancelWaiting() {
    attemptRef.current += 1;
    startOver(null);
  }

  if (step.kind === 'waiting') {
    return (
      <div className="modal__form">
        <p className="accounts__waiting" role="status">
          <span className="spinner" aria-hidden="true" />
          {t('accounts.mastodon.waiting')}
        </p>
        <p className="modal__body">{t('accounts.mastodon.waitingHint', { instance: step.instance })}</p>
        {step.link && (
          <p>
            <a href={step.link} target="_blank" rel="noopener noreferrer">
              {t('accounts.mastodon.openAgain')}
            </a>
          </p>
        )}
        <div className="modal__actions">
          <button type="button" className="button" onClick={cancelWaiting} autoFocus>
            {t('dialogs.cancel')}
          </button>
        </div>
      </div>
    );
  }

  if (step.kind === 'paste') {
    return (
      <form className="modal__form" onSubmit={(event) => void submitCode(event)} noValidate>
        <p className="modal__body">{t('accounts.mastodon.pasteIntro', { instance: step.instance })}</p>
        <ol className="accounts__steps">
          <li>
            {t('accounts.mastodon.pasteStep1')}{' '}
            {step.link && (
              <a ref={linkRef} className="accounts__authorize" href={step.link} target="_blank" rel="noopener noreferrer">
                {t('accounts.mastodon.authorizeLink')}
              </a>
            )}
          </li>
          <li>{t('accounts.mastodon.pasteStep2')}</li>
          <li>{t('accounts.mastodon.pasteStep3')}</li>
        </ol>
        <div className="field">
          <label htmlFor={codeId} className="field__label">
            {t('accounts.mastodon.codeLabel')}
          </label>
          <input
            ref={codeRef}
            id={codeId}
            className="field__input field__input--code"
            type="text"
            value={code}
            maxLength={512}
            autoComplete="one-time-code"
            autoCapitalize="none"
            spellCheck={false}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? errorId : undefined}
            onChange={(event) => {
              setCode(event.target.value);
              if (error) setError(null);
            }}
          />
          <FieldError id={errorId} message={error} />
        </div>
        <div className="modal__actions">
          <button type="button" className="button" onClick={() => startOver(null)}>
            {t('accounts.back')}
          </button>
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? t('accounts.mastodon.completing') : t('accounts.mastodon.complete')}
          </button>
        </div>
      </form>
    );
  }

  return (
    <form className="modal__form" onSubmit={(event) => void begin(event)} noValidate>
      {reconnect && <p className="modal__body">{t('accounts.mastodon.reconnectNote', { handle: `@${reconnect.handle}` })}</p>}
      <div className="field">
        <label htmlFor={instanceId} className="field__label">
          {t('accounts.mastodon.instanceLabel')}
        </label>
        <input
          ref={instanceRef}
          id={instanceId}
          className="field__input"
          type="url"
          inputMode="url"
          value={instance}
          maxLength={2048}
          autoComplete="url"
          spellCheck={false}
          placeholder="mastodon.social"
          aria-invalid={error && !step.ended ? true : undefined}
          aria-describedby={error ? `${errorId} ${instanceHintId}` : instanceHintId}
          onChange={(event) => {
            setInstance(event.target.value);
            if (error) setError(null);
          }}
          data-autofocus
        />
        <p id={instanceHintId} className="field__hint">
          {t('accounts.mastodon.instanceHint')}
        </p>
        {error && (
          <div id={errorId} role="alert" className="accounts__error">
            <p className="field__error">{error}</p>
            {step.ended && <p className="field__hint">{t('accounts.mastodon.ended')}</p>}
          </div>
        )}
      </div>
      <div className="modal__actions">
        <button type="button" className="button" onClick={onBack}>
          {t('accounts.back')}
        </button>
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? t('accounts.mastodon.beginning') : step.ended ? t('accounts.mastodon.startAgain') : t('accounts.mastodon.begin')}
        </button>
      </div>
    </form>
  );
}
