import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ItemAnalysis } from '../../../../shared/contract/analysis';
import type { Agent, RuleOutcome } from '../../../../shared/contract/inbox';
import { NETWORKS, type Network } from '../../../../shared/contract/items';
import { analysisLabels } from '../../components/AnalysisChips';
import { FieldError } from '../../components/FieldError';
import { useSubmit } from '../../components/useSubmit';
import { useAppStore } from '../../store/AppStoreProvider';
import type { Outcome } from '../../store/outcome';

interface RuleTesterProps {
  agents: Agent[];
  /**
   * The on-device analysis of the sample (insight.analyzeText), so that the tester can say why a
   * sentiment or inquiry-type condition held or not; rules.test itself does not return it.
   */
  analyze?: (text: string) => Promise<Outcome<ItemAnalysis>>;
}

/** "Test rules": a sample message in, which rules fire (in order) and what they would do out. */
export function RuleTester({ agents, analyze }: RuleTesterProps) {
  const { t, i18n } = useTranslation();
  const ids = { text: useId(), network: useId(), language: useId(), followers: useId(), error: useId(), heading: useId() };
  const testRules = useAppStore((state) => state.testRules);
  const [text, setText] = useState('');
  const [network, setNetwork] = useState<Network>('bluesky');
  const [language, setLanguage] = useState('');
  const [followers, setFollowers] = useState('');
  const [result, setResult] = useState<RuleOutcome | null>(null);
  const [analysis, setAnalysis] = useState<ItemAnalysis | null>(null);
  const { error, setError, run } = useSubmit();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const count = followers.trim() === '' ? null : Number(followers);
    if (count !== null && (!Number.isInteger(count) || count < 0)) return setError(t('inbox.rules.problems.minFollowers'));
    setAnalysis(null);
    // The analysis only explains the outcome: when it fails, the rules' answer still shows.
    const analysed = analyze && text.trim() ? analyze(text) : null;
    let tested = false;
    await run(
      () => testRules({ text, network, streamId: null, language: language.trim() || null, followers: count }),
      (outcome) => {
        tested = true;
        setResult(outcome);
      },
    );
    const outcome = await analysed;
    if (tested && outcome?.ok) setAnalysis(outcome.value);
  }

  const assignee = result?.assigneeId ? (agents.find((agent) => agent.id === result.assigneeId)?.name ?? '?') : null;
  return (
    <section className="inbox-settings__tester" aria-labelledby={ids.heading}>
      <h4 id={ids.heading} className="inbox-section__title">
        {t('inbox.rules.test.title')}
      </h4>
      <form className="inbox-settings__form" onSubmit={(event) => void submit(event)} noValidate>
        <div className="field">
          <label htmlFor={ids.text}>{t('inbox.rules.test.text')}</label>
          <textarea id={ids.text} className="field__input" rows={2} value={text} onChange={(event) => setText(event.target.value)} />
        </div>
        <div className="inbox-settings__inline">
          <label htmlFor={ids.network}>{t('inbox.rules.test.network')}</label>
          <select id={ids.network} className="field__input" value={network} onChange={(event) => setNetwork(event.target.value as Network)}>
            {NETWORKS.map((value) => (
              <option key={value} value={value}>
                {t(`deck.networks.${value}`)}
              </option>
            ))}
          </select>
          <label htmlFor={ids.language}>{t('inbox.rules.test.language')}</label>
          <input id={ids.language} className="field__input inbox-settings__number" value={language} placeholder="de" onChange={(event) => setLanguage(event.target.value)} />
          <label htmlFor={ids.followers}>{t('inbox.rules.test.followers')}</label>
          <input id={ids.followers} className="field__input inbox-settings__number" type="number" min={0} value={followers} onChange={(event) => setFollowers(event.target.value)} />
        </div>
        <FieldError id={ids.error} message={error} />
        <div className="inbox-settings__actions">
          <button type="submit" className="button button--small">
            {t('inbox.rules.test.run')}
          </button>
        </div>
      </form>
      <div role="status" className="inbox-settings__result">
        {result && analysis && <p>{t('inbox.rules.test.analysis', { analysis: analysisLabels(analysis, t, i18n.language).name })}</p>}
        {result &&
          (result.matched.length === 0 ? (
            <p>{t('inbox.rules.test.noMatch')}</p>
          ) : (
            <>
              <p>{t('inbox.rules.test.matched', { list: result.matched.map((rule) => rule.name).join(' → ') })}</p>
              <p>
                {t('inbox.rules.test.outcome', {
                  tags: result.tags.length ? result.tags.join(', ') : t('inbox.rules.test.noTags'),
                  assignee: assignee ?? t('inbox.assign.unassigned'),
                })}
              </p>
            </>
          ))}
      </div>
    </section>
  );
}
