import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { INBOX_STATUSES } from '../../../../shared/contract/inbox';
import { useAppStore } from '../../store/AppStoreProvider';
import type { AssigneeFilter } from './inboxList';

function assigneeValue(filter: AssigneeFilter): string {
  return typeof filter === 'object' ? `agent:${filter.agentId}` : filter;
}

function assigneeFrom(value: string): AssigneeFilter {
  if (value === 'all' || value === 'me' || value === 'none') return value;
  return { agentId: value.slice('agent:'.length) };
}

/** Status (Open / Pending / Done, with counts), assignee and tag filters, and the inbox's own buttons. */
export function InboxToolbar({ onSettings, onHelp }: { onSettings(): void; onHelp(): void }) {
  const { t } = useTranslation();
  const assigneeId = useId();
  const tagId = useId();
  const statusName = useId();
  const filter = useAppStore((state) => state.inbox.filter);
  const counts = useAppStore((state) => state.inbox.counts);
  const agents = useAppStore((state) => state.inboxMeta.agents);
  const tags = useAppStore((state) => state.inboxMeta.tags);
  const setFilter = useAppStore((state) => state.setInboxFilter);

  return (
    <div className="inbox-toolbar">
      {/* Radios, not buttons: "Done" as a button name belongs to the triage action. */}
      <div className="inbox-toolbar__statuses" role="radiogroup" aria-label={t('inbox.filter.status')}>
        {INBOX_STATUSES.map((status) => (
          <label key={status} className="inbox-toolbar__status">
            <input type="radio" name={statusName} value={status} checked={filter.status === status} onChange={() => void setFilter({ status })} />
            {t(`inbox.status.${status}`)}
            <span className="inbox-toolbar__count">
              <span aria-hidden="true">{counts[status]}</span>
              <span className="sr-only">{t('inbox.filter.count', { count: counts[status] })}</span>
            </span>
          </label>
        ))}
      </div>
      <div className="inbox-toolbar__filters">
        <label className="inbox-toolbar__field" htmlFor={assigneeId}>
          <span>{t('inbox.filter.assignee')}</span>
          <select
            id={assigneeId}
            className="field__input"
            value={assigneeValue(filter.assignee)}
            onChange={(event) => void setFilter({ assignee: assigneeFrom(event.target.value) })}
          >
            <option value="all">{t('inbox.filter.everyone')}</option>
            <option value="me">{t('inbox.filter.me')}</option>
            <option value="none">{t('inbox.filter.unassigned')}</option>
            {agents.map((agent) => (
              <option key={agent.id} value={`agent:${agent.id}`}>
                {agent.name}
              </option>
            ))}
          </select>
        </label>
        <label className="inbox-toolbar__field" htmlFor={tagId}>
          <span>{t('inbox.filter.tag')}</span>
          <select id={tagId} className="field__input" value={filter.tag ?? ''} onChange={(event) => void setFilter({ tag: event.target.value || null })}>
            <option value="">{t('inbox.filter.anyTag')}</option>
            {tags.map((tag) => (
              <option key={tag} value={tag}>
                {tag}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="inbox-toolbar__buttons">
        <button type="button" className="button button--small" onClick={onHelp} aria-keyshortcuts="?">
          {t('inbox.shortcuts.open')}
        </button>
        <button type="button" className="button button--small" onClick={onSettings}>
          {t('inbox.settings.open')}
        </button>
      </div>
    </div>
  );
}
