import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountView } from '../../../../shared/contract/accounts';
import { MASTODON_VISIBILITIES, type DraftContent } from '../../../../shared/contract/composer';
import type { Network } from '../../../../shared/contract/items';
import { languageOptions } from './languages';

interface ComposerOptionsProps {
  accounts: AccountView[];
  accountId: string | null;
  /** The network the post goes to (content warning and visibility exist on Mastodon only). */
  network: Network | null;
  content: DraftContent;
  /** The agent's signature where the workspace appends one here; null: none. */
  signature: string | null;
  disabled: boolean;
  onAccount(accountId: string | null): void;
  onContent(patch: Partial<DraftContent>): void;
  /** Replaces the account select (a new post picks several accounts). */
  accountPicker?: ReactNode;
}

/** The account to send from, and the post's settings: content warning, language, visibility, signature. */
export function ComposerOptions({ accounts, accountId, network, content, signature, disabled, onAccount, onContent, accountPicker }: ComposerOptionsProps) {
  const { t, i18n } = useTranslation();
  const accountField = useId();
  const warningField = useId();
  const warningHint = useId();
  const languageField = useId();
  const visibilityField = useId();
  const signatureField = useId();
  const mastodon = network === 'mastodon';
  const languages = languageOptions(i18n.language, content.language);
  const known = accounts.some((a) => a.id === accountId);

  return (
    <fieldset className="composer-options" disabled={disabled}>
      <legend className="sr-only">{t('composer.options')}</legend>
      {accountPicker ? (
        <div className="composer-options__field composer-options__field--wide">{accountPicker}</div>
      ) : (
        <div className="composer-options__field">
          <label htmlFor={accountField}>{t('composer.account')}</label>
          {accounts.length === 0 ? (
            <p className="composer-options__note">{t('composer.noAccounts')}</p>
          ) : (
            <select id={accountField} className="field__input" value={known ? (accountId ?? '') : ''} onChange={(event) => onAccount(event.target.value || null)}>
              {!known && <option value="">{t('composer.accountChoose')}</option>}
              {accounts.map((account) => (
                <option key={account.id} value={account.id}>
                  {account.status === 'reconnect_needed' ? t('composer.accountNeedsReconnect', { handle: accountLabel(account) }) : accountLabel(account)}
                </option>
              ))}
            </select>
          )}
        </div>
      )}

      {mastodon && (
        <div className="composer-options__field composer-options__field--wide">
          <label htmlFor={warningField}>{t('composer.contentWarning')}</label>
          <input
            id={warningField}
            className="field__input"
            type="text"
            maxLength={1000}
            value={content.spoilerText ?? ''}
            aria-describedby={warningHint}
            onChange={(event) => onContent({ spoilerText: event.target.value === '' ? null : event.target.value })}
          />
          <p id={warningHint} className="composer-options__note">
            {t('composer.contentWarningHint')}
          </p>
        </div>
      )}
      {/* A warning typed for Mastodon stays visible after switching to Bluesky, so it can be removed. */}
      {!mastodon && content.spoilerText && (
        <div className="composer-options__field composer-options__field--wide">
          <label htmlFor={warningField}>{t('composer.contentWarning')}</label>
          <input id={warningField} className="field__input" type="text" value={content.spoilerText} onChange={(event) => onContent({ spoilerText: event.target.value === '' ? null : event.target.value })} />
        </div>
      )}

      <div className="composer-options__field">
        <label htmlFor={languageField}>{t('composer.language')}</label>
        <select id={languageField} className="field__input" value={content.language ?? ''} onChange={(event) => onContent({ language: event.target.value || null })}>
          <option value="">{t('composer.languageNone')}</option>
          {languages.map((language) => (
            <option key={language.code} value={language.code}>
              {language.label}
            </option>
          ))}
        </select>
      </div>

      {mastodon && (
        <div className="composer-options__field">
          <label htmlFor={visibilityField}>{t('composer.visibility')}</label>
          <select
            id={visibilityField}
            className="field__input"
            value={content.visibility ?? ''}
            onChange={(event) => {
              const value = MASTODON_VISIBILITIES.find((v) => v === event.target.value) ?? null;
              onContent({ visibility: value });
            }}
          >
            <option value="">{t('composer.visibilityDefault')}</option>
            {MASTODON_VISIBILITIES.map((visibility) => (
              <option key={visibility} value={visibility}>
                {t(`composer.visibilities.${visibility}`)}
              </option>
            ))}
          </select>
        </div>
      )}

      <div className="composer-options__field composer-options__field--check">
        <input id={signatureField} type="checkbox" checked={content.appendSignature} onChange={(event) => onContent({ appendSignature: event.target.checked })} />
        <label htmlFor={signatureField}>{signature ? t('composer.addSignatureWith', { signature }) : t('composer.addSignature')}</label>
      </div>
    </fieldset>
  );
}

/** "Name · @handle (Network)": how the composer names an account to send from. */
export function accountLabel(account: AccountView): string {
  const network = account.network === 'bluesky' ? 'Bluesky' : account.network === 'mastodon' ? 'Mastodon' : account.network;
  return `${account.displayName ? `${account.displayName} · ` : ''}@${account.handle.replace(/^@/, '')} (${network})`;
}
