import { useTranslation } from 'react-i18next';
import { toAppError } from '../../store/outcome';
import { describeError } from '../../i18n/describeError';
import type { AutosaveStatus } from './autosave';

/** The draft's autosave, said quietly: "Saved", "Saving…", or why it is not saved yet. */
export function SaveStatus({ status }: { status: AutosaveStatus }) {
  const { t } = useTranslation();
  let text = '';
  switch (status.kind) {
    case 'pending':
    case 'saving':
      text = t('composer.status.saving');
      break;
    case 'saved':
      text = t('composer.status.saved');
      break;
    case 'failed':
      text = t('composer.status.failed', { reason: describeError(toAppError(status.error), t) });
      break;
    case 'idle':
      break;
  }
  return (
    <p role="status" className={status.kind === 'failed' ? 'composer-save composer-save--failed' : 'composer-save'}>
      {text}
    </p>
  );
}
