import fs from 'node:fs';
import path from 'node:path';
import type { Sentiment } from '../../src/shared/contract/analysis';

// The two labelled corpora (data/sentiment/README.md): assembled from the copied pages, parsed,
// deduplicated by id and split by a hash of the id into train (80 %) and evaluation (20 %).

export const ROOT = path.resolve(__dirname, '..', '..');
export const DATA = path.join(ROOT, 'data', 'sentiment');
const PAGE_CHARS = 16_000;

export interface CorpusSpec {
  readonly name: 'sb10k' | 'vader-tweets';
  readonly language: 'de' | 'en';
  readonly dir: string;
  /** The assembled file, written by the training script. */
  readonly file: string;
  readonly evalIds: string;
  /** One line of the source into id, gold label and text; null when malformed. */
  parse(line: string): LabelledText | null;
}

export interface LabelledText {
  readonly id: string;
  readonly gold: Sentiment;
  readonly text: string;
  /** The source's own rating, where it has one (VADER: mean of −4..4). */
  readonly rating?: number;
}

/**
 * English gold from VADER's mean human rating (−4..4), fixed before any result was seen:
 * ≥ 0.5 positive, ≤ −0.5 negative, otherwise neutral.
 */
export const VADER_GOLD_THRESHOLD = 0.5;

export function vaderGold(rating: number): Sentiment {
  if (rating >= VADER_GOLD_THRESHOLD) return 'positive';
  if (rating <= -VADER_GOLD_THRESHOLD) return 'negative';
  return 'neutral';
}

const SB10K_LINE = /^(\d+)\t(positive|negative|neutral)\t(.+)$/u;
const VADER_LINE = /^(\d+)\t(-?\d+(?:\.\d+)?)\t(.+)$/u;

export const SB10K: CorpusSpec = {
  name: 'sb10k',
  language: 'de',
  dir: path.join(DATA, 'sb10k'),
  file: path.join(DATA, 'sb10k', 'sb10k.tsv'),
  evalIds: path.join(DATA, 'sb10k', 'eval-ids.txt'),
  parse(line) {
    const m = SB10K_LINE.exec(line);
    if (!m || !m[3]!.trim()) return null;
    return { id: m[1]!, gold: m[2] as Sentiment, text: m[3]! };
  },
};

export const VADER_TWEETS: CorpusSpec = {
  name: 'vader-tweets',
  language: 'en',
  dir: path.join(DATA, 'vader-tweets'),
  file: path.join(DATA, 'vader-tweets', 'tweets.tsv'),
  evalIds: path.join(DATA, 'vader-tweets', 'eval-ids.txt'),
  parse(line) {
    const m = VADER_LINE.exec(line);
    if (!m || !m[3]!.trim()) return null;
    const rating = Number(m[2]);
    if (!Number.isFinite(rating) || rating < -4 || rating > 4) return null;
    return { id: m[1]!, gold: vaderGold(rating), text: m[3]!, rating };
  },
};

export const CORPORA = [SB10K, VADER_TWEETS] as const;

export interface Assembled {
  readonly text: string;
  readonly pages: number;
  /** Missing page offsets; lines cut by a gap are dropped. */
  readonly gaps: number[];
  readonly complete: boolean;
}

/**
 * Concatenates pages in offset order. Pages are 16,000 characters (code points) each; the last is
 * shorter. Where a page is missing, the cut lines on both sides of the gap are dropped.
 */
export function assemblePages(pagesDir: string): Assembled {
  const pages = fs
    .readdirSync(pagesDir)
    .map((name) => /^page-(\d+)\.txt$/u.exec(name))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ offset: Number(m[1]), file: path.join(pagesDir, m[0]) }))
    .sort((a, b) => a.offset - b.offset);
  const gaps: number[] = [];
  const runs: string[] = [];
  let current = '';
  let expected = 0;
  let lastLength = PAGE_CHARS;
  for (const page of pages) {
    const text = fs.readFileSync(page.file, 'utf8');
    if (page.offset !== expected) {
      for (let missing = expected; missing < page.offset; missing += PAGE_CHARS) gaps.push(missing);
      runs.push(current.slice(0, current.lastIndexOf('\n') + 1));
      current = text.slice(text.indexOf('\n') + 1);
    } else {
      current += text;
    }
    expected = page.offset + PAGE_CHARS;
    lastLength = [...text].length;
  }
  // A full-length last page means more may follow: its cut last line is dropped.
  const ended = lastLength < PAGE_CHARS;
  runs.push(ended ? current : current.slice(0, current.lastIndexOf('\n') + 1));
  return { text: runs.join(''), pages: pages.length, gaps, complete: ended && gaps.length === 0 };
}

export interface Parsed {
  readonly items: LabelledText[];
  readonly malformed: number;
  readonly duplicates: number;
}

export function parseCorpus(spec: CorpusSpec, text: string): Parsed {
  const seen = new Set<string>();
  const items: LabelledText[] = [];
  let malformed = 0;
  let duplicates = 0;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/u, '');
    if (line === '') continue;
    const item = spec.parse(line);
    if (!item) {
      malformed++;
      continue;
    }
    if (seen.has(item.id)) {
      duplicates++;
      continue;
    }
    seen.add(item.id);
    items.push(item);
  }
  return { items, malformed, duplicates };
}

/** FNV-1a, 32 bit: a stable hash with no dependency, the same on every machine. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** 20 % of ids, chosen by their hash alone: an id is in evaluation forever, whatever else changes. */
export const isEvalId = (id: string): boolean => fnv1a(id) % 100 < 20;
/** Within train, the slice hyperparameters are tuned on (the evaluation split is never looked at). */
export const isDevId = (id: string): boolean => fnv1a(`dev:${id}`) % 100 < 20;

/** The corpus as the training script assembled it (data/sentiment/<name>/<file>). */
export function loadCorpus(spec: CorpusSpec): LabelledText[] {
  const text = fs.readFileSync(spec.file, 'utf8');
  return parseCorpus(spec, text).items;
}

export function loadEvalIds(spec: CorpusSpec): Set<string> {
  return new Set(fs.readFileSync(spec.evalIds, 'utf8').split('\n').filter(Boolean));
}

/** The evaluation split of a corpus, by its committed id list. */
export function loadEvalSplit(spec: CorpusSpec): LabelledText[] {
  const ids = loadEvalIds(spec);
  return loadCorpus(spec).filter((item) => ids.has(item.id));
}
