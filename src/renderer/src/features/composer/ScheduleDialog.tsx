import { DateTime } from 'luxon';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WallTime } from '../../../../shared/contract/planner';
import { FormActions } from '../../components/FormActions';
import { Modal } from '../../components/Modal';
import { TimeZoneSelect } from '../../components/TimeZoneSelect';
import { useAppStore } from '../../store/AppStoreProvider';
import { localZone } from '../planner/calendar';
import { useWallTimeForm, WallTimeField } from '../planner/WallTimeField';

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
  const [zone, setZone] = useState(localZone);
  const form = useWallTimeForm(() => nextHour(localZone()));
  const [touched, setTouched] = useState(false);
  const { setValue } = form;

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

  return (
    <Modal title={t('planner.compose.scheduleTitle')} onClose={onClose}>
      <form className="modal__form" onSubmit={(event) => void form.submit(event, t('planner.compose.invalid'), (local) => onSchedule({ local, timeZone: zone }))} noValidate>
        <WallTimeField
          label={t('planner.compose.when')}
          value={form.value}
          invalid={form.invalid}
          onChange={(local) => {
            setTouched(true);
            form.setValue(local);
          }}
        />
        <TimeZoneSelect
          label={t('planner.compose.zone')}
          value={zone}
          onChange={(next) => {
            setTouched(true);
            setZone(next);
          }}
        />
        <FormActions submitLabel={t('planner.compose.submit')} busy={form.busy} onCancel={onClose} />
      </form>
    </Modal>
  );
}
