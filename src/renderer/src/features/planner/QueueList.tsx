import { memo, useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountView } from '../../../../shared/contract/accounts';
import type { ScheduledPost } from '../../../../shared/contract/planner';
import { describeError } from '../../i18n/describeError';
import type { QueueState } from '../../store/plannerSlice';
import { formatEntryWhen, handleOf, isMovable, postButtonName, QUEUE_PAGE, shiftMinutes } from './calendar';

interface QueueListProps {
  queue: QueueState;
  accounts: readonly AccountView[];
  onOpen(entry: ScheduledPost): void;
  /** Bulk reschedule; resolves true once moved. */
  onShift(ids: string[], minutes: number): Promise<boolean>;
}

/**
 * Upcoming posts per account, in the order they go out; several can be selected and shifted
 * together. Memoized: paging the calendar does not render the queue again.
 */
export const QueueList = memo(function QueueList({ queue, accounts, onOpen, onShift }: QueueListProps) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const headingId = useId();
  const amountId = useId();
  const unitId = useId();
  const errorId = useId();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [amount, setAmount] = useState('1');
  const [unit, setUnit] = useState<'hours' | 'days'>('days');
  const [invalid, setInvalid] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Accounts whose whole queue is shown (the others show their next QUEUE_PAGE posts).
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());

  const groups = useMemo(() => {
    const byAccount = new Map<string, ScheduledPost[]>();
    for (const entry of queue.entries) {
      const key = entry.accountId ?? '';
      const list = byAccount.get(key);
      if (list) list.push(entry);
      else byAccount.set(key, [entry]);
    }
    return [...byAccount.entries()].map(([accountId, entries]) => ({ account: accounts.find((a) => a.id === accountId), accountId, entries }));
  }, [queue.entries, accounts]);

  // Selections of posts that left the queue (published, moved away) drop out.
  const live = new Set(queue.entries.filter(isMovable).map((e) => e.id));
  const chosen = [...selected].filter((id) => live.has(id));

  function toggle(id: string, on: boolean) {
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }

  async function shift(event: FormEvent) {
    event.preventDefault();
    const minutes = shiftMinutes(amount, unit);
    if (minutes === null) {
      setInvalid(t('planner.queue.invalidShift'));
      return;
    }
    setInvalid(null);
    setBusy(true);
    const moved = await onShift(chosen, minutes);
    setBusy(false);
    if (moved) setSelected(new Set());
  }

  return (
    <section className="planner-queue" aria-labelledby={headingId}>
      <h2 id={headingId} className="planner-queue__title">
        {t('planner.queue.title')}
      </h2>
      {queue.phase === 'loading' && queue.entries.length === 0 && <p className="planner-queue__note">{t('planner.queue.loading')}</p>}
      {queue.phase === 'failed' && queue.error && (
        <p role="alert" className="field__error">
          {t('planner.loadFailed', { reason: describeError(queue.error, t) })}
        </p>
      )}
      {queue.phase === 'ready' && queue.entries.length === 0 && <p className="planner-queue__note">{t('planner.queue.empty')}</p>}

      {chosen.length > 0 && (
        <form className="planner-bulk" aria-label={t('planner.queue.bulk')} onSubmit={(event) => void shift(event)} noValidate>
          <p className="planner-bulk__count" role="status">
            {t('planner.queue.selectedCount', { count: chosen.length })}
          </p>
          <div className="planner-bulk__fields">
            <label htmlFor={amountId}>{t('planner.queue.shiftBy')}</label>
            <input
              id={amountId}
              className="field__input planner-bulk__amount"
              type="number"
              step={1}
              value={amount}
              aria-invalid={invalid ? true : undefined}
              aria-describedby={invalid ? errorId : undefined}
              onChange={(event) => setAmount(event.target.value)}
            />
            <label htmlFor={unitId} className="sr-only">
              {t('planner.queue.unit')}
            </label>
            <select id={unitId} className="field__input" value={unit} onChange={(event) => setUnit(event.target.value === 'hours' ? 'hours' : 'days')}>
              <option value="hours">{t('planner.queue.hours')}</option>
              <option value="days">{t('planner.queue.days')}</option>
            </select>
            <button type="submit" className="button button--primary" disabled={busy}>
              {t('planner.queue.shift')}
            </button>
            <button type="button" className="button button--quiet" onClick={() => setSelected(new Set())}>
              {t('planner.queue.clear')}
            </button>
          </div>
          {invalid && (
            <p id={errorId} role="alert" className="field__error">
              {invalid}
            </p>
          )}
        </form>
      )}

      {groups.map(({ account, accountId, entries }) => (
        <section key={accountId} className="planner-queue__account" aria-label={handleOf(account?.handle)}>
          <h3 className="planner-queue__handle">{handleOf(account?.handle)}</h3>
          <ol className="planner-queue__list">
            {(expanded.has(accountId) ? entries : entries.slice(0, QUEUE_PAGE)).map((entry) => {
              const name = postButtonName(entry, account?.handle, locale);
              return (
                <li key={entry.id} className={`planner-queue__item planner-queue__item--${entry.state}`}>
                  {isMovable(entry) && (
                    <input type="checkbox" aria-label={t('planner.queue.select', { name })} checked={selected.has(entry.id)} onChange={(event) => toggle(entry.id, event.target.checked)} />
                  )}
                  <button type="button" className="planner-queue__post" aria-label={name} onClick={() => onOpen(entry)}>
                    <span className="planner-queue__when">{formatEntryWhen(entry, locale)}</span>
                    <span className="planner-queue__text">{entry.text}</span>
                  </button>
                  {entry.state !== 'scheduled' && <span className={`planner-badge planner-badge--${entry.state}`}>{t(`planner.states.${entry.state}`)}</span>}
                </li>
              );
            })}
          </ol>
          {entries.length > QUEUE_PAGE && !expanded.has(accountId) && (
            <button type="button" className="button button--quiet" onClick={() => setExpanded((current) => new Set(current).add(accountId))}>
              {t('planner.queue.showAll', { count: entries.length, account: handleOf(account?.handle) })}
            </button>
          )}
        </section>
      ))}
    </section>
  );
});
