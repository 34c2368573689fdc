import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agent, InboxNote } from '../../../../shared/contract/inbox';
import { FieldError } from '../../components/FieldError';
import { useSubmit } from '../../components/useSubmit';
import type { Outcome } from '../../store/outcome';
import { formatFullDate } from '../deck/time';

interface NotesProps {
  /** The section's heading, and the name of its list. */
  title: string;
  notes: InboxNote[];
  agents: Agent[];
  onAdd(text: string): Promise<Outcome<unknown>>;
}

/** Internal notes (never sent): who wrote what when, and a field to add one. */
export function Notes({ title, notes, agents, onAdd }: NotesProps) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const fieldId = useId();
  const errorId = useId();
  const [text, setText] = useState('');
  const { busy, error, setError, run } = useSubmit();
  const byId = new Map(agents.map((agent) => [agent.id, agent]));

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!text.trim()) {
      setError(t('inbox.notes.required'));
      return;
    }
    await run(() => onAdd(text.trim()), () => setText(''));
  }

  return (
    <section className="inbox-notes" aria-labelledby={headingId}>
      <h3 id={headingId} className="inbox-section__title">
        {title}
      </h3>
      {notes.length === 0 ? (
        <p className="inbox-muted">{t('inbox.notes.none')}</p>
      ) : (
        <ul className="inbox-notes__list" aria-labelledby={headingId}>
          {notes.map((note) => {
            const agent = note.agentId ? byId.get(note.agentId) : undefined;
            return (
              <li key={note.id} className="inbox-notes__note">
                <p className="inbox-notes__text">{note.text}</p>
                <p className="inbox-notes__meta">
                  {agent ? `${agent.name} · ` : ''}
                  <time dateTime={note.createdAt}>{formatFullDate(note.createdAt, i18n.language)}</time>
                </p>
              </li>
            );
          })}
        </ul>
      )}
      <form className="inbox-notes__form" onSubmit={(event) => void submit(event)} noValidate>
        <label className="sr-only" htmlFor={fieldId}>
          {t('inbox.notes.field')}
        </label>
        <textarea
          id={fieldId}
          className="field__input inbox-notes__field"
          rows={2}
          value={text}
          placeholder={t('inbox.notes.placeholder')}
          aria-describedby={error ? errorId : undefined}
          onChange={(event) => setText(event.target.value)}
        />
        <FieldError id={errorId} message={error} />
        <button type="submit" className="button button--small" disabled={busy}>
          {t('inbox.notes.add')}
        </button>
      </form>
    </section>
  );
}
