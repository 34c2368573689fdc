import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agent, InboxItemView } from '../../../../shared/contract/inbox';
import { useAppStore } from '../../store/AppStoreProvider';
import type { Outcome } from '../../store/outcome';
import type { InboxDialog } from './dialogs';
import { RemovableTag } from './RemovableTag';
import { formatInZone } from './snooze';
import { useTriage } from './useTriage';

/** The open item's status, assignee, tags and follow-up, each with its control. */
export function TriageBar({ entry, agents, timeZone, onDialog }: { entry: InboxItemView; agents: Agent[]; timeZone: string; onDialog(dialog: InboxDialog): void }) {
  const { t, i18n } = useTranslation();
  const assigneeId = useId();
  const triage = useTriage();
  const reportError = useAppStore((state) => state.reportError);
  const ids = [entry.id];
  const report = async (action: Promise<Outcome<unknown>>) => {
    const outcome = await action;
    if (!outcome.ok) reportError(outcome.error);
  };

  return (
    <div className="inbox-triage">
      <p className="inbox-triage__status">
        {t('inbox.conversation.status', { status: t(`inbox.status.${entry.status}`) })}
      </p>
      <div className="inbox-triage__row">
        {entry.status === 'done' ? (
          <button type="button" className="button button--small" onClick={() => void report(triage.reopen(ids))}>
            {t('inbox.actions.reopen')}
          </button>
        ) : (
          <button type="button" className="button button--small button--primary" onClick={() => void report(triage.done(ids))} aria-keyshortcuts="e">
            {t('inbox.actions.done')}
          </button>
        )}
        <label className="inbox-triage__field" htmlFor={assigneeId}>
          <span>{t('inbox.conversation.assignee')}</span>
          <select
            id={assigneeId}
            className="field__input"
            value={entry.assigneeId ?? ''}
            onChange={(event) => void report(triage.assign(ids, event.target.value || null))}
          >
            <option value="">{t('inbox.assign.unassigned')}</option>
            {agents.map((agent) => (
              <option key={agent.id} value={agent.id}>
                {agent.name} ({agent.initials})
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="button button--small" onClick={() => onDialog({ kind: 'snooze', ids })} aria-keyshortcuts="s">
          {t('inbox.actions.snooze')}
        </button>
      </div>
      {entry.followUpAt && (
        <p className="inbox-triage__followup">
          {t('inbox.conversation.followUp', { date: formatInZone(entry.followUpAt, timeZone, i18n.language) })}{' '}
          <button type="button" className="link-button" onClick={() => void report(triage.clearFollowUp(ids))}>
            {t('inbox.conversation.clearFollowUp')}
          </button>
        </p>
      )}
      <div className="inbox-triage__tags" role="group" aria-label={t('inbox.conversation.tags')}>
        {entry.tags.map((tag) => (
          <RemovableTag key={tag} tag={tag} onRemove={() => void report(triage.removeTag(ids, tag))} />
        ))}
        <button type="button" className="button button--small button--quiet" onClick={() => onDialog({ kind: 'tag', ids })} aria-keyshortcuts="t">
          {t('inbox.actions.addTag')}
        </button>
      </div>
    </div>
  );
}
