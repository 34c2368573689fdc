import { SENTIMENTS, type Sentiment } from '../../src/shared/contract/analysis';

export interface Scores {
  readonly n: number;
  readonly accuracy: number;
  /** Unweighted mean of the three classes' F1. */
  readonly macroF1: number;
  readonly f1: Record<Sentiment, number>;
}

export function score(gold: readonly Sentiment[], predicted: readonly Sentiment[]): Scores {
  if (gold.length !== predicted.length) throw new Error('gold and predicted differ in length');
  let correct = 0;
  const f1 = {} as Record<Sentiment, number>;
  for (let i = 0; i < gold.length; i++) if (gold[i] === predicted[i]) correct++;
  for (const label of SENTIMENTS) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (let i = 0; i < gold.length; i++) {
      const g = gold[i] === label;
      const p = predicted[i] === label;
      if (g && p) tp++;
      else if (p) fp++;
      else if (g) fn++;
    }
    const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
    const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
    f1[label] = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  }
  const macroF1 = SENTIMENTS.reduce((sum, label) => sum + f1[label], 0) / SENTIMENTS.length;
  return { n: gold.length, accuracy: gold.length === 0 ? 0 : correct / gold.length, macroF1, f1 };
}

export const bySign = (value: number, threshold = 0): Sentiment => (value > threshold ? 'positive' : value < -threshold ? 'negative' : 'neutral');
