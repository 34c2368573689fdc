import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContactIdentity } from '../../../../shared/contract/inbox';
import { useAppStore } from '../../store/AppStoreProvider';
import { safeHttpUrl } from '../deck/sanitize';

/** The person's profiles: network, name, handle, followers and a link to each. */
export function ContactIdentities({ identities }: { identities: ContactIdentity[] }) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const unlink = useAppStore((state) => state.unlinkContact);
  const reportError = useAppStore((state) => state.reportError);
  const numbers = new Intl.NumberFormat(i18n.language);
  return (
    <section className="inbox-contact__section" aria-labelledby={headingId}>
      <h3 id={headingId} className="inbox-section__title">
        {t('inbox.contact.profiles')}
      </h3>
      <ul className="inbox-contact__identities" aria-labelledby={headingId}>
        {identities.map((identity) => {
          const url = safeHttpUrl(identity.url);
          const handle = identity.handle ? (identity.handle.startsWith('@') || identity.network === 'feed' ? identity.handle : `@${identity.handle}`) : null;
          const label = identity.displayName || handle || identity.remoteId;
          return (
            <li key={`${identity.network}:${identity.remoteId}`} className="inbox-contact__identity">
              <span className={`inbox-row__network inbox-row__network--${identity.network}`}>{t(`deck.networks.${identity.network}`)}</span>
              <span className="inbox-contact__who">
                <span className="inbox-contact__name">{label}</span>
                {handle && handle !== label && <span className="inbox-muted"> {handle}</span>}
              </span>
              {identity.followers !== null && (
                <span className="inbox-contact__followers">{t('inbox.contact.followers', { count: identity.followers, formatted: numbers.format(identity.followers) })}</span>
              )}
              {url && (
                <a href={url} target="_blank" rel="noopener noreferrer" className="inbox-contact__link">
                  {t('inbox.contact.openProfile', { name: label })}
                </a>
              )}
              {identities.length > 1 && (
                <button
                  type="button"
                  className="link-button"
                  onClick={() =>
                    void unlink({ network: identity.network, remoteId: identity.remoteId }).then((outcome) => {
                      if (!outcome.ok) reportError(outcome.error);
                    })
                  }
                >
                  {t('inbox.contact.unlink', { name: label })}
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
