import { useId, useMemo } from 'react';

/** Every IANA zone this browser knows, with `current` in it even if the browser does not know it. */
export function timeZoneOptions(current: string): string[] {
  const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  const zones = new Set(known);
  zones.add('UTC');
  if (current) zones.add(current);
  return [...zones].sort();
}

interface TimeZoneSelectProps {
  label: string;
  /** An IANA zone; offered even when the browser does not know it. */
  value: string;
  onChange(zone: string): void;
  /** The control the dialog focuses first. */
  autoFocus?: boolean;
}

/** A labelled choice of time zone. */
export function TimeZoneSelect({ label, value, onChange, autoFocus = false }: TimeZoneSelectProps) {
  const id = useId();
  const zones = useMemo(() => timeZoneOptions(value), [value]);
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <select id={id} className="field__input" value={value} onChange={(event) => onChange(event.target.value)} data-autofocus={autoFocus || undefined}>
        {zones.map((zone) => (
          <option key={zone} value={zone}>
            {zone}
          </option>
        ))}
      </select>
    </div>
  );
}
