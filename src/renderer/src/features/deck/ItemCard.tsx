import { memo, useId, type KeyboardEvent, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { StoredItem } from '../../../../shared/contract/items';
import { AnalysisChips } from '../../components/AnalysisChips';
import { useAppStore } from '../../store/AppStoreProvider';
import { Icon } from './Icon';
import { ItemHtml } from './ItemHtml';
import { deckCommandFor } from './keyboard';
import { safeHttpUrl, safeImageUrl } from './sanitize';
import { formatFullDate, formatItemTime } from './time';
import { useNow } from './useNow';

/** Collapsed cards show this much text at most (the rest is one "Show more" away). */
const COLLAPSED_TEXT = 600;
const MAX_IMAGES = 4;

export interface ItemActions {
  onSelect(id: number): void;
  onToggleExpanded(item: StoredItem): void;
  onToggleRead(item: StoredItem): void;
  /** The item was opened in the browser (it counts as read). */
  onOpened(item: StoredItem): void;
}

interface ItemCardProps extends ItemActions {
  item: StoredItem;
  /** The one item of its list that Tab reaches (roving tabindex). */
  tabStop: boolean;
  selected: boolean;
  expanded: boolean;
  /** 1-based position and the list's size (-1 while more can load), for the feed pattern. */
  position: number;
  setSize: number;
  /** For items without an author (most feed entries): where they come from. */
  sourceLabel?: string;
  /** The item a thread is shown for (in the thread view). */
  current?: boolean;
  /** Enter and a "Thread" button open the item's thread (default); not within a thread. */
  threadAction?: boolean;
}

function hostOf(url: string | null): string | null {
  const safe = safeHttpUrl(url);
  return safe ? new URL(safe).hostname.replace(/^www\./, '') : null;
}

function languageName(code: string, uiLanguage: string): string {
  try {
    return new Intl.DisplayNames(uiLanguage, { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

function authorNames(item: StoredItem, sourceLabel: string | undefined): { name: string; handle: string | null } {
  const author = item.author;
  const name = author?.displayName?.trim() || author?.handle?.trim() || hostOf(item.url) || sourceLabel || '';
  const handle = author?.handle && author.handle !== name ? author.handle : null;
  return { name, handle };
}

/** One post or feed entry as columns and search results show it. */
export const ItemCard = memo(function ItemCard({
  item,
  tabStop,
  selected,
  expanded,
  position,
  setSize,
  sourceLabel,
  current = false,
  threadAction = true,
  onSelect,
  onToggleExpanded,
  onToggleRead,
  onOpened,
}: ItemCardProps) {
  const { t, i18n } = useTranslation();
  const now = useNow();
  const openThread = useAppStore((state) => state.openThread);
  const detailsId = useId();
  const headId = useId();
  const textId = useId();
  const language = i18n.language;
  const { name, handle } = authorNames(item, sourceLabel);
  const url = safeHttpUrl(item.url);
  const text = item.text.trim();
  const snippet = item.title?.trim() || (text.length > 90 ? `${text.slice(0, 90)}…` : text);
  const label = [snippet, name].filter(Boolean).join(' — ');
  const images = item.media
    .filter((media) => media.kind === 'image')
    .map((media) => ({ ...media, src: safeImageUrl(media.previewUrl ?? media.url) }))
    .filter((media) => media.src !== null)
    .slice(0, MAX_IMAGES);
  const otherMedia = item.media.filter((media) => media.kind !== 'image' && safeHttpUrl(media.url));
  const counts = (['replies', 'reposts', 'likes'] as const).filter((key) => (item.counts[key] ?? 0) > 0);

  const className = [
    'item',
    item.read ? null : 'item--unread',
    selected ? 'item--selected' : null,
    expanded ? 'item--expanded' : null,
    current ? 'item--current' : null,
  ]
    .filter(Boolean)
    .join(' ');

  return (
    <article
      className={className}
      tabIndex={tabStop ? 0 : -1}
      aria-label={label}
      aria-describedby={`${headId} ${textId}`}
      aria-posinset={position}
      aria-setsize={setSize}
      aria-current={current ? 'true' : undefined}
      data-item-id={item.id}
      // Focus anywhere in the card (the card itself, or one of its buttons) selects it, so that
      // the keys act on the item the user is at.
      onFocus={() => onSelect(item.id)}
      onMouseDown={(event: MouseEvent) => {
        // Clicking a card selects it (links and buttons keep their own focus).
        if (!(event.target as Element).closest('a, button')) onSelect(item.id);
      }}
      onKeyDown={(event: KeyboardEvent) => {
        // Enter on the card itself opens its thread (on a button or link, Enter stays theirs).
        if (!threadAction || event.target !== event.currentTarget || event.defaultPrevented) return;
        if (deckCommandFor(event, true) !== 'thread') return;
        event.preventDefault();
        void openThread(item);
      }}
    >
      <header id={headId} className="item__head">
        {!item.read && (
          <span className="item__dot">
            <span className="sr-only">{t('item.unread')}</span>
          </span>
        )}
        <span className="item__author">
          <span className="item__name">{name}</span>
          {handle && <span className="item__handle">{handle.startsWith('@') || item.network === 'feed' ? handle : `@${handle}`}</span>}
        </span>
        <AnalysisChips analysis={item.analysis} />
        <time className="item__time" dateTime={item.createdAt} title={formatFullDate(item.createdAt, language)}>
          {formatItemTime(item.createdAt, now, language)}
        </time>
      </header>
      {item.title && <h3 className="item__title">{item.title}</h3>}
      {expanded ? (
        <div id={detailsId} className="item__body">
          <div id={textId}>
          {item.html ? (
            <ItemHtml html={item.html} lang={item.language ?? undefined} />
          ) : text ? (
            <p className="item__text item__text--full" lang={item.language ?? undefined}>
              {text}
            </p>
          ) : (
            <p className="item__muted">{t('item.noText')}</p>
          )}
          </div>
          <p className="item__details">
            {t('item.postedAt', { date: formatFullDate(item.createdAt, language) })}
            {item.language && <> · {t('item.language', { language: languageName(item.language, language) })}</>}
          </p>
          {otherMedia.length > 0 && (
            <ul className="item__attachments" aria-label={t('item.attachments')}>
              {otherMedia.map((media) => (
                <li key={media.url}>
                  <a href={safeHttpUrl(media.url) ?? undefined} target="_blank" rel="noopener noreferrer">
                    {media.alt || t(`item.mediaKinds.${media.kind}`)}
                  </a>
                </li>
              ))}
            </ul>
          )}
        </div>
      ) : (
        text && (
          <p id={textId} className="item__text" lang={item.language ?? undefined}>
            {text.length > COLLAPSED_TEXT ? `${text.slice(0, COLLAPSED_TEXT)}…` : text}
          </p>
        )
      )}
      {images.length > 0 && (
        <div className={`item__media item__media--${images.length}`}>
          {images.map((media) => (
            <img
              key={media.url}
              className="item__image"
              src={media.src ?? undefined}
              alt={media.alt ?? ''}
              title={media.alt ?? undefined}
              loading="lazy"
              decoding="async"
              referrerPolicy="no-referrer"
            />
          ))}
        </div>
      )}
      <footer className="item__footer">
        {counts.length > 0 && (
          <p className="item__counts">
            {counts.map((key) => (
              <span key={key}>{t(`item.${key}`, { count: item.counts[key] ?? 0 })}</span>
            ))}
          </p>
        )}
        <span className="item__actions">
          <button
            type="button"
            className="item__action"
            aria-expanded={expanded}
            aria-controls={expanded ? detailsId : undefined}
            onClick={() => onToggleExpanded(item)}
          >
            {expanded ? t('item.showLess') : t('item.showMore')}
          </button>
          {threadAction && item.network !== 'feed' && (
            <button type="button" className="item__action" title={t('item.threadTitle')} onClick={() => void openThread(item)}>
              {t('item.thread')}
            </button>
          )}
          <button
            type="button"
            className="item__action item__action--icon"
            aria-label={item.read ? t('item.markUnread') : t('item.markRead')}
            title={item.read ? t('item.markUnread') : t('item.markRead')}
            onClick={() => onToggleRead(item)}
          >
            <Icon name={item.read ? 'circle' : 'checks'} />
          </button>
          {url && (
            <a
              className="item__action item__action--icon"
              href={url}
              target="_blank"
              rel="noopener noreferrer"
              title={t('item.openTitle')}
              aria-label={t('item.open')}
              onClick={() => onOpened(item)}
            >
              <Icon name="external" />
            </a>
          )}
        </span>
      </footer>
    </article>
  );
});
