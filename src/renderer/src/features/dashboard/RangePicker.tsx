import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { RANGE_PRESETS, type RangePreset, type RangeProblem, type RangeSelection } from './range';

interface RangePickerProps {
  selection: RangeSelection;
  problem: RangeProblem | null;
  timeZone: string;
  onChange(selection: RangeSelection): void;
}

/**
 * The fields start from the selection; the parent keys the picker by workspace, so another
 * workspace's picker starts afresh.
 * Presets as a group of toggle buttons; "Custom" opens two date fields (calendar days in the workspace's zone). */
export function RangePicker({ selection, problem, timeZone, onChange }: RangePickerProps) {
  const { t } = useTranslation();
  const ids = { from: useId(), to: useId(), hint: useId(), problem: useId() };
  const [from, setFrom] = useState(selection.customFrom);
  const [to, setTo] = useState(selection.customTo);
  const [custom, setCustom] = useState(selection.preset === 'custom');

  function pick(preset: RangePreset) {
    if (preset === 'custom') {
      setCustom(true);
      return;
    }
    setCustom(false);
    onChange({ ...selection, preset });
  }

  function apply(event: FormEvent) {
    event.preventDefault();
    onChange({ preset: 'custom', customFrom: from, customTo: to });
  }

  const pressed = (preset: RangePreset) => (custom ? preset === 'custom' : selection.preset === preset);
  return (
    <div className="range-picker">
      <div className="range-picker__presets" role="group" aria-label={t('dashboard.range.label')} aria-describedby={ids.hint}>
        {RANGE_PRESETS.map((preset) => (
          <button key={preset} type="button" className="button button--small range-picker__preset" aria-pressed={pressed(preset)} onClick={() => pick(preset)}>
            {t(`dashboard.range.presets.${preset}`)}
          </button>
        ))}
      </div>
      {custom && (
        <form className="range-picker__custom" onSubmit={apply} noValidate>
          <label htmlFor={ids.from}>{t('dashboard.range.from')}</label>
          <input
            id={ids.from}
            className="field__input"
            type="date"
            value={from}
            onChange={(event) => setFrom(event.target.value)}
            aria-invalid={problem !== null || undefined}
            aria-describedby={problem ? ids.problem : undefined}
          />
          <label htmlFor={ids.to}>{t('dashboard.range.to')}</label>
          <input
            id={ids.to}
            className="field__input"
            type="date"
            value={to}
            onChange={(event) => setTo(event.target.value)}
            aria-invalid={problem !== null || undefined}
            aria-describedby={problem ? ids.problem : undefined}
          />
          <button type="submit" className="button button--small button--primary">
            {t('dashboard.range.apply')}
          </button>
        </form>
      )}
      {problem && (
        <p id={ids.problem} role="alert" className="field__error">
          {t(`dashboard.range.problems.${problem}`)}
        </p>
      )}
      <p id={ids.hint} className="range-picker__hint">
        {t('dashboard.range.zoneHint', { zone: timeZone })}
      </p>
    </div>
  );
}
