import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../store/AppStoreProvider';
import { excerpt } from '../inbox/inboxList';
import { formatFullDate } from '../deck/time';

/** "Contact history": what the person wrote (in) and what we answered (out), newest first, paged. */
export function ContactHistory() {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const contact = useAppStore((state) => state.contact);
  const loadMore = useAppStore((state) => state.loadMoreHistory);
  const openConversation = useAppStore((state) => state.openConversation);
  const openId = useAppStore((state) => state.conversation?.inboxItemId ?? null);
  if (!contact) return null;

  return (
    <section className="inbox-contact__section" aria-labelledby={headingId}>
      <h3 id={headingId} className="inbox-section__title">
        {t('inbox.history.title')}
      </h3>
      {contact.historyPhase === 'loading' && <p className="inbox-muted">{t('inbox.history.loading')}</p>}
      <ul className="inbox-history" aria-label={t('inbox.history.label')}>
        {contact.history.map((entry) => {
          const item = entry.item;
          return (
            <li key={`${entry.direction}:${item.id}`} className={`inbox-history__entry inbox-history__entry--${entry.direction}`}>
              <p className="inbox-history__meta">
                <span className="inbox-history__direction">{t(`inbox.history.${entry.direction}`)}</span>
                <span> · {t(`deck.networks.${item.network}`)} · </span>
                <time dateTime={item.createdAt}>{formatFullDate(item.createdAt, i18n.language)}</time>
                {entry.inboxStatus && <span className="inbox-history__status"> · {t(`inbox.status.${entry.inboxStatus}`)}</span>}
              </p>
              <p className="inbox-history__text">{excerpt(item.text || item.title || '', 200) || t('item.noText')}</p>
              {entry.inboxItemId !== null && entry.inboxItemId !== openId && (
                <button type="button" className="link-button" onClick={() => void openConversation(entry.inboxItemId!)}>
                  {t('inbox.history.open')}
                </button>
              )}
            </li>
          );
        })}
      </ul>
      {contact.historyPhase === 'ready' && contact.history.length === 0 && <p className="inbox-muted">{t('inbox.history.none')}</p>}
      {contact.next && (
        <button type="button" className="button button--small" disabled={contact.loadingMore} onClick={() => void loadMore()}>
          {contact.loadingMore ? t('inbox.history.loadingMore') : t('inbox.history.more')}
        </button>
      )}
    </section>
  );
}
