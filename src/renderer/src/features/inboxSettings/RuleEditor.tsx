import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { INQUIRY_TYPES, SENTIMENTS } from '../../../../shared/contract/analysis';
import type { Agent, InboxRule } from '../../../../shared/contract/inbox';
import { NETWORKS } from '../../../../shared/contract/items';
import { FieldError } from '../../components/FieldError';
import { FormActions } from '../../components/FormActions';
import { useSubmit } from '../../components/useSubmit';
import { useAppStore } from '../../store/AppStoreProvider';
import { EMPTY_RULE_FORM, ruleForm, ruleFromForm, type RuleForm } from './settingsForm';

/** Creates or edits a rule: what it looks at (all given conditions must hold) and what it does. */
export function RuleEditor({ rule, agents, workspaceId, onDone }: { rule: InboxRule | null; agents: Agent[]; workspaceId: string; onDone(): void }) {
  const { t } = useTranslation();
  const ids = { name: useId(), keywords: useId(), languages: useId(), followers: useId(), tags: useId(), assignee: useId(), error: useId(), analysisHint: useId() };
  const saveRule = useAppStore((state) => state.saveRule);
  const streams = useAppStore((state) => (state.deck.workspaceId === workspaceId ? state.deck.streams : []));
  const [form, setForm] = useState<RuleForm>(() => (rule ? ruleForm(rule) : EMPTY_RULE_FORM));
  const { busy, error, setError, run } = useSubmit(onDone);
  const update = (patch: Partial<RuleForm>) => setForm((current) => ({ ...current, ...patch }));
  const toggle = <T,>(list: T[], value: T, on: boolean) => (on ? [...list.filter((entry) => entry !== value), value] : list.filter((entry) => entry !== value));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = ruleFromForm(form);
    if (!parsed.ok) return setError(t(`inbox.rules.problems.${parsed.problem}`));
    await run(() => saveRule({ ...(rule ? { id: rule.id } : {}), ...parsed.rule }));
  }

  return (
    <form className="inbox-settings__form" onSubmit={(event) => void submit(event)} noValidate aria-label={rule ? t('inbox.rules.editNamed', { name: rule.name }) : t('inbox.rules.add')}>
      <div className="field">
        <label className="field__label" htmlFor={ids.name}>
          {t('inbox.rules.name')}
        </label>
        <input id={ids.name} className="field__input" value={form.name} maxLength={80} onChange={(event) => update({ name: event.target.value })} autoFocus />
      </div>
      <label className="inbox-settings__check">
        <input type="checkbox" checked={form.enabled} onChange={(event) => update({ enabled: event.target.checked })} />
        {t('inbox.rules.enabled')}
      </label>
      <fieldset className="inbox-settings__group">
        <legend className="field__label">{t('inbox.rules.when')}</legend>
        <div className="field">
          <label htmlFor={ids.keywords}>{t('inbox.rules.keywords')}</label>
          <input id={ids.keywords} className="field__input" value={form.keywords} placeholder={t('inbox.rules.listHint')} onChange={(event) => update({ keywords: event.target.value })} />
        </div>
        <fieldset className="inbox-settings__checks">
          <legend>{t('inbox.rules.networks')}</legend>
          {NETWORKS.map((network) => (
            <label key={network} className="inbox-settings__check">
              <input type="checkbox" checked={form.networks.includes(network)} onChange={(event) => update({ networks: toggle(form.networks, network, event.target.checked) })} />
              {t(`deck.networks.${network}`)}
            </label>
          ))}
        </fieldset>
        {streams.length > 0 && (
          <fieldset className="inbox-settings__checks">
            <legend>{t('inbox.rules.streams')}</legend>
            {streams.map((stream) => (
              <label key={stream.id} className="inbox-settings__check">
                <input type="checkbox" checked={form.streamIds.includes(stream.id)} onChange={(event) => update({ streamIds: toggle(form.streamIds, stream.id, event.target.checked) })} />
                {stream.title}
              </label>
            ))}
          </fieldset>
        )}
        <div className="field">
          <label htmlFor={ids.languages}>{t('inbox.rules.languages')}</label>
          <input id={ids.languages} className="field__input" value={form.languages} placeholder="de, en" onChange={(event) => update({ languages: event.target.value })} />
        </div>
        <div className="field">
          <label htmlFor={ids.followers}>{t('inbox.rules.minFollowers')}</label>
          <input id={ids.followers} className="field__input" type="number" min={0} value={form.minFollowers} onChange={(event) => update({ minFollowers: event.target.value })} />
        </div>
        <fieldset className="inbox-settings__checks" aria-describedby={ids.analysisHint}>
          <legend>{t('analysis.sentimentLegend')}</legend>
          {SENTIMENTS.map((sentiment) => (
            <label key={sentiment} className="inbox-settings__check">
              <input type="checkbox" checked={form.sentiments.includes(sentiment)} onChange={(event) => update({ sentiments: toggle(form.sentiments, sentiment, event.target.checked) })} />
              {t(`analysis.sentiment.${sentiment}`)}
            </label>
          ))}
        </fieldset>
        <fieldset className="inbox-settings__checks" aria-describedby={ids.analysisHint}>
          <legend>{t('analysis.inquiryLegend')}</legend>
          {INQUIRY_TYPES.map((type) => (
            <label key={type} className="inbox-settings__check">
              <input type="checkbox" checked={form.inquiryTypes.includes(type)} onChange={(event) => update({ inquiryTypes: toggle(form.inquiryTypes, type, event.target.checked) })} />
              {t(`analysis.inquiry.${type}`)}
            </label>
          ))}
        </fieldset>
        <p id={ids.analysisHint} className="field__hint">
          {t('inbox.rules.analysisHint')}
        </p>
      </fieldset>
      <fieldset className="inbox-settings__group">
        <legend className="field__label">{t('inbox.rules.then')}</legend>
        <div className="field">
          <label htmlFor={ids.tags}>{t('inbox.rules.tags')}</label>
          <input id={ids.tags} className="field__input" value={form.tags} placeholder={t('inbox.rules.listHint')} onChange={(event) => update({ tags: event.target.value })} />
        </div>
        <div className="field">
          <label htmlFor={ids.assignee}>{t('inbox.rules.assignTo')}</label>
          <select id={ids.assignee} className="field__input" value={form.assigneeId} onChange={(event) => update({ assigneeId: event.target.value })}>
            <option value="">{t('inbox.rules.noAssignee')}</option>
            {agents.map((agent) => (
              <option key={agent.id} value={agent.id}>
                {agent.name}
              </option>
            ))}
          </select>
        </div>
      </fieldset>
      <FieldError id={ids.error} message={error} />
      <FormActions submitLabel={t('inbox.rules.save')} busy={busy} onCancel={onDone} inline />
    </form>
  );
}
