import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../components/FormActions';
import { HintedField } from '../../components/HintedField';
import { Modal } from '../../components/Modal';
import type { Outcome } from '../../store/outcome';
import { useNow } from '../deck/useNow';
import { formatInZone, fromLocalInput, snoozePresets, toLocalInput } from './snooze';
import { useSubmit } from '../../components/useSubmit';

interface SnoozeDialogProps {
  timeZone: string;
  count: number;
  onSnooze(untilIso: string): Promise<Outcome<unknown>>;
  onClose(): void;
}

/** "Snooze": the item waits (pending) until a follow-up time in the workspace's time zone, then reopens. */
export function SnoozeDialog({ timeZone, count, onSnooze, onClose }: SnoozeDialogProps) {
  const { t, i18n } = useTranslation();
  const now = useNow();
  const presets = useMemo(() => snoozePresets(now, timeZone), [now, timeZone]);
  const [value, setValue] = useState(() => toLocalInput(presets.tomorrowNine, timeZone));
  const [invalid, setInvalid] = useState<string | null>(null);
  const { busy, error, run } = useSubmit(onClose);

  const snooze = (iso: string) => void run(() => onSnooze(iso));

  function submit(event: FormEvent) {
    event.preventDefault();
    const iso = fromLocalInput(value, timeZone);
    if (!iso) return setInvalid(t('inbox.snooze.invalid'));
    if (Date.parse(iso) <= now) return setInvalid(t('inbox.snooze.past'));
    setInvalid(null);
    snooze(iso);
  }

  const choices = [
    { key: 'inOneHour', label: t('inbox.snooze.inOneHour'), iso: presets.inOneHour },
    { key: 'tomorrowNine', label: t('inbox.snooze.tomorrowNine'), iso: presets.tomorrowNine },
    { key: 'nextMondayNine', label: t('inbox.snooze.nextMondayNine'), iso: presets.nextMondayNine },
  ];
  return (
    <Modal title={t('inbox.snooze.title')} onClose={onClose}>
      <p className="modal__body">{t('inbox.snooze.intro', { count, zone: timeZone })}</p>
      <div className="inbox-snooze__presets" role="group" aria-label={t('inbox.snooze.presets')}>
        {choices.map((choice, index) => (
          <button
            key={choice.key}
            type="button"
            className="button"
            disabled={busy}
            onClick={() => snooze(choice.iso)}
            title={formatInZone(choice.iso, timeZone, i18n.language)}
            data-autofocus={index === 0 ? true : undefined}
          >
            {choice.label}
            <span className="inbox-snooze__when">{formatInZone(choice.iso, timeZone, i18n.language)}</span>
          </button>
        ))}
      </div>
      <form className="modal__form inbox-snooze__custom" onSubmit={submit} noValidate>
        <HintedField label={t('inbox.snooze.custom')} hint={t('inbox.snooze.zoneHint', { zone: timeZone })} message={invalid ?? error} invalid={Boolean(invalid)}>
          {(control) => <input {...control} className="field__input" type="datetime-local" value={value} onChange={(event) => setValue(event.target.value)} />}
        </HintedField>
        <FormActions submitLabel={t('inbox.snooze.submit')} busy={busy} onCancel={onClose} />
      </form>
    </Modal>
  );
}
