import { useState, type FormEvent } from 'react';
import { HintedField } from '../../components/HintedField';
import { isLocalDateTime } from './calendar';

interface WallTimeFieldProps {
  label: string;
  /** A datetime-local value: "2026-11-24T09:30". */
  value: string;
  onChange(local: string): void;
  /** What is wrong with the value, under the field. */
  invalid: string | null;
  hint?: string;
}

/** The date and time of a wall time, the field a dialog focuses first (its zone is shown or chosen next to it). */
export function WallTimeField({ label, value, onChange, invalid, hint }: WallTimeFieldProps) {
  return (
    <HintedField label={label} hint={hint} message={invalid} invalid={Boolean(invalid)}>
      {(control) => (
        // Seconds, which some platforms add, are not part of a wall time.
        <input {...control} className="field__input" type="datetime-local" value={value} data-autofocus onChange={(event) => onChange(event.target.value.slice(0, 16))} />
      )}
    </HintedField>
  );
}

export interface WallTimeForm {
  value: string;
  setValue(local: string): void;
  invalid: string | null;
  busy: boolean;
  /** Shows INVALID_MESSAGE if the value is no date and time; otherwise SAVE gets it, busy until it resolves. */
  submit(event: FormEvent, invalidMessage: string, save: (local: string) => Promise<void>): Promise<void>;
}

/** The state of a dialog that asks for one wall time. */
export function useWallTimeForm(initial: () => string): WallTimeForm {
  const [value, setValue] = useState(initial);
  const [invalid, setInvalid] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return {
    value,
    setValue,
    invalid,
    busy,
    async submit(event, invalidMessage, save) {
      event.preventDefault();
      if (!isLocalDateTime(value)) {
        setInvalid(invalidMessage);
        return;
      }
      setInvalid(null);
      setBusy(true);
      await save(value);
      setBusy(false);
    },
  };
}
