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

import { PUNC_LIST } from './constants';

// SentiText of vaderSentiment.js. The package maps a token to its word through a table holding
// every entry of PUNC_LIST before and after every word of the text (17 x 2 x words entries per
// text, most of the analysis time). That table's keys are exactly "p + w" and "w + p" where p is
// in PUNC_LIST (punctuation only) and w is a word of the text with all punctuation removed, so a
// token's own leading (or trailing) punctuation run is the only p it can match: we look that up.

/** The characters of REGEX_REMOVE_PUNCTUATION, Python's string.punctuation (ASCII only). */
export const REMOVE_PUNCTUATION = /[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/g;

export function isPunctuation(code: number): boolean {
  return (code >= 0x21 && code <= 0x2f) || (code >= 0x3a && code <= 0x40) || (code >= 0x5b && code <= 0x60) || (code >= 0x7b && code <= 0x7e);
}

/**
 * Python's str.isupper as the package defines it (/^[^a-z]*[A-Z]+[^a-z]*$/): no ASCII lowercase
 * letter and at least one ASCII capital, so ':)WORD' is upper and ':)' is not.
 */
export function isUpperPython(word: string): boolean {
  let capital = false;
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (code >= 0x61 && code <= 0x7a) return false;
    if (code >= 0x41 && code <= 0x5a) capital = true;
  }
  return capital;
}

/** True when some, but not all, words are ALL CAPS. */
export function allcapDifferential(upper: readonly boolean[]): boolean {
  let allcapWords = 0;
  for (const isUpper of upper) if (isUpper) allcapWords += 1;
  const capDifferential = upper.length - allcapWords;
  return capDifferential > 0 && capDifferential < upper.length;
}

/** The token's word when the token is PUNC_LIST + word or word + PUNC_LIST for a word of the text. */
function withoutEdgePunctuation(token: string, words: ReadonlySet<string>): string {
  const length = token.length;
  let lead = 0;
  while (lead < length && isPunctuation(token.charCodeAt(lead))) lead++;
  if (lead > 0) {
    // A word has no punctuation, so "word + p" cannot start with punctuation.
    if (lead < length && PUNC_LIST.has(token.slice(0, lead))) {
      const word = token.slice(lead);
      if (words.has(word)) return word;
    }
    return token;
  }
  let end = length;
  while (end > 0 && isPunctuation(token.charCodeAt(end - 1))) end--;
  if (end < length && PUNC_LIST.has(token.slice(end))) {
    const word = token.slice(0, end);
    if (words.has(word)) return word;
  }
  return token;
}

/**
 * get_words_and_emoticons: the whitespace-separated tokens longer than one character, with leading
 * or trailing punctuation removed from words, contractions and most emoticons kept.
 */
export function wordsAndEmoticons(text: string): string[] {
  const tokens = text.split(/\s/);
  let words: Set<string> | null = null;
  const result: string[] = [];
  for (const token of tokens) {
    if (token.length <= 1) continue;
    const first = token.charCodeAt(0);
    const last = token.charCodeAt(token.length - 1);
    if (!isPunctuation(first) && !isPunctuation(last)) {
      result.push(token);
      continue;
    }
    // The package's words: the text without punctuation, split on whitespace, singletons removed.
    words ??= new Set(
      text
        .replace(REMOVE_PUNCTUATION, '')
        .split(/\s/)
        .filter((word) => word.length > 1),
    );
    result.push(withoutEdgePunctuation(token, words));
  }
  return result;
}
