import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldError } from '../../components/FieldError';
import { useSubmit } from '../../components/useSubmit';
import { useAppStore } from '../../store/AppStoreProvider';
import { parseTags } from '../inbox/inboxList';
import { RemovableTag } from '../inbox/RemovableTag';

/** The tags the team gave the person (they stay with the contact, across items). */
export function ContactTags({ tags }: { tags: string[] }) {
  const { t } = useTranslation();
  const headingId = useId();
  const fieldId = useId();
  const errorId = useId();
  const listId = useId();
  const known = useAppStore((state) => state.inboxMeta.tags);
  const setTags = useAppStore((state) => state.setContactTags);
  const [value, setValue] = useState('');
  const { error, setError, run } = useSubmit();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const added = parseTags(value);
    if (added.length === 0) return setError(t('inbox.tag.required'));
    await run(() => setTags([...new Set([...tags, ...added])]), () => setValue(''));
  }

  return (
    <section className="inbox-contact__section" aria-labelledby={headingId}>
      <h3 id={headingId} className="inbox-section__title">
        {t('inbox.contact.tags')}
      </h3>
      <div className="inbox-triage__tags">
        {tags.length === 0 && <span className="inbox-muted">{t('inbox.contact.noTags')}</span>}
        {tags.map((tag) => (
          <RemovableTag key={tag} tag={tag} onRemove={() => void run(() => setTags(tags.filter((other) => other !== tag)))} />
        ))}
      </div>
      <form className="inbox-inline-form" onSubmit={(event) => void submit(event)} noValidate>
        <label className="sr-only" htmlFor={fieldId}>
          {t('inbox.contact.tagField')}
        </label>
        <input
          id={fieldId}
          className="field__input"
          type="text"
          list={listId}
          autoComplete="off"
          placeholder={t('inbox.contact.tagField')}
          value={value}
          aria-describedby={error ? errorId : undefined}
          onChange={(event) => setValue(event.target.value)}
        />
        <datalist id={listId}>
          {known.map((tag) => (
            <option key={tag} value={tag} />
          ))}
        </datalist>
        <button type="submit" className="button button--small">
          {t('inbox.contact.addTag')}
        </button>
      </form>
      <FieldError id={errorId} message={error} />
    </section>
  );
}
