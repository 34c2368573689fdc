import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../i18n/describeError';
import type { Outcome } from '../store/outcome';

export interface Submit {
  busy: boolean;
  /** A validation message the form set, or the core's error in words. */
  error: string | null;
  setError(message: string | null): void;
  /** Runs ACTION (busy meanwhile); on success ON_SUCCESS gets its value, otherwise its error is shown. */
  run<T>(action: () => Promise<Outcome<T>>, onSuccess?: (value: T) => void): Promise<void>;
}

/** Runs a form's or dialog's action: busy while it runs, the core's error in words when it fails, ON_DONE on success. */
export function useSubmit(onDone?: () => void): Submit {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return {
    busy,
    error,
    setError,
    async run(action, onSuccess) {
      setBusy(true);
      setError(null);
      const outcome = await action();
      setBusy(false);
      if (!outcome.ok) setError(describeError(outcome.error, t));
      else if (onSuccess) onSuccess(outcome.value);
      else onDone?.();
    },
  };
}
