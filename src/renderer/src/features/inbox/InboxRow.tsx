import { memo, useId, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agent, InboxItemView, InboxSettings } from '../../../../shared/contract/inbox';
import { AnalysisChips } from '../../components/AnalysisChips';
import { authorLabel, excerpt, optionName } from './inboxList';
import { ResponseClock } from './ResponseClock';

interface InboxRowProps {
  entry: InboxItemView;
  settings: InboxSettings | null;
  assignee: Agent | null;
  /** The row the keys act on (the one Tab reaches). */
  active: boolean;
  /** Part of the bulk selection. */
  selected: boolean;
  /** Its conversation is open beside the list. */
  open: boolean;
  onActivate(id: number): void;
  onOpen(id: number): void;
  onToggleSelect(id: number): void;
}

/** One inbox item in the list: network, author, excerpt, tags, assignee and the response clock. */
export const InboxRow = memo(function InboxRow({ entry, settings, assignee, active, selected, open, onActivate, onOpen, onToggleSelect }: InboxRowProps) {
  const { t } = useTranslation();
  const metaId = useId();
  const item = entry.item;
  const className = ['inbox-row', active ? 'inbox-row--active' : null, selected ? 'inbox-row--selected' : null, open ? 'inbox-row--open' : null]
    .filter(Boolean)
    .join(' ');
  return (
    <div
      role="option"
      className={className}
      aria-label={optionName(entry)}
      aria-describedby={metaId}
      aria-selected={selected}
      aria-current={open ? 'true' : undefined}
      tabIndex={active ? 0 : -1}
      data-inbox-id={entry.id}
      onFocus={() => onActivate(entry.id)}
      onClick={(event: MouseEvent) => {
        if ((event.target as Element).closest('.inbox-row__check')) return;
        onActivate(entry.id);
        onOpen(entry.id);
      }}
    >
      <span
        className="inbox-row__check"
        aria-hidden="true"
        title={t('inbox.list.selectTitle')}
        onClick={() => onToggleSelect(entry.id)}
      >
        <span className={selected ? 'inbox-row__box inbox-row__box--checked' : 'inbox-row__box'} />
      </span>
      <span className="inbox-row__main">
        <span className="inbox-row__head">
          <span className={`inbox-row__network inbox-row__network--${item.network}`}>{t(`deck.networks.${item.network}`)}</span>
          <span className="inbox-row__author">{authorLabel(item)}</span>
          {assignee && (
            <span className="inbox-row__assignee" title={t('inbox.list.assignedTo', { name: assignee.name })}>
              {assignee.initials}
            </span>
          )}
        </span>
        <span className="inbox-row__text">{excerpt(item.text || item.title || '', 140)}</span>
        <span id={metaId} className="inbox-row__meta">
          <ResponseClock entry={entry} settings={settings} />
          <AnalysisChips analysis={item.analysis} />
          {assignee && <span className="sr-only">{t('inbox.list.assignedTo', { name: assignee.name })}</span>}
          {entry.tags.length > 0 && (
            <span className="inbox-row__tags">
              <span className="sr-only">{t('inbox.list.tags')} </span>
              {entry.tags.map((tag) => (
                <span key={tag} className="inbox-tag">
                  {tag}
                </span>
              ))}
            </span>
          )}
          {entry.noteCount > 0 && <span className="inbox-row__notes">{t('inbox.list.notes', { count: entry.noteCount })}</span>}
        </span>
      </span>
    </div>
  );
});
