import { useTranslation } from 'react-i18next';
import { describeError } from '../../i18n/describeError';
import { useAppStore } from '../../store/AppStoreProvider';
import { Notes } from '../inbox/Notes';
import { ContactHistory } from './ContactHistory';
import { ContactIdentities } from './ContactIdentities';
import { ContactTags } from './ContactTags';
import { LinkProfile } from './LinkProfile';

/**
 * The author of the open conversation as the workspace knows them (no "Alzheimer principle"):
 * profiles on every network, the team's tags and notes, and everything they wrote or got from us.
 */
export function ContactPanel({ workspaceId }: { workspaceId: string }) {
  const { t } = useTranslation();
  const contact = useAppStore((state) => (state.contact?.workspaceId === workspaceId ? state.contact : null));
  const agents = useAppStore((state) => state.inboxMeta.agents);
  const addContactNote = useAppStore((state) => state.addContactNote);
  if (!contact) return null;
  const known = contact.contact;
  const primary = known?.identities[0];
  const name = primary?.displayName || primary?.handle || contact.author.remoteId;

  return (
    <section className="inbox-contact" aria-label={t('inbox.contact.label')}>
      <header className="inbox-contact__header">
        <h2 className="inbox-contact__title">{name}</h2>
        {known && (
          <p className="inbox-muted">
            {t('inbox.contact.itemCount', { count: known.itemCount })}
          </p>
        )}
      </header>
      <div className="inbox-contact__scroll">
        {contact.phase === 'loading' && (
          <p className="inbox-muted" role="status">
            {t('inbox.contact.loading')}
          </p>
        )}
        {contact.phase === 'failed' && contact.error && (
          <p className="field__error" role="alert">
            {t('inbox.contact.failed')} {describeError(contact.error, t)}
          </p>
        )}
        {known && (
          <>
            <ContactIdentities identities={known.identities} />
            <LinkProfile identities={known.identities} />
            <ContactTags tags={known.tags} />
            <Notes title={t('inbox.contact.notes')} notes={known.notes} agents={agents} onAdd={addContactNote} />
          </>
        )}
        <ContactHistory />
      </div>
    </section>
  );
}
