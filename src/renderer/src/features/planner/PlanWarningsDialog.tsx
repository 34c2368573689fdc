import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountView } from '../../../../shared/contract/accounts';
import type { ScheduleResult } from '../../../../shared/contract/planner';
import { Modal } from '../../components/Modal';
import { handleOf } from './calendar';
import { warningText } from './warnings';

interface PlanWarningsDialogProps {
  warnings: ScheduleResult['warnings'];
  accounts: readonly AccountView[];
  /** "Move anyway" or "Save anyway". */
  confirmLabel: string;
  onConfirm(): Promise<void>;
  onClose(): void;
}

/** The rules a save would break, each named, with the choice to save anyway or leave things as they were. */
export function PlanWarningsDialog({ warnings, accounts, confirmLabel, onConfirm, onClose }: PlanWarningsDialogProps) {
  const { t, i18n } = useTranslation();
  const bodyId = useId();
  const [busy, setBusy] = useState(false);
  const several = new Set(warnings.map((w) => w.accountId)).size > 1;
  return (
    <Modal title={t('planner.warnings.title')} onClose={onClose} role="alertdialog" describedBy={bodyId}>
      <div id={bodyId} className="modal__body">
        <p>{t('planner.warnings.intro')}</p>
        <ul className="plan-warnings">
          {warnings.map((warning, index) => {
            const text = warningText(warning, t, i18n.language);
            const account = accounts.find((a) => a.id === warning.accountId);
            return (
              <li key={`${warning.accountId}-${warning.rule}-${index}`} className={`plan-warnings__item plan-warnings__item--${warning.rule}`}>
                {several ? t('planner.warnings.item', { account: handleOf(account?.handle), text }) : text}
              </li>
            );
          })}
        </ul>
      </div>
      <div className="modal__actions">
        <button type="button" className="button" onClick={onClose} data-autofocus>
          {t('planner.warnings.cancel')}
        </button>
        <button
          type="button"
          className="button button--primary"
          disabled={busy}
          onClick={() => {
            setBusy(true);
            void onConfirm().finally(() => setBusy(false));
          }}
        >
          {confirmLabel}
        </button>
      </div>
    </Modal>
  );
}
