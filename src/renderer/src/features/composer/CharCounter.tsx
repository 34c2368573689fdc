import { useTranslation } from 'react-i18next';
import type { ComposerCheck } from '../../../../shared/contract/composer';

/**
 * How many characters are left, counted by the core as the network counts them. The number is
 * what sighted people glance at; the sentence (`descriptionId`) describes the text area.
 */
export function CharCounter({ check, stale, descriptionId }: { check: ComposerCheck | null; stale: boolean; descriptionId: string }) {
  const { t } = useTranslation();
  if (!check) return <span id={descriptionId} className="composer-counter" hidden />;
  const remaining = check.limit - check.length;
  const over = remaining < 0;
  const warn = !over && remaining <= Math.max(10, Math.round(check.limit * 0.05));
  const className = ['composer-counter', over && 'composer-counter--over', warn && 'composer-counter--warn', stale && 'composer-counter--stale'].filter(Boolean).join(' ');
  return (
    <span className={className}>
      <span aria-hidden="true">{remaining}</span>
      <span id={descriptionId} className="sr-only">
        {over ? t('composer.counter.over', { count: -remaining, limit: check.limit }) : t('composer.counter.description', { remaining, limit: check.limit })}
      </span>
    </span>
  );
}
