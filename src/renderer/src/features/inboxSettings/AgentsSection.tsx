import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agent } from '../../../../shared/contract/inbox';
import { FieldError } from '../../components/FieldError';
import { FormActions } from '../../components/FormActions';
import { useSubmit } from '../../components/useSubmit';
import { useAppStore } from '../../store/AppStoreProvider';
import { initialsOf } from '../inbox/inboxList';

/** The team of the workspace: name, initials and signature of each agent. */
export function AgentsSection({ agents }: { agents: Agent[] }) {
  const { t } = useTranslation();
  const headingId = useId();
  const removeAgent = useAppStore((state) => state.removeAgent);
  const [editing, setEditing] = useState<Agent | 'new' | null>(null);
  const { error, run } = useSubmit();
  const errorId = useId();

  return (
    <section className="inbox-settings__section" aria-labelledby={headingId}>
      <h3 id={headingId} className="inbox-section__title">
        {t('inbox.agents.title')}
      </h3>
      {agents.length === 0 && <p className="inbox-muted">{t('inbox.agents.none')}</p>}
      <ul className="inbox-settings__list" aria-labelledby={headingId}>
        {agents.map((agent) =>
          editing !== 'new' && editing?.id === agent.id ? (
            <li key={agent.id}>
              <AgentForm agent={agent} onDone={() => setEditing(null)} />
            </li>
          ) : (
            <li key={agent.id} className="inbox-settings__item">
              <span className="inbox-row__assignee">{agent.initials}</span>
              <span className="inbox-settings__item-text">
                {agent.name}
                {agent.signature && <span className="inbox-muted"> · {agent.signature}</span>}
              </span>
              <button type="button" className="button button--small" onClick={() => setEditing(agent)} aria-label={t('inbox.agents.editNamed', { name: agent.name })}>
                {t('inbox.agents.edit')}
              </button>
              <button
                type="button"
                className="button button--small button--danger-quiet"
                aria-label={t('inbox.agents.removeNamed', { name: agent.name })}
                onClick={() => void run(() => removeAgent(agent.id))}
              >
                {t('inbox.agents.remove')}
              </button>
            </li>
          ),
        )}
      </ul>
      <FieldError id={errorId} message={error} />
      {editing === 'new' ? (
        <AgentForm agent={null} onDone={() => setEditing(null)} />
      ) : (
        <button type="button" className="button button--small" onClick={() => setEditing('new')}>
          {t('inbox.agents.add')}
        </button>
      )}
    </section>
  );
}

function AgentForm({ agent, onDone }: { agent: Agent | null; onDone(): void }) {
  const { t } = useTranslation();
  const ids = { name: useId(), initials: useId(), signature: useId(), error: useId() };
  const saveAgent = useAppStore((state) => state.saveAgent);
  const [name, setName] = useState(agent?.name ?? '');
  const [initials, setInitials] = useState(agent?.initials ?? '');
  const [signature, setSignature] = useState(agent?.signature ?? '');
  const { busy, error, setError, run } = useSubmit(onDone);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!name.trim()) return setError(t('inbox.agents.nameRequired'));
    const finalInitials = initials.trim() || initialsOf(name);
    await run(() => saveAgent(agent?.id ?? null, { name: name.trim(), initials: finalInitials, signature: signature.trim() || `^${finalInitials}` }));
  }

  return (
    <form className="inbox-settings__form" onSubmit={(event) => void submit(event)} noValidate aria-label={agent ? t('inbox.agents.editNamed', { name: agent.name }) : t('inbox.agents.add')}>
      <div className="field">
        <label className="field__label" htmlFor={ids.name}>
          {t('inbox.agents.name')}
        </label>
        <input id={ids.name} className="field__input" value={name} maxLength={80} onChange={(event) => setName(event.target.value)} autoFocus />
      </div>
      <div className="field">
        <label className="field__label" htmlFor={ids.initials}>
          {t('inbox.agents.initials')}
        </label>
        <input id={ids.initials} className="field__input" value={initials} maxLength={6} placeholder={initialsOf(name)} onChange={(event) => setInitials(event.target.value)} />
      </div>
      <div className="field">
        <label className="field__label" htmlFor={ids.signature}>
          {t('inbox.agents.signature')}
        </label>
        <input id={ids.signature} className="field__input" value={signature} maxLength={60} placeholder={`^${initials.trim() || initialsOf(name)}`} onChange={(event) => setSignature(event.target.value)} />
        <p className="field__hint">{t('inbox.agents.signatureHint')}</p>
      </div>
      <FieldError id={ids.error} message={error} />
      <FormActions submitLabel={t('inbox.agents.save')} busy={busy} onCancel={onDone} inline />
    </form>
  );
}
