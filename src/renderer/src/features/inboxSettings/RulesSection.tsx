import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agent, InboxRule } from '../../../../shared/contract/inbox';
import { FieldError } from '../../components/FieldError';
import { useSubmit } from '../../components/useSubmit';
import { useAppStore } from '../../store/AppStoreProvider';
import { RuleEditor } from './RuleEditor';
import { RuleTester } from './RuleTester';

/** The rules in the order they apply: move, switch on and off, edit, remove, and test them. */
export function RulesSection({ rules, agents, workspaceId }: { rules: InboxRule[]; agents: Agent[]; workspaceId: string }) {
  const { t } = useTranslation();
  const headingId = useId();
  const errorId = useId();
  const moveRule = useAppStore((state) => state.moveRule);
  const removeRule = useAppStore((state) => state.removeRule);
  const saveRule = useAppStore((state) => state.saveRule);
  const analyzeText = useAppStore((state) => state.analyzeText);
  const [editing, setEditing] = useState<InboxRule | 'new' | null>(null);
  const { error, run } = useSubmit();
  const ordered = rules.slice().sort((a, b) => a.position - b.position);
  const agentName = (id: string | null) => agents.find((agent) => agent.id === id)?.name ?? null;

  return (
    <section className="inbox-settings__section" aria-labelledby={headingId}>
      <h3 id={headingId} className="inbox-section__title">
        {t('inbox.rules.title')}
      </h3>
      <p className="field__hint">{t('inbox.rules.intro')}</p>
      {ordered.length === 0 && <p className="inbox-muted">{t('inbox.rules.none')}</p>}
      <ol className="inbox-settings__list" aria-labelledby={headingId}>
        {ordered.map((rule, index) =>
          editing !== 'new' && editing?.id === rule.id ? (
            <li key={rule.id}>
              <RuleEditor rule={rule} agents={agents} workspaceId={workspaceId} onDone={() => setEditing(null)} />
            </li>
          ) : (
            <li key={rule.id} className="inbox-settings__item inbox-settings__rule">
              <label className="inbox-settings__check">
                <input
                  type="checkbox"
                  checked={rule.enabled}
                  aria-label={t('inbox.rules.enabledNamed', { name: rule.name })}
                  onChange={(event) =>
                    void run(() => saveRule({ id: rule.id, name: rule.name, enabled: event.target.checked, conditions: rule.conditions, actions: rule.actions }))
                  }
                />
              </label>
              <span className="inbox-settings__item-text">
                <span className={rule.enabled ? undefined : 'inbox-muted'}>{rule.name}</span>
                <span className="inbox-muted inbox-settings__rule-summary">
                  {[
                    rule.conditions.keywords.length ? t('inbox.rules.summary.keywords', { list: rule.conditions.keywords.join(', ') }) : null,
                    rule.conditions.networks.length ? rule.conditions.networks.map((network) => t(`deck.networks.${network}`)).join(', ') : null,
                    rule.conditions.languages.length ? t('inbox.rules.summary.languages', { list: rule.conditions.languages.join(', ') }) : null,
                    rule.conditions.minFollowers !== null ? t('inbox.rules.summary.followers', { count: rule.conditions.minFollowers }) : null,
                    rule.conditions.sentiments.length
                      ? t('inbox.rules.summary.sentiments', { list: rule.conditions.sentiments.map((sentiment) => t(`analysis.sentiment.${sentiment}`)).join(', ') })
                      : null,
                    rule.conditions.inquiryTypes.length
                      ? t('inbox.rules.summary.inquiryTypes', { list: rule.conditions.inquiryTypes.map((type) => t(`analysis.inquiry.${type}`)).join(', ') })
                      : null,
                    rule.actions.tags.length ? t('inbox.rules.summary.tags', { list: rule.actions.tags.join(', ') }) : null,
                    rule.actions.assigneeId ? t('inbox.rules.summary.assign', { name: agentName(rule.actions.assigneeId) ?? '?' }) : null,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </span>
              </span>
              <button type="button" className="icon-button" aria-label={t('inbox.rules.moveUp', { name: rule.name })} title={t('inbox.rules.moveUp', { name: rule.name })} disabled={index === 0} onClick={() => void run(() => moveRule(rule.id, index - 1))}>
                ↑
              </button>
              <button
                type="button"
                className="icon-button"
                aria-label={t('inbox.rules.moveDown', { name: rule.name })}
                title={t('inbox.rules.moveDown', { name: rule.name })}
                disabled={index === ordered.length - 1}
                onClick={() => void run(() => moveRule(rule.id, index + 1))}
              >
                ↓
              </button>
              <button type="button" className="button button--small" aria-label={t('inbox.rules.editNamed', { name: rule.name })} onClick={() => setEditing(rule)}>
                {t('inbox.rules.edit')}
              </button>
              <button type="button" className="button button--small button--danger-quiet" aria-label={t('inbox.rules.removeNamed', { name: rule.name })} onClick={() => void run(() => removeRule(rule.id))}>
                {t('inbox.rules.remove')}
              </button>
            </li>
          ),
        )}
      </ol>
      <FieldError id={errorId} message={error} />
      {editing === 'new' ? (
        <RuleEditor rule={null} agents={agents} workspaceId={workspaceId} onDone={() => setEditing(null)} />
      ) : (
        <button type="button" className="button button--small" onClick={() => setEditing('new')}>
          {t('inbox.rules.add')}
        </button>
      )}
      <RuleTester agents={agents} analyze={analyzeText} />
    </section>
  );
}
