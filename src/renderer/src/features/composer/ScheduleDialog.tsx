import { DateTime } from 'luxon';
import { useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { WallTime } from '../../../../shared/contract/planner';
import { FieldError } from '../../components/FieldError';
import { Modal } from '../../components/Modal';
import { useAppStore } from '../../store/AppStoreProvider';
import { isLocalDateTime, localZone } from '../planner/calendar';
import { timeZoneOptions } from '../planner/planForm';

interface ScheduleDialogProps {
  workspaceId: string;
  /** Whose plan's zone is the default. */
  accountId: string | null;
  onSchedule(at: WallTime): Promise<void>;
  onClose(): void;
}

/** The next full hour in a zone, as a datetime-local value. */
function nextHour(zone: string): string {
  return DateTime.now().setZone(zone).startOf('hour').plus({ hours: 1 }).toFormat("yyyy-MM-dd'T'HH:mm");
}

/** "Schedule…": a date and time in a zone (the plan's zone unless the user picks another). */
export function ScheduleDialog({ workspaceId, accountId, onSchedule, onClose }: ScheduleDialogProps) {
  const { t } = useTranslation();
  const getPlan = useAppStore((state) => state.getPlan);
  const whenId = useId();
  const zoneId = useId();
  const errorId = useId();
  const [zone, setZone] = useState(localZone);
  const [value, setValue] = useState(() => nextHour(localZone()));
  const [touched, setTouched] = useState(false);
  const [invalid, setInvalid] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  // The plan's zone becomes the default, unless the user already chose.
  useEffect(() => {
    if (!accountId) return;
    let live = true;
    void getPlan(workspaceId, accountId).then((outcome) => {
      if (!live || !outcome.ok || touched) return;
      setZone(outcome.value.timeZone);
      setValue(nextHour(outcome.value.timeZone));
    });
    return () => {
      live = false;
    };
    // Only the account decides; a later touch must not refetch.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [getPlan, workspaceId, accountId]);

  const zones = useMemo(() => timeZoneOptions(zone), [zone]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!isLocalDateTime(value)) {
      setInvalid(t('planner.compose.invalid'));
      return;
    }
    setInvalid(null);
    setBusy(true);
    await onSchedule({ local: value, timeZone: zone });
    setBusy(false);
  }

  return (
    <Modal title={t('planner.compose.scheduleTitle')} onClose={onClose}>
      <form className="modal__form" onSubmit={(event) => void submit(event)} noValidate>
        <div className="field">
          <label className="field__label" htmlFor={whenId}>
            {t('planner.compose.when')}
          </label>
          <input
            id={whenId}
            className="field__input"
            type="datetime-local"
            value={value}
            data-autofocus
            aria-invalid={invalid ? true : undefined}
            aria-describedby={invalid ? errorId : undefined}
            onChange={(event) => {
              setTouched(true);
              setValue(event.target.value.slice(0, 16));
            }}
          />
          <FieldError id={errorId} message={invalid} />
        </div>
        <div className="field">
          <label className="field__label" htmlFor={zoneId}>
            {t('planner.compose.zone')}
          </label>
          <select
            id={zoneId}
            className="field__input"
            value={zone}
            onChange={(event) => {
              setTouched(true);
              setZone(event.target.value);
            }}
          >
            {zones.map((z) => (
              <option key={z} value={z}>
                {z}
              </option>
            ))}
          </select>
        </div>
        <div className="modal__actions">
          <button type="button" className="button" onClick={onClose}>
            {t('dialogs.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={busy}>
            {t('planner.compose.submit')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
