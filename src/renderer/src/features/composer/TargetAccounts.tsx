import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountView } from '../../../../shared/contract/accounts';
import { accountLabel } from './ComposerOptions';

interface TargetAccountsProps {
  accounts: readonly AccountView[];
  targetIds: readonly string[];
  disabled: boolean;
  onToggle(id: string, on: boolean): void;
}

/** "Post to": a checkbox per account, for a new post that goes to several accounts at once. */
export function TargetAccounts({ accounts, targetIds, disabled, onToggle }: TargetAccountsProps) {
  const { t } = useTranslation();
  const hintId = useId();
  const baseId = useId();
  if (accounts.length === 0) return <p className="composer-options__note">{t('composer.noAccounts')}</p>;
  return (
    <fieldset className="composer-targets" disabled={disabled} aria-describedby={hintId}>
      <legend>{t('planner.compose.targets')}</legend>
      <p id={hintId} className="composer-options__note">
        {t('planner.compose.targetsHint')}
      </p>
      <ul className="composer-targets__list">
        {accounts.map((account) => {
          const id = `${baseId}-${account.id}`;
          const name = accountLabel(account);
          return (
            <li key={account.id} className="composer-targets__item">
              <input id={id} type="checkbox" checked={targetIds.includes(account.id)} onChange={(event) => onToggle(account.id, event.target.checked)} />
              <label htmlFor={id}>{account.status === 'reconnect_needed' ? t('composer.accountNeedsReconnect', { handle: name }) : name}</label>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
