/**
 * Copyright 2018 Comcast Cable Communications Management, LLC
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 * http://www.apache.org/licenses/LICENSE-2.0
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 *
 * Modified for Leitstand: a TypeScript port of vader-sentiment 1.1.3 (src/vaderSentiment.js); see NOTICE.
 */

/*
  Port of vader sentiment analysis tool, source:
    Hutto, C.J. & Gilbert, E.E. (2014). VADER: A Parsimonious Rule-based Model for
    Sentiment Analysis of Social Media Text. Eighth International Conference on
    Weblogs and Social Media (ICWSM-14). Ann Arbor, MI, June 2014.

  SentimentIntensityAnalyzer.polarity_scores of vader-sentiment, step for step and in the same
  floating-point order, so that every score is identical (test/insight/vaderPort.test.ts).
*/

import { BOOSTER_DICT, B_DECR, C_INCR, NEGATE, N_SCALAR, SPECIAL_CASE_IDIOMS } from './constants';
import { LEXICON } from './lexicon';
import { allcapDifferential, isUpperPython, wordsAndEmoticons } from './words';

export interface PolarityScores {
  neg: number;
  neu: number;
  pos: number;
  compound: number;
}

/** The words of a text with what the rules ask of each word more than once. */
interface SentiText {
  readonly words: readonly string[];
  readonly lower: readonly string[];
  readonly upper: readonly boolean[];
  readonly isCapDiff: boolean;
}

function sentiText(text: string): SentiText {
  const words = wordsAndEmoticons(text);
  const upper = words.map(isUpperPython);
  return { words, lower: words.map((word) => word.toLowerCase()), upper, isCapDiff: allcapDifferential(upper) };
}

/** negated() for the one-word lists the rules pass it (its 'least' rule never fires on one word). */
function negatedWord(word: string): boolean {
  return NEGATE.has(word) || word.includes("n't");
}

export function normalize(score: number, alpha = 15): number {
  const normScore = score / Math.sqrt(score * score + alpha);
  if (normScore < -1.0) return -1.0;
  if (normScore > 1.0) return 1.0;
  return normScore;
}

/** scalar_inc_dec: how much the word at `at` boosts or dampens the valence after it. */
function scalarIncDec(text: SentiText, at: number, valence: number): number {
  let scalar = 0.0;
  const booster = BOOSTER_DICT.get(text.lower[at]!);
  if (booster !== undefined) {
    scalar = booster;
    if (valence < 0) scalar *= -1;
    // check if booster/dampener word is in ALLCAPS (while others aren't)
    if (text.isCapDiff && text.upper[at]) {
      if (valence > 0) scalar += C_INCR;
      else scalar -= C_INCR;
    }
  }
  return scalar;
}

function neverCheck(valence: number, words: readonly string[], startI: number, index: number): number {
  if (startI === 0) {
    if (negatedWord(words[index - 1]!)) valence = valence * N_SCALAR;
  }
  if (startI === 1) {
    if (words[index - 2] === 'never' && (words[index - 1] === 'so' || words[index - 1] === 'this')) {
      valence = valence * 1.5;
    } else if (negatedWord(words[index - (startI + 1)]!)) {
      valence = valence * N_SCALAR;
    }
  }
  if (startI === 2) {
    if (
      (words[index - 3] === 'never' && (words[index - 2] === 'so' || words[index - 2] === 'this')) ||
      words[index - 1] === 'so' ||
      words[index - 1] === 'this'
    ) {
      valence = valence * 1.25;
    } else if (negatedWord(words[index - (startI + 1)]!)) {
      valence = valence * N_SCALAR;
    }
  }
  return valence;
}

/** Only called with index >= 3 (from the third look-back), so the three words before it exist. */
function idiomsCheck(valence: number, words: readonly string[], index: number): number {
  const w = (i: number) => words[i]!;
  const onezero = `${w(index - 1)} ${w(index)}`;
  const twoonezero = `${w(index - 2)} ${w(index - 1)} ${w(index)}`;
  const twoone = `${w(index - 2)} ${w(index - 1)}`;
  const threetwoone = `${w(index - 3)} ${w(index - 2)} ${w(index - 1)}`;
  const threetwo = `${w(index - 3)} ${w(index - 2)}`;

  for (const sequence of [onezero, twoonezero, twoone, threetwoone, threetwo]) {
    const idiom = SPECIAL_CASE_IDIOMS.get(sequence);
    if (idiom !== undefined) {
      valence = idiom;
      break;
    }
  }
  if (words.length - 1 > index) {
    const idiom = SPECIAL_CASE_IDIOMS.get(`${w(index)} ${w(index + 1)}`);
    if (idiom !== undefined) valence = idiom;
  }
  if (words.length - 1 > index + 1) {
    const idiom = SPECIAL_CASE_IDIOMS.get(`${w(index)} ${w(index + 1)} ${w(index + 2)}`);
    if (idiom !== undefined) valence = idiom;
  }
  // check for booster/dampener bi-grams such as 'sort of' or 'kind of'
  if (BOOSTER_DICT.has(threetwo) || BOOSTER_DICT.has(twoone)) valence = valence + B_DECR;
  return valence;
}

/** Negation by "least" (but not "at least", "very least"). */
function leastCheck(valence: number, lower: readonly string[], index: number): number {
  if (index > 1 && lower[index - 1] === 'least' && !LEXICON.has(lower[index - 1]!)) {
    if (lower[index - 2] !== 'at' && lower[index - 2] !== 'very') valence = valence * N_SCALAR;
  } else if (index > 0 && lower[index - 1] === 'least' && !LEXICON.has(lower[index - 1]!)) {
    valence = valence * N_SCALAR;
  }
  return valence;
}

function sentimentValence(text: SentiText, index: number): number {
  const { words, lower } = text;
  let valence = LEXICON.get(lower[index]!);
  if (valence === undefined) return 0;
  // check if sentiment laden word is in ALL CAPS (while others aren't)
  if (text.upper[index] && text.isCapDiff) {
    if (valence > 0) valence += C_INCR;
    else valence -= C_INCR;
  }
  for (let startI = 0; startI < 3; startI++) {
    if (index > startI && !LEXICON.has(lower[index - (startI + 1)]!)) {
      // dampen the scalar modifier of preceding words and emoticons (excluding the ones that
      // immediately preceed the item) based on their distance from the current item.
      let s = scalarIncDec(text, index - (startI + 1), valence);
      if (startI === 1 && s !== 0) s = s * 0.95;
      else if (startI === 2 && s !== 0) s = s * 0.9;
      valence = valence + s;
      valence = neverCheck(valence, words, startI, index);
      if (startI === 2) valence = idiomsCheck(valence, words, index);
    }
  }
  return leastCheck(valence, lower, index);
}

/** Contrastive conjunction 'but' (exactly 'but', else 'BUT'): halves what precedes, 1.5x what follows. */
function butCheck(words: readonly string[], sentiments: number[]): void {
  let butIndex = words.indexOf('but');
  if (butIndex === -1) butIndex = words.indexOf('BUT');
  if (butIndex === -1) return;
  for (let i = 0; i < sentiments.length; i++) {
    if (i < butIndex) sentiments[i] = sentiments[i]! * 0.5;
    else if (i > butIndex) sentiments[i] = sentiments[i]! * 1.5;
  }
}

function count(text: string, code: number): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === code) n++;
  return n;
}

/** Emphasis from exclamation points (up to 4) and question marks (2 or 3+). */
function punctuationEmphasis(text: string): number {
  const epCount = Math.min(count(text, 0x21), 4);
  const epAmplifier = epCount * 0.292;
  const qmCount = count(text, 0x3f);
  let qmAmplifier = 0;
  if (qmCount > 1) qmAmplifier = qmCount <= 3 ? qmCount * 0.18 : 0.96;
  return epAmplifier + qmAmplifier;
}

function scoreValence(sentiments: readonly number[], text: string): PolarityScores {
  if (sentiments.length === 0) return { neg: 0.0, neu: 0.0, pos: 0.0, compound: 0.0 };
  let sumS = 0;
  for (const sentiment of sentiments) sumS += sentiment;
  // compute and add emphasis from punctuation in text
  const punctEmphAmplifier = punctuationEmphasis(text);
  if (sumS > 0) sumS += punctEmphAmplifier;
  else if (sumS < 0) sumS -= punctEmphAmplifier;
  const compound = normalize(sumS);

  // discriminate between positive, negative and neutral sentiment scores
  let posSum = 0.0;
  let negSum = 0.0;
  let neuCount = 0;
  for (const sentiment of sentiments) {
    if (sentiment > 0) posSum += sentiment + 1; // compensates for neutral words that are counted as 1
    else if (sentiment < 0) negSum += sentiment - 1; // when used with math.fabs(), compensates for neutrals
    else neuCount += 1;
  }
  if (posSum > Math.abs(negSum)) posSum += punctEmphAmplifier;
  else if (posSum < Math.abs(negSum)) negSum -= punctEmphAmplifier;

  const total = posSum + Math.abs(negSum) + neuCount;
  return {
    neg: parseFloat(Math.abs(negSum / total).toFixed(3)),
    neu: parseFloat(Math.abs(neuCount / total).toFixed(3)),
    pos: parseFloat(Math.abs(posSum / total).toFixed(3)),
    compound: parseFloat(compound.toFixed(4)),
  };
}

/** VADER's scores of a text: neg, neu, pos shares and the normalised compound (-1..1). */
export function polarityScores(text: string): PolarityScores {
  const senti = sentiText(text);
  const { words, lower } = senti;
  const sentiments: number[] = [];
  for (let i = 0; i < words.length; i++) {
    if ((i < words.length - 1 && lower[i] === 'kind' && lower[i + 1] === 'of') || BOOSTER_DICT.has(lower[i]!)) {
      sentiments.push(0);
      continue;
    }
    sentiments.push(sentimentValence(senti, i));
  }
  butCheck(words, sentiments);
  return scoreValence(sentiments, text);
}
