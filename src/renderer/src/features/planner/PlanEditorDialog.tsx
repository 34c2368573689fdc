import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountView } from '../../../../shared/contract/accounts';
import type { AppError } from '../../../../shared/contract/errors';
import { FormActions } from '../../components/FormActions';
import { Modal } from '../../components/Modal';
import { TimeZoneSelect } from '../../components/TimeZoneSelect';
import { describeError } from '../../i18n/describeError';
import { useAppStore } from '../../store/AppStoreProvider';
import { handleOf } from './calendar';
import { formToPlan, planToForm, weekdayName, WEEKDAYS, type PlanForm } from './planForm';

/** The contract's upper bound for the lateness limit: a week. */
const MAX_LATE_MINUTES = 7 * 24 * 60;

interface PlanEditorDialogProps {
  workspaceId: string;
  account: AccountView;
  onClose(): void;
}

/** "Posting plan": the weekly slots "Add to queue" fills, the daily cap, the minimum gap, quiet hours, the zone. */
export function PlanEditorDialog({ workspaceId, account, onClose }: PlanEditorDialogProps) {
  const { t, i18n } = useTranslation();
  const getPlan = useAppStore((state) => state.getPlan);
  const setPlan = useAppStore((state) => state.setPlan);
  const getPublishingSettings = useAppStore((state) => state.getPublishingSettings);
  const setPublishingSettings = useAppStore((state) => state.setPublishingSettings);
  const [form, setForm] = useState<PlanForm | null>(null);
  const [lateLimit, setLateLimit] = useState<string | null>(null);
  const [loadError, setLoadError] = useState<AppError | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ids = { late: useId(), lateHint: useId(), cap: useId(), gap: useId(), limitHint: useId(), quiet: useId(), start: useId(), end: useId(), slotsHint: useId(), error: useId() };

  useEffect(() => {
    let live = true;
    void getPlan(workspaceId, account.id).then((outcome) => {
      if (!live) return;
      if (outcome.ok) setForm(planToForm(outcome.value));
      else setLoadError(outcome.error);
    });
    return () => {
      live = false;
    };
  }, [getPlan, workspaceId, account.id]);

  useEffect(() => {
    let live = true;
    void getPublishingSettings(workspaceId).then((outcome) => {
      if (live && outcome.ok) setLateLimit(String(outcome.value.lateLimitMinutes));
    });
    return () => {
      live = false;
    };
  }, [getPublishingSettings, workspaceId]);

  const update = (patch: Partial<PlanForm>) => setForm((current) => (current ? { ...current, ...patch } : current));
  const setTimes = (weekday: number, times: string[]) => setForm((current) => (current ? { ...current, slots: { ...current.slots, [weekday]: times } } : current));

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!form) return;
    const result = formToPlan(form);
    if ('error' in result) {
      const problem = result.error;
      setError(problem.field === 'time' ? t('planner.plan.invalidTime') : t('planner.plan.invalidNumber', { min: problem.min, max: problem.max }));
      return;
    }
    const late = lateLimit === null ? null : Number(lateLimit);
    if (late !== null && (!Number.isInteger(late) || late < 0 || late > MAX_LATE_MINUTES)) {
      setError(t('planner.plan.invalidNumber', { min: 0, max: MAX_LATE_MINUTES }));
      return;
    }
    setError(null);
    setBusy(true);
    const outcome = await setPlan(workspaceId, account.id, result.plan);
    const lateOutcome = outcome.ok && late !== null ? await setPublishingSettings(workspaceId, { lateLimitMinutes: late }) : null;
    setBusy(false);
    if (!outcome.ok) setError(describeError(outcome.error, t));
    else if (lateOutcome && !lateOutcome.ok) setError(describeError(lateOutcome.error, t));
    else onClose();
  }

  return (
    <Modal title={t('planner.plan.title', { account: handleOf(account.handle) })} onClose={onClose}>
      {!form && !loadError && <p className="modal__body">{t('planner.plan.loading')}</p>}
      {loadError && (
        <p role="alert" className="field__error">
          {t('planner.plan.loadFailed', { reason: describeError(loadError, t) })}
        </p>
      )}
      {form && (
        <form className="modal__form plan-editor" onSubmit={(event) => void submit(event)} noValidate>
          <TimeZoneSelect label={t('planner.plan.timeZone')} value={form.timeZone} onChange={(timeZone) => update({ timeZone })} autoFocus />
          <div className="plan-editor__row">
            <div className="field">
              <label className="field__label" htmlFor={ids.cap}>
                {t('planner.plan.dailyCap')}
              </label>
              <input id={ids.cap} className="field__input" type="number" min={1} max={100} value={form.dailyCap} aria-describedby={ids.limitHint} onChange={(event) => update({ dailyCap: event.target.value })} />
            </div>
            <div className="field">
              <label className="field__label" htmlFor={ids.gap}>
                {t('planner.plan.minGap')}
              </label>
              <input id={ids.gap} className="field__input" type="number" min={1} max={1440} value={form.minGap} aria-describedby={ids.limitHint} onChange={(event) => update({ minGap: event.target.value })} />
            </div>
          </div>
          <p id={ids.limitHint} className="field__hint">
            {t('planner.plan.noLimitHint')}
          </p>

          <fieldset className="plan-editor__quiet">
            <legend>{t('planner.plan.quietHours')}</legend>
            <div className="plan-editor__check">
              <input id={ids.quiet} type="checkbox" checked={form.quietEnabled} onChange={(event) => update({ quietEnabled: event.target.checked })} />
              <label htmlFor={ids.quiet}>{t('planner.plan.quietEnabled')}</label>
            </div>
            <div className="plan-editor__row">
              <label htmlFor={ids.start}>{t('planner.plan.quietStart')}</label>
              <input id={ids.start} className="field__input" type="time" disabled={!form.quietEnabled} value={form.quietStart} onChange={(event) => update({ quietStart: event.target.value })} />
              <label htmlFor={ids.end}>{t('planner.plan.quietEnd')}</label>
              <input id={ids.end} className="field__input" type="time" disabled={!form.quietEnabled} value={form.quietEnd} onChange={(event) => update({ quietEnd: event.target.value })} />
            </div>
          </fieldset>

          <fieldset className="plan-editor__slots" aria-describedby={ids.slotsHint}>
            <legend>{t('planner.plan.slots')}</legend>
            <p id={ids.slotsHint} className="field__hint">
              {t('planner.plan.slotsHint')}
            </p>
            {WEEKDAYS.map((weekday) => {
              const day = weekdayName(weekday, i18n.language);
              const times = form.slots[weekday] ?? [];
              return (
                <div key={weekday} className="plan-editor__day" role="group" aria-label={day}>
                  <span className="plan-editor__dayname" aria-hidden="true">
                    {day}
                  </span>
                  <ul className="plan-editor__times">
                    {times.length === 0 && <li className="plan-editor__none">{t('planner.plan.noSlots')}</li>}
                    {times.map((time, index) => (
                      <li key={index} className="plan-editor__time">
                        <input
                          className="field__input"
                          type="time"
                          aria-label={t('planner.plan.timeOn', { day })}
                          value={time}
                          onChange={(event) => setTimes(weekday, times.map((old, i) => (i === index ? event.target.value : old)))}
                        />
                        <button
                          type="button"
                          className="button button--quiet"
                          aria-label={t('planner.plan.removeTime', { time: time || '–', day })}
                          onClick={() => setTimes(weekday, times.filter((_, i) => i !== index))}
                        >
                          <span aria-hidden="true">×</span>
                        </button>
                      </li>
                    ))}
                  </ul>
                  <button type="button" className="button button--quiet" aria-label={t('planner.plan.addTimeOn', { day })} onClick={() => setTimes(weekday, [...times, times.at(-1) ?? '09:00'])}>
                    {t('planner.plan.addTime')}
                  </button>
                </div>
              );
            })}
          </fieldset>
          {lateLimit !== null && (
            <fieldset className="plan-editor__late">
              <legend>{t('planner.plan.lateLegend')}</legend>
              <div className="field">
                <label className="field__label" htmlFor={ids.late}>
                  {t('planner.plan.lateLimit')}
                </label>
                <input id={ids.late} className="field__input" type="number" min={0} max={MAX_LATE_MINUTES} value={lateLimit} aria-describedby={ids.lateHint} onChange={(event) => setLateLimit(event.target.value)} />
                <p id={ids.lateHint} className="field__hint">
                  {t('planner.plan.lateHint')}
                </p>
              </div>
            </fieldset>
          )}
          {error && (
            <p id={ids.error} role="alert" className="field__error">
              {error}
            </p>
          )}
          <FormActions submitLabel={t('planner.plan.save')} busy={busy} onCancel={onClose} />
        </form>
      )}
    </Modal>
  );
}
