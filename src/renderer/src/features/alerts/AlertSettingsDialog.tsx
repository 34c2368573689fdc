import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../../shared/contract/errors';
import { FormActions } from '../../components/FormActions';
import { Modal } from '../../components/Modal';
import { describeError } from '../../i18n/describeError';
import { useAppStore } from '../../store/AppStoreProvider';

interface Form {
  enabled: boolean;
  k: string;
  minCount: string;
}

/** Whether spikes raise alerts, how far above the usual level (k) and from how many mentions an hour. */
export function AlertSettingsDialog({ workspaceId, onClose }: { workspaceId: string; onClose(): void }) {
  const { t } = useTranslation();
  const getSettings = useAppStore((state) => state.getAlertSettings);
  const setSettings = useAppStore((state) => state.setAlertSettings);
  const [form, setForm] = useState<Form | null>(null);
  const [loadError, setLoadError] = useState<AppError | null>(null);
  const [problem, setProblem] = useState<{ field: 'k' | 'minCount' | null; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const ids = { enabled: useId(), k: useId(), kHint: useId(), min: useId(), minHint: useId(), error: useId() };

  useEffect(() => {
    let live = true;
    void getSettings(workspaceId).then((outcome) => {
      if (!live) return;
      if (outcome.ok) setForm({ enabled: outcome.value.enabled, k: String(outcome.value.k), minCount: String(outcome.value.minCount) });
      else setLoadError(outcome.error);
    });
    return () => {
      live = false;
    };
  }, [getSettings, workspaceId]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!form) return;
    // Both decimal separators: "2,5" is how German speakers write it.
    const k = Number(form.k.trim().replace(',', '.'));
    const minCount = Number(form.minCount.trim());
    if (!form.k.trim() || !Number.isFinite(k) || k < 1 || k > 10) {
      setProblem({ field: 'k', text: t('alerts.invalidK') });
      return;
    }
    if (!Number.isInteger(minCount) || minCount < 1 || minCount > 10_000) {
      setProblem({ field: 'minCount', text: t('alerts.invalidMinCount') });
      return;
    }
    setProblem(null);
    setBusy(true);
    const outcome = await setSettings(workspaceId, { enabled: form.enabled, k, minCount });
    setBusy(false);
    if (outcome.ok) onClose();
    else setProblem({ field: null, text: t('alerts.saveFailed', { reason: describeError(outcome.error, t) }) });
  }

  const describedBy = (hint: string, field: 'k' | 'minCount') => [hint, problem?.field === field ? ids.error : null].filter(Boolean).join(' ');
  return (
    <Modal title={t('alerts.settingsTitle')} onClose={onClose}>
      {!form && !loadError && <p className="modal__body">{t('alerts.loading')}</p>}
      {loadError && (
        <p role="alert" className="field__error">
          {t('alerts.loadFailed', { reason: describeError(loadError, t) })}
        </p>
      )}
      {form && (
        <form className="modal__form" onSubmit={(event) => void submit(event)} noValidate>
          <div className="alert-settings__check">
            <input id={ids.enabled} type="checkbox" checked={form.enabled} data-autofocus onChange={(event) => setForm({ ...form, enabled: event.target.checked })} />
            <label htmlFor={ids.enabled}>{t('alerts.enabled')}</label>
          </div>
          <div className="field">
            <label className="field__label" htmlFor={ids.k}>
              {t('alerts.k')}
            </label>
            <input
              id={ids.k}
              className="field__input"
              inputMode="decimal"
              value={form.k}
              disabled={!form.enabled}
              aria-invalid={problem?.field === 'k' || undefined}
              aria-describedby={describedBy(ids.kHint, 'k')}
              onChange={(event) => setForm({ ...form, k: event.target.value })}
            />
            <p id={ids.kHint} className="field__hint">
              {t('alerts.kHint')}
            </p>
          </div>
          <div className="field">
            <label className="field__label" htmlFor={ids.min}>
              {t('alerts.minCount')}
            </label>
            <input
              id={ids.min}
              className="field__input"
              type="number"
              min={1}
              max={10_000}
              step={1}
              value={form.minCount}
              disabled={!form.enabled}
              aria-invalid={problem?.field === 'minCount' || undefined}
              aria-describedby={describedBy(ids.minHint, 'minCount')}
              onChange={(event) => setForm({ ...form, minCount: event.target.value })}
            />
            <p id={ids.minHint} className="field__hint">
              {t('alerts.minCountHint')}
            </p>
          </div>
          {problem && (
            <p id={ids.error} role="alert" className="field__error">
              {problem.text}
            </p>
          )}
          <FormActions submitLabel={t('alerts.save')} busy={busy} onCancel={onClose} />
        </form>
      )}
    </Modal>
  );
}
