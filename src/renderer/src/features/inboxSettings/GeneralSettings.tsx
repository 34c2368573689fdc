import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SIGNATURE_PLACEMENTS, type Agent, type InboxSettings, type SavedReply } from '../../../../shared/contract/inbox';
import { FieldError } from '../../components/FieldError';
import { TimeZoneSelect } from '../../components/TimeZoneSelect';
import { useSubmit } from '../../components/useSubmit';
import { useAppStore } from '../../store/AppStoreProvider';
import { businessHoursFrom, dayRows, goalFromParts, goalParts, type DayRow } from './settingsForm';

const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;

/** Goal, time zone, business hours and the composer's house rules, saved together. */
export function GeneralSettings({ settings, agents, savedReplies }: { settings: InboxSettings; agents: Agent[]; savedReplies: SavedReply[] }) {
  const { t } = useTranslation();
  const ids = { hours: useId(), minutes: useId(), placement: useId(), ack: useId(), agent: useId(), alt: useId(), error: useId(), goalHint: useId() };
  const save = useAppStore((state) => state.saveInboxSettings);
  const goal = goalParts(settings.goalMinutes);
  const [hours, setHours] = useState(String(goal.hours));
  const [minutes, setMinutes] = useState(String(goal.minutes));
  const [timeZone, setTimeZone] = useState(settings.timeZone);
  const [days, setDays] = useState<DayRow[]>(() => dayRows(settings.businessHours));
  const [placement, setPlacement] = useState(settings.signaturePlacement);
  const [requireAltText, setRequireAltText] = useState(settings.requireAltText);
  const [ackId, setAckId] = useState(settings.acknowledgementReplyId ?? '');
  const [agentId, setAgentId] = useState(settings.currentAgentId ?? '');
  const [saved, setSaved] = useState(false);
  const { busy, error, setError, run } = useSubmit();

  const setDay = (index: number, patch: Partial<DayRow>) => {
    setSaved(false);
    setDays((current) => current.map((day, i) => (i === index ? { ...day, ...patch } : day)));
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const goalMinutes = goalFromParts(hours, minutes);
    if (goalMinutes === null) return setError(t('inbox.settings.goalInvalid'));
    const week = businessHoursFrom(days);
    if (!week.ok) return setError(t('inbox.settings.hoursInvalid', { day: t(`inbox.settings.days.${WEEKDAYS[week.day]!}`) }));
    await run(
      () =>
        save({
          goalMinutes,
          timeZone,
          businessHours: week.hours,
          signaturePlacement: placement,
          requireAltText,
          acknowledgementReplyId: ackId || null,
          currentAgentId: agentId || null,
        }),
      () => setSaved(true),
    );
  }

  return (
    <form className="inbox-settings__section" onSubmit={(event) => void submit(event)} noValidate aria-label={t('inbox.settings.general')}>
      <h3 className="inbox-section__title">{t('inbox.settings.general')}</h3>
      <fieldset className="inbox-settings__group">
        <legend className="field__label">{t('inbox.settings.goal')}</legend>
        <div className="inbox-settings__inline">
          <label htmlFor={ids.hours}>{t('inbox.settings.goalHours')}</label>
          <input id={ids.hours} className="field__input inbox-settings__number" type="number" min={0} max={168} value={hours} aria-describedby={ids.goalHint} onChange={(event) => setHours(event.target.value)} />
          <label htmlFor={ids.minutes}>{t('inbox.settings.goalMinutes')}</label>
          <input id={ids.minutes} className="field__input inbox-settings__number" type="number" min={0} max={59} value={minutes} aria-describedby={ids.goalHint} onChange={(event) => setMinutes(event.target.value)} />
        </div>
        <p id={ids.goalHint} className="field__hint">
          {t('inbox.settings.goalHint')}
        </p>
      </fieldset>
      <TimeZoneSelect label={t('inbox.settings.timeZone')} value={timeZone} onChange={setTimeZone} />
      <fieldset className="inbox-settings__group">
        <legend className="field__label">{t('inbox.settings.businessHours')}</legend>
        <p className="field__hint">{t('inbox.settings.businessHoursHint')}</p>
        <table className="inbox-settings__hours">
          <tbody>
            {days.map((day, index) => {
              const name = t(`inbox.settings.days.${WEEKDAYS[index]!}`);
              return (
                <tr key={WEEKDAYS[index]}>
                  <th scope="row">{name}</th>
                  <td>
                    <label className="inbox-settings__check">
                      <input type="checkbox" checked={day.open} onChange={(event) => setDay(index, { open: event.target.checked })} />
                      {t('inbox.settings.openDay', { day: name })}
                    </label>
                  </td>
                  <td>
                    <input
                      className="field__input"
                      type="time"
                      aria-label={t('inbox.settings.from', { day: name })}
                      value={day.start}
                      disabled={!day.open}
                      onChange={(event) => setDay(index, { start: event.target.value })}
                    />
                  </td>
                  <td>
                    <input
                      className="field__input"
                      type="time"
                      aria-label={t('inbox.settings.to', { day: name })}
                      value={day.end === '24:00' ? '00:00' : day.end}
                      disabled={!day.open}
                      onChange={(event) => setDay(index, { end: event.target.value })}
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </fieldset>
      <div className="field">
        <label className="field__label" htmlFor={ids.placement}>
          {t('inbox.settings.signaturePlacement')}
        </label>
        <select id={ids.placement} className="field__input" value={placement} onChange={(event) => setPlacement(event.target.value as InboxSettings['signaturePlacement'])}>
          {SIGNATURE_PLACEMENTS.map((value) => (
            <option key={value} value={value}>
              {t(`inbox.settings.placements.${value}`)}
            </option>
          ))}
        </select>
      </div>
      <label className="inbox-settings__check" htmlFor={ids.alt}>
        <input id={ids.alt} type="checkbox" checked={requireAltText} onChange={(event) => setRequireAltText(event.target.checked)} />
        {t('inbox.settings.requireAltText')}
      </label>
      <div className="field">
        <label className="field__label" htmlFor={ids.ack}>
          {t('inbox.settings.acknowledgement')}
        </label>
        <select id={ids.ack} className="field__input" value={ackId} onChange={(event) => setAckId(event.target.value)}>
          <option value="">{t('inbox.settings.noAcknowledgement')}</option>
          {savedReplies.map((reply) => (
            <option key={reply.id} value={reply.id}>
              {reply.title}
            </option>
          ))}
        </select>
        <p className="field__hint">{t('inbox.settings.acknowledgementHint')}</p>
      </div>
      <div className="field">
        <label className="field__label" htmlFor={ids.agent}>
          {t('inbox.settings.currentAgent')}
        </label>
        <select id={ids.agent} className="field__input" value={agentId} onChange={(event) => setAgentId(event.target.value)}>
          <option value="">{t('inbox.settings.noAgent')}</option>
          {agents.map((agent) => (
            <option key={agent.id} value={agent.id}>
              {agent.name} ({agent.initials})
            </option>
          ))}
        </select>
      </div>
      <FieldError id={ids.error} message={error} />
      <div className="inbox-settings__actions">
        <span role="status" className="inbox-muted">
          {saved ? t('inbox.settings.saved') : ''}
        </span>
        <button type="submit" className="button button--primary" disabled={busy}>
          {t('inbox.settings.save')}
        </button>
      </div>
    </form>
  );
}
