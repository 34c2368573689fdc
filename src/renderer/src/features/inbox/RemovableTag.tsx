import { useTranslation } from 'react-i18next';

/** A tag with its × button (named for screen readers and on hover). */
export function RemovableTag({ tag, onRemove }: { tag: string; onRemove(): void }) {
  const { t } = useTranslation();
  const label = t('inbox.conversation.removeTag', { tag });
  return (
    <span className="inbox-tag">
      {tag}
      <button type="button" className="inbox-tag__remove" aria-label={label} title={label} onClick={onRemove}>
        ×
      </button>
    </span>
  );
}
