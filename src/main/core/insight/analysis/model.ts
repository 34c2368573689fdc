import type { Sentiment } from '../../../../shared/contract/analysis';
import type { Lang } from './cues';

// A multinomial logistic regression over sparse features, as written by scripts/train-sentiment.ts.

export const CLASSES: readonly Sentiment[] = ['positive', 'neutral', 'negative'];

export interface ModelFile {
  readonly format: 1;
  readonly language: Lang;
  /** A hash of the weights: changes whenever retraining changes anything. */
  readonly version: string;
  readonly classes: readonly Sentiment[];
  readonly bias: readonly number[];
  /** Feature name → one weight per class, in `classes` order. */
  readonly weights: Record<string, readonly number[]>;
  /** How it was trained (data, sizes, hyperparameters); for people, not for inference. */
  readonly trainedOn?: unknown;
}

export interface Prediction {
  readonly sentiment: Sentiment;
  /** P(positive) − P(negative), in -1..1. */
  readonly score: number;
  readonly probabilities: readonly number[];
}

export function softmax(logits: number[]): number[] {
  const max = Math.max(...logits);
  const exps = logits.map((logit) => Math.exp(logit - max));
  const total = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / total);
}

export class LinearModel {
  readonly version: string;
  private readonly weights: ReadonlyMap<string, readonly number[]>;
  private readonly bias: readonly number[];

  constructor(file: ModelFile) {
    if (file.format !== 1 || file.classes.join() !== CLASSES.join() || file.bias.length !== CLASSES.length) {
      throw new Error(`Sentiment model for ${file.language} has an unknown format.`);
    }
    this.version = file.version;
    this.bias = file.bias;
    this.weights = new Map(Object.entries(file.weights));
  }

  predict(names: readonly string[], values: readonly number[]): Prediction {
    const logits = [...this.bias];
    for (let i = 0; i < names.length; i++) {
      const w = this.weights.get(names[i]!);
      if (!w) continue;
      const v = values[i]!;
      for (let c = 0; c < logits.length; c++) logits[c]! += w[c]! * v;
    }
    const probabilities = softmax(logits);
    let best = 0;
    for (let c = 1; c < probabilities.length; c++) if (probabilities[c]! > probabilities[best]!) best = c;
    const score = Math.max(-1, Math.min(1, probabilities[0]! - probabilities[2]!));
    return { sentiment: CLASSES[best]!, score, probabilities };
  }
}
