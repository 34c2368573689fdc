import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import vader from 'vader-sentiment';
import { polarityScores } from '../../src/main/core/insight/analysis/vader';
import { REMOVE_PUNCTUATION, isPunctuation, isUpperPython } from '../../src/main/core/insight/analysis/vader/words';

// The port must score exactly like the package it replaces (vader-sentiment 1.1.3), number for number.

const original = (text: string) => vader.SentimentIntensityAnalyzer.polarity_scores(text);

const tweets = readFileSync(resolve(__dirname, '../../data/sentiment/vader-tweets/tweets.tsv'), 'utf8')
  .split('\n')
  .filter((line) => line.length > 0)
  .map((line) => line.split('\t').slice(2).join('\t'));

function expectSame(text: string) {
  expect(polarityScores(text), JSON.stringify(text.slice(0, 200))).toEqual(original(text));
}

describe('the VADER port', () => {
  it('scores every one of the 4,200 VADER tweets exactly like vader-sentiment', () => {
    expect(tweets).toHaveLength(4200);
    let nonNeutral = 0;
    for (const text of tweets) {
      expectSame(text);
      if (original(text).compound !== 0) nonNeutral++;
    }
    // The comparison means something only if most tweets carry sentiment.
    expect(nonNeutral).toBeGreaterThan(3000);
  }, 30_000);

  it('scores the tweets exactly alike in upper case, lower case and with punctuation glued on', () => {
    for (const text of tweets) {
      expectSame(text.toUpperCase());
      expectSame(text.toLowerCase());
      expectSame(text.replace(/ /g, ', '));
      expectSame(text.replace(/(\w+)/g, '"$1"!'));
      expectSame(text.replace(/(\w+) /g, '?!?$1 '));
    }
  }, 30_000);

  it.each([
    ['empty', ''],
    ['whitespace', ' \t\n\r '],
    ['one character', 'a'],
    ['only punctuation', '!?.,;:-\'"()[]{}<>@#$%^&*_+=~`|\\/'],
    ['punctuation tokens', '!! ??? ?!? !?!? .. -- \'\' "" ,,'],
    ['exclamation marks', 'good!!!'],
    ['many exclamation marks', 'bad!!!!!!!!!! really bad !!!'],
    ['question marks', 'good???'],
    ['two question marks', 'is it bad??'],
    ['many question marks', 'terrible ?????? ? ?'],
    ['mixed emphasis', 'great?!?! awful!?!? fine?! ok!?'],
    ['emoji', 'I love it 😍🔥 but 😡 is bad 👍🏽 :) :-( <3 </3'],
    ['emoticons', ':) :( :D :P ;) :-) xD <3 \\o/ :-/ :/ (: ):'],
    ['control characters', 'good\u0000bad\u0007 happy\u001b[31m sad\u007f \u0085great\u00a0awful\u2028nice\u2029horrible\ufeffok'],
    ['lone surrogates', 'good \ud83d bad \ude00 happy'],
    ['kind of', 'it is kind of good, kind of bad, KIND OF great, sort of nice, kinda awful'],
    ['kind of at the end', 'this is good kind'],
    ['but', 'the food was great but the service was terrible'],
    ['BUT', 'the food was great BUT the service was terrible'],
    ['But (not the contrast)', 'the food was great But the service was terrible'],
    ['but, with punctuation', 'great, but, terrible but'],
    ['ALL CAPS', 'THIS IS GREAT AND TERRIBLE'],
    ['some caps', 'this is GREAT and very TERRIBLE, REALLY good'],
    ['caps with emoticon', ':)WORD GOOD bad'],
    ['least', 'the least good thing, at least good, very least bad, least happy'],
    ['least first', 'least good'],
    ['never so', 'never so good, never this bad, not good, isn\'t bad, no good, nothing happy'],
    ['negation window', "don't really think this is good; it wasn't so very bad"],
    ['idioms', 'the shit, the bomb, bad ass, yeah right, cut the mustard, kiss of death, hand to mouth, that was the bomb man'],
    ['booster bigrams', 'it was sort of good and just enough bad and kind of great'],
    ['prototype names', '__proto__ constructor hasOwnProperty toString valueOf ,constructor, __proto__!'],
    ['contractions', "can't won't it's don't' 'bad' 'good\" \"great\"."],
    ['hashtags and mentions', '#love @hate #bad_day @good-morning http://example.com/bad?x=good'],
    ['repeated words', 'good good good, good! good? ,good good, ,,good'],
    ['non-ASCII', 'Größe schön naïve café GOOD ÜBEL, good…'],
  ])('scores %s exactly like vader-sentiment', (_name, text) => {
    expectSame(text);
  });

  it('scores 50 kB of text exactly like vader-sentiment', () => {
    const words = ['good', 'BAD', 'not', 'but', 'very', 'kind', 'of', 'least', 'the', 'bomb', ':)', 'happy!', ',sad', 'never', 'so'];
    let text = '';
    for (let i = 0; text.length < 50_000; i++) text += `${words[(i * 7 + (i >> 3)) % words.length]}${i % 11 === 0 ? '!' : ''} `;
    expectSame(text);
    expectSame('x'.repeat(50_000));
    expectSame('!'.repeat(50_000));
  });

  it('scores seeded random texts of tricky tokens exactly like vader-sentiment', () => {
    const pieces = [
      'good', 'bad', 'GOOD', 'BAD', 'Good', 'not', "isn't", 'never', 'so', 'this', 'but', 'BUT', 'kind', 'of', 'KIND', 'OF',
      'least', 'at', 'very', 'VERY', 'really', 'slightly', 'sort', 'the', 'shit', 'bomb', 'yeah', 'right', 'cut', 'mustard',
      'kiss', 'death', 'hand', 'to', 'mouth', 'bad', 'ass', ':)', ':(', '<3', 'lol', 'love', 'hate', 'x', 'I', 'A', '😀',
      '!', '?', '!!', '??', '???', '?!?', '.', ',', ';', ':', '-', "'", '"', '...', '!!!!', '#', '@',
    ];
    let seed = 42;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (let n = 0; n < 3000; n++) {
      const length = 1 + Math.floor(next() * 14);
      let text = '';
      for (let i = 0; i < length; i++) {
        text += pieces[Math.floor(next() * pieces.length)];
        if (next() < 0.3) text += pieces[Math.floor(next() * pieces.length)];
        text += next() < 0.85 ? ' ' : next() < 0.5 ? '\n' : '';
      }
      expectSame(text);
    }
  });

  it('treats as punctuation exactly the characters the package removes, and calls upper case what it does', () => {
    for (let code = 0; code < 0x10000; code++) {
      const character = String.fromCharCode(code);
      expect(isPunctuation(code)).toBe(character.replace(REMOVE_PUNCTUATION, '') === '');
      const theirs = /[!"#$%&'()*+,-./:;<=>?@[\\\]^_`{|}~]/g;
      expect(character.replace(theirs, '')).toBe(character.replace(REMOVE_PUNCTUATION, ''));
      for (const word of [character, `A${character}`, `${character}a`]) {
        expect(isUpperPython(word)).toBe(/^[^a-z]*[A-Z]+[^a-z]*$/.test(word));
      }
    }
  });
});
