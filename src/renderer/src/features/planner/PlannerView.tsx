import { useCallback, useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountView } from '../../../../shared/contract/accounts';
import type { ScheduledPost } from '../../../../shared/contract/planner';
import { describeError } from '../../i18n/describeError';
import { useAppStore } from '../../store/AppStoreProvider';
import { useNow } from '../deck/useNow';
import { BestTimesDialog } from './BestTimesDialog';
import { Calendar } from './Calendar';
import { accountLabel, dropTarget, formatRangeTitle, postButtonName, stepAnchor, todayKey, visibleDays, type DayKey } from './calendar';
import { MoveDialog } from './MoveDialog';
import { PlanEditorDialog } from './PlanEditorDialog';
import { PlanWarningsDialog } from './PlanWarningsDialog';
import { PostDialog } from './PostDialog';
import { QueueList } from './QueueList';
import { useMoveFlow } from './useMoveFlow';
import '../../styles/planner.css';

const NO_ACCOUNTS: AccountView[] = [];

type Panel = { kind: 'post'; id: string } | { kind: 'move'; id: string } | { kind: 'plan'; accountId: string } | { kind: 'best'; accountId: string } | null;

/** The planner: calendar (week or month) with drag to reschedule, the queue, plans and best times per account. */
export function PlannerView({ workspaceId }: { workspaceId: string }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const calendar = useAppStore((state) => state.calendar);
  const queue = useAppStore((state) => state.queue);
  const allAccounts = useAppStore((state) => (state.accounts.workspaceId === workspaceId ? state.accounts.accounts : NO_ACCOUNTS));
  const accounts = useMemo(() => allAccounts.filter((a) => a.network !== 'feed'), [allAccounts]);
  const loadPlanner = useAppStore((state) => state.loadPlanner);
  const setMode = useAppStore((state) => state.setCalendarMode);
  const setAnchor = useAppStore((state) => state.setCalendarAnchor);
  const setAccount = useAppStore((state) => state.setCalendarAccount);
  const watchPlannerEvents = useAppStore((state) => state.watchPlannerEvents);
  const now = useNow();
  const today = todayKey(now);
  const flow = useMoveFlow(workspaceId);
  const { move } = flow;
  const [panel, setPanel] = useState<Panel>(null);
  const [status, setStatus] = useState('');
  const accountFieldId = useId();
  const accountHintId = useId();

  useEffect(() => watchPlannerEvents(), [watchPlannerEvents]);
  useEffect(() => {
    void loadPlanner(workspaceId);
  }, [loadPlanner, workspaceId]);

  const current = calendar.workspaceId === workspaceId ? calendar : null;
  const mode = calendar.mode;
  const days = useMemo(() => visibleDays(mode, calendar.anchor), [mode, calendar.anchor]);
  const title = formatRangeTitle(mode, days, calendar.anchor, locale);
  const entries = useMemo(() => current?.entries ?? [], [current?.entries]);
  const filterAccount = current?.accountId ?? null;
  // With one account, its plan and best times need no choosing.
  const planAccountId = filterAccount ?? (accounts.length === 1 ? accounts[0]!.id : null);
  const accountOf = (entry: ScheduledPost) => allAccounts.find((a) => a.id === entry.accountId);
  const findEntry = (id: string) => entries.find((e) => e.id === id) ?? queue.entries.find((e) => e.id === id);

  const onOpen = useCallback((entry: ScheduledPost) => setPanel({ kind: 'post', id: entry.id }), []);
  const onMoveKey = useCallback((entry: ScheduledPost) => setPanel({ kind: 'move', id: entry.id }), []);
  const onDrop = useCallback(
    (id: string, day: DayKey, hour?: number) => {
      const entry = entries.find((e) => e.id === id);
      if (!entry) return;
      const at = dropTarget(entry, day, hour);
      if (at.local === entry.wallTime?.local) return;
      void move([id], { at });
    },
    [entries, move],
  );

  const shift = useCallback(
    async (ids: string[], minutes: number): Promise<boolean> => {
      const moved = await move(ids, { shiftMinutes: minutes });
      if (moved) setStatus(t('planner.queue.shifted', { count: ids.length }));
      return moved;
    },
    [move, t],
  );

  const panelEntry = panel && (panel.kind === 'post' || panel.kind === 'move') ? findEntry(panel.id) : undefined;
  const planAccount = panel && (panel.kind === 'plan' || panel.kind === 'best') ? accounts.find((a) => a.id === panel.accountId) : undefined;

  return (
    <section className="planner" aria-label={t('planner.title')}>
      <div className="planner__toolbar">
        <div className="planner__nav" role="group" aria-label={t('planner.toolbar')}>
          <button type="button" className="button" onClick={() => setAnchor(today)}>
            {t('planner.today')}
          </button>
          <button type="button" className="button" aria-label={mode === 'week' ? t('planner.previousWeek') : t('planner.previousMonth')} onClick={() => setAnchor(stepAnchor(mode, calendar.anchor, -1))}>
            <span aria-hidden="true">‹</span>
          </button>
          <button type="button" className="button" aria-label={mode === 'week' ? t('planner.nextWeek') : t('planner.nextMonth')} onClick={() => setAnchor(stepAnchor(mode, calendar.anchor, 1))}>
            <span aria-hidden="true">›</span>
          </button>
          <h2 className="planner__range" aria-live="polite">
            {title}
          </h2>
        </div>
        <div className="planner__layout" role="group" aria-label={t('planner.layout')}>
          {(['week', 'month'] as const).map((kind) => (
            <button key={kind} type="button" className="button planner__layout-button" aria-pressed={mode === kind} onClick={() => setMode(kind)}>
              {t(`planner.${kind}`)}
            </button>
          ))}
        </div>
        <div className="planner__account">
          <label htmlFor={accountFieldId}>{t('planner.account')}</label>
          <select id={accountFieldId} className="field__input" value={filterAccount ?? ''} onChange={(event) => setAccount(event.target.value || null)}>
            <option value="">{t('planner.allAccounts')}</option>
            {accounts.map((account) => (
              <option key={account.id} value={account.id}>
                {accountLabel(account)}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="button"
            aria-disabled={!planAccountId || undefined}
            aria-describedby={!planAccountId ? accountHintId : undefined}
            onClick={() => planAccountId && setPanel({ kind: 'plan', accountId: planAccountId })}
          >
            {t('planner.postingPlan')}
          </button>
          <button
            type="button"
            className="button"
            aria-disabled={!planAccountId || undefined}
            aria-describedby={!planAccountId ? accountHintId : undefined}
            onClick={() => planAccountId && setPanel({ kind: 'best', accountId: planAccountId })}
          >
            {t('planner.bestTimes')}
          </button>
          {!planAccountId && accounts.length > 1 && (
            <p id={accountHintId} className="planner__hint">
              {t('planner.chooseAccount')}
            </p>
          )}
        </div>
      </div>
      {accounts.length === 0 && <p className="planner__hint">{t('planner.noAccounts')}</p>}
      <p className="sr-only" role="status">
        {status}
      </p>
      {flow.error && (
        <div role="alert" className="alert alert--error">
          <p className="alert__message">{t('planner.move.failed', { reason: describeError(flow.error, t) })}</p>
          <button type="button" className="button button--quiet" onClick={flow.clearError}>
            {t('planner.post.close')}
          </button>
        </div>
      )}
      {current?.phase === 'failed' && current.error && (
        <div role="alert" className="alert alert--error">
          <p className="alert__message">{t('planner.loadFailed', { reason: describeError(current.error, t) })}</p>
          <button type="button" className="button button--quiet" onClick={() => void loadPlanner(workspaceId)}>
            {t('planner.retry')}
          </button>
        </div>
      )}

      <div className="planner__body">
        <div className="planner__calendar" aria-busy={current?.phase === 'loading' || undefined}>
          <p className="planner__hint planner__drop-hint">{t('planner.dropHint')}</p>
          <Calendar
            mode={mode}
            days={days}
            anchor={calendar.anchor}
            today={today}
            title={title}
            entries={entries}
            accounts={allAccounts}
            onOpen={onOpen}
            onMoveKey={onMoveKey}
            onDrop={onDrop}
            onShowDay={(day) => {
              setAnchor(day);
              setMode('week');
            }}
          />
        </div>
        <QueueList queue={queue} accounts={allAccounts} onOpen={onOpen} onShift={shift} />
      </div>

      {panel?.kind === 'post' && panelEntry && (
        <PostDialog workspaceId={workspaceId} entry={panelEntry} account={accountOf(panelEntry)} onMove={(entry) => setPanel({ kind: 'move', id: entry.id })} onClose={() => setPanel(null)} />
      )}
      {panel?.kind === 'move' && panelEntry && (
        <MoveDialog
          entry={panelEntry}
          name={postButtonName(panelEntry, accountOf(panelEntry)?.handle, locale)}
          onMove={async (local, timeZone) => {
            // Moved, or the warnings dialog takes over, or the planner's alert says why not.
            await flow.move([panelEntry.id], { at: { local, timeZone } });
            setPanel(null);
          }}
          onClose={() => setPanel(null)}
        />
      )}
      {panel?.kind === 'plan' && planAccount && <PlanEditorDialog workspaceId={workspaceId} account={planAccount} onClose={() => setPanel(null)} />}
      {panel?.kind === 'best' && planAccount && <BestTimesDialog workspaceId={workspaceId} account={planAccount} onClose={() => setPanel(null)} />}
      {flow.pending && (
        <PlanWarningsDialog
          warnings={flow.pending.warnings}
          accounts={allAccounts}
          confirmLabel={t('planner.warnings.moveAnyway')}
          onConfirm={async () => {
            await flow.confirm();
          }}
          onClose={flow.cancel}
        />
      )}
    </section>
  );
}
