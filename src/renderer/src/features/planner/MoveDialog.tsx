import { useTranslation } from 'react-i18next';
import type { ScheduledPost } from '../../../../shared/contract/planner';
import { FormActions } from '../../components/FormActions';
import { Modal } from '../../components/Modal';
import { entryLocal, entryZone } from './calendar';
import { useWallTimeForm, WallTimeField } from './WallTimeField';

interface MoveDialogProps {
  entry: ScheduledPost;
  name: string;
  /** Resolves once the core answered (moved, warnings pending, or failed). */
  onMove(local: string, timeZone: string): Promise<void>;
  onClose(): void;
}

/** "Move…": the keyboard's way to drag a post, a date and time in the post's own zone. */
export function MoveDialog({ entry, name, onMove, onClose }: MoveDialogProps) {
  const { t } = useTranslation();
  const zone = entryZone(entry);
  const form = useWallTimeForm(() => entryLocal(entry));

  return (
    <Modal title={t('planner.move.title')} onClose={onClose}>
      <p className="modal__body planner-move__post">{name}</p>
      <form className="modal__form" onSubmit={(event) => void form.submit(event, t('planner.move.invalid'), (local) => onMove(local, zone))} noValidate>
        <WallTimeField label={t('planner.move.field')} value={form.value} onChange={form.setValue} invalid={form.invalid} hint={t('planner.move.zoneHint', { zone })} />
        <FormActions submitLabel={t('planner.move.submit')} busy={form.busy} onCancel={onClose} />
      </form>
    </Modal>
  );
}
