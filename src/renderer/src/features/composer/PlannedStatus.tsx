import { useTranslation } from 'react-i18next';
import type { AccountView } from '../../../../shared/contract/accounts';
import type { ScheduledPost } from '../../../../shared/contract/planner';
import { formatEntryWhen, handleOf } from '../planner/calendar';

/** After "Add to queue" or "Schedule…": what was planned, for which account and when. */
export function PlannedStatus({ entries, accounts }: { entries: ScheduledPost[]; accounts: readonly AccountView[] }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="composer-sent composer-sent--scheduled">
      <p role="status" className="composer-sent__state">
        {t('planner.compose.planned', { count: entries.length })}
      </p>
      <ul className="composer-planned">
        {entries.map((entry) => (
          <li key={entry.id}>
            {t('planner.compose.plannedEntry', { account: handleOf(accounts.find((a) => a.id === entry.accountId)?.handle), when: formatEntryWhen(entry, i18n.language) })}
          </li>
        ))}
      </ul>
    </div>
  );
}
