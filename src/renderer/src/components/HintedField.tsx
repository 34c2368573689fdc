import { useId, type ReactNode } from 'react';
import { FieldError } from './FieldError';

/** What the control inside a HintedField needs to be labelled and described. */
export interface HintedControl {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

interface HintedFieldProps {
  label: string;
  hint?: string;
  /** The line under the hint: what is wrong with the input, or why the action failed. */
  message?: string | null;
  /** Marks the control invalid (the message is about what was typed, not about the core). */
  invalid?: boolean;
  /** The control's id, when the caller needs it (to focus it); a generated one otherwise. */
  id?: string;
  children(control: HintedControl): ReactNode;
}

/** A labelled control with a hint (if any) and room for an error under it, both read out with the control. */
export function HintedField({ label, hint, message = null, invalid = false, id, children }: HintedFieldProps) {
  const generatedId = useId();
  const hintId = useId();
  const errorId = useId();
  const controlId = id ?? generatedId;
  return (
    <div className="field">
      <label className="field__label" htmlFor={controlId}>
        {label}
      </label>
      {children({ id: controlId, 'aria-invalid': invalid ? true : undefined, 'aria-describedby': [hint ? hintId : null, message ? errorId : null].filter(Boolean).join(' ') || undefined })}
      {hint && (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      )}
      <FieldError id={errorId} message={message} />
    </div>
  );
}
