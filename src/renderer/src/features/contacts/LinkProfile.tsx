import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContactIdentity } from '../../../../shared/contract/inbox';
import { FieldError } from '../../components/FieldError';
import { useSubmit } from '../../components/useSubmit';
import { useAppStore } from '../../store/AppStoreProvider';

const keyOf = (identity: Pick<ContactIdentity, 'network' | 'remoteId'>) => `${identity.network}:${identity.remoteId}`;

/** "Link another profile": find an author seen in the workspace and say it is the same person. */
export function LinkProfile({ identities }: { identities: ContactIdentity[] }) {
  const { t } = useTranslation();
  const fieldId = useId();
  const errorId = useId();
  const resultsId = useId();
  const searchAuthors = useAppStore((state) => state.searchAuthors);
  const linkContact = useAppStore((state) => state.linkContact);
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [results, setResults] = useState<ContactIdentity[] | null>(null);
  const { busy, error, setError, run } = useSubmit();
  const linked = new Set(identities.map(keyOf));

  async function search(event: FormEvent) {
    event.preventDefault();
    if (!text.trim()) return setError(t('inbox.link.required'));
    await run(
      () => searchAuthors(text.trim()),
      (authors) => setResults(authors.filter((author) => !linked.has(keyOf(author)))),
    );
  }

  async function link(author: ContactIdentity) {
    await run(
      () => linkContact({ network: author.network, remoteId: author.remoteId }),
      () => {
        setOpen(false);
        setResults(null);
        setText('');
      },
    );
  }

  if (!open) {
    return (
      <button type="button" className="button button--small inbox-contact__link-button" onClick={() => setOpen(true)}>
        {t('inbox.link.open')}
      </button>
    );
  }
  return (
    <section className="inbox-contact__section" aria-label={t('inbox.link.open')}>
      <form className="inbox-inline-form" role="search" onSubmit={(event) => void search(event)} noValidate>
        <label className="sr-only" htmlFor={fieldId}>
          {t('inbox.link.field')}
        </label>
        <input
          id={fieldId}
          className="field__input"
          type="search"
          placeholder={t('inbox.link.field')}
          value={text}
          autoFocus
          aria-describedby={error ? errorId : undefined}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.preventDefault();
              setOpen(false);
            }
          }}
        />
        <button type="submit" className="button button--small" disabled={busy}>
          {t('inbox.link.search')}
        </button>
        <button type="button" className="button button--small button--quiet" onClick={() => setOpen(false)}>
          {t('dialogs.cancel')}
        </button>
      </form>
      <FieldError id={errorId} message={error} />
      {results && (
        <ul id={resultsId} className="inbox-contact__results" aria-label={t('inbox.link.results')}>
          {results.length === 0 && <li className="inbox-muted">{t('inbox.link.none')}</li>}
          {results.map((author) => {
            const name = author.displayName || author.handle || author.remoteId;
            return (
              <li key={keyOf(author)} className="inbox-contact__result">
                <span>
                  {name} <span className="inbox-muted">{t(`deck.networks.${author.network}`)}{author.handle && author.handle !== name ? ` · ${author.handle}` : ''}</span>
                </span>
                <button type="button" className="button button--small" disabled={busy} onClick={() => void link(author)}>
                  {t('inbox.link.link', { name })}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
