import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../i18n/describeError';
import type { Outcome } from '../../store/outcome';

/** Runs a dialog's action: busy while it runs, the core's error in words when it fails, closes on success. */
export function useSubmit(onDone: () => void): { busy: boolean; error: string | null; run(action: () => Promise<Outcome<unknown>>): Promise<void> } {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return {
    busy,
    error,
    async run(action) {
      setBusy(true);
      setError(null);
      const outcome = await action();
      setBusy(false);
      if (outcome.ok) onDone();
      else setError(describeError(outcome.error, t));
    },
  };
}
