import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agent } from '../../../../shared/contract/inbox';
import { FieldError } from '../../components/FieldError';
import { Modal } from '../../components/Modal';
import type { Outcome } from '../../store/outcome';
import { useSubmit } from '../../components/useSubmit';

interface AssignDialogProps {
  agents: Agent[];
  count: number;
  onAssign(assigneeId: string | null): Promise<Outcome<unknown>>;
  onClose(): void;
}

/** "Assign": type to narrow the agents, arrows move, Enter picks (as a command palette does). */
export function AssignDialog({ agents, count, onAssign, onClose }: AssignDialogProps) {
  const { t } = useTranslation();
  const listId = useId();
  const errorId = useId();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const { busy, error, run } = useSubmit(onClose);

  const choices = useMemo(() => {
    const text = query.trim().toLowerCase();
    const all: Array<{ id: string | null; label: string }> = [
      { id: null, label: t('inbox.assign.unassigned') },
      ...agents.map((agent) => ({ id: agent.id, label: `${agent.name} (${agent.initials})` })),
    ];
    return text ? all.filter((choice) => choice.label.toLowerCase().includes(text)) : all;
  }, [agents, query, t]);
  const current = Math.min(active, Math.max(0, choices.length - 1));
  const optionId = (index: number) => `${listId}-${index}`;

  const pick = (id: string | null) => void run(() => onAssign(id));

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive(Math.max(0, Math.min(choices.length - 1, current + step)));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const choice = choices[current];
      if (choice && !busy) pick(choice.id);
    }
  }

  return (
    <Modal title={t('inbox.assign.title')} onClose={onClose}>
      <p className="modal__body">{t('inbox.assign.intro', { count })}</p>
      <div className="field inbox-picker">
        <input
          className="field__input"
          type="text"
          role="combobox"
          aria-label={t('inbox.assign.filter')}
          aria-controls={listId}
          aria-expanded="true"
          aria-autocomplete="list"
          aria-activedescendant={choices.length > 0 ? optionId(current) : undefined}
          aria-describedby={error ? errorId : undefined}
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
          data-autofocus
        />
        <ul id={listId} className="inbox-picker__list" role="listbox" aria-label={t('inbox.assign.agents')}>
          {choices.map((choice, index) => (
            <li
              key={choice.id ?? 'none'}
              id={optionId(index)}
              role="option"
              aria-selected={index === current}
              className={index === current ? 'inbox-picker__option inbox-picker__option--active' : 'inbox-picker__option'}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => pick(choice.id)}
            >
              {choice.label}
            </li>
          ))}
        </ul>
        {choices.length === 0 && <p className="field__hint">{t('inbox.assign.noMatch')}</p>}
        {agents.length === 0 && <p className="field__hint">{t('inbox.assign.noAgents')}</p>}
      </div>
      <FieldError id={errorId} message={error} />
      <div className="modal__actions">
        <button type="button" className="button" onClick={onClose}>
          {t('dialogs.cancel')}
        </button>
      </div>
    </Modal>
  );
}
