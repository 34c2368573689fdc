import { describe, expect, it } from 'vitest';
import { itemAnalysisSchema } from '../../src/shared/contract/analysis';
import { createAnalyzer } from '../../src/main/core/insight/analysis';
import { extractFeatures } from '../../src/main/core/insight/analysis/features';
import { inquiryType } from '../../src/main/core/insight/analysis/inquiry';
import { afinnDeScores } from '../../src/main/core/insight/analysis/lexicon';
import { cleanText, tokenize } from '../../src/main/core/insight/analysis/tokenize';

// The real analyzer (trained models in src/main/core/insight/analysis/model) on texts written for
// these tests. Sentences are clear-cut on purpose: these check behaviour, the evaluation test and
// `npm run bench` measure quality on held-out data.

const analyzer = createAnalyzer();
const tokens = (text: string, lang: 'de' | 'en') => tokenize(cleanText(text), lang).tokens.map((token) => token.text);

describe('tokenizer', () => {
  it('normalises URLs and mentions, splits hashtags off #, keeps emoji and emoticons', () => {
    expect(tokens('@DB_Bahn schau mal https://example.org/x?y=1 #Stuttgart21 😍 :)', 'de')).toEqual([
      '<user>',
      'schau',
      'mal',
      '<url>',
      'stuttgart21',
      '😍',
      ':)',
    ]);
  });

  it('marks the words after a negator up to punctuation, German and English', () => {
    expect(tokens('Das ist nicht gut, aber okay', 'de')).toEqual(['das', 'ist', 'nicht', '¬gut', ',', 'aber', 'okay']);
    expect(tokens('Keine gute Idee. Schade', 'de')).toEqual(['keine', '¬gute', '¬idee', '.', 'schade']);
    expect(tokens("I don't like it! Great", 'en')).toEqual(['i', "don't", '¬like', '¬it', '!', 'great']);
    expect(tokens('never again without help', 'en')).toEqual(['never', '¬again', 'without', '¬help']);
  });

  it('counts question and exclamation marks, ALL CAPS, elongations and intensifiers', () => {
    const t = tokenize(cleanText('Das ist SO sooooo GEIL!!! Oder?'), 'de');
    expect(t.exclamationMarks).toBe(3);
    expect(t.questionMarks).toBe(1);
    expect(t.allCaps).toBe(2);
    expect(t.elongations).toBe(1);
    expect(t.intensifiers).toBe(2);
    expect(t.tokens.map((token) => token.text)).toContain('soo');
  });

  it('lets negation flip and intensifiers strengthen the German lexicon score', () => {
    const score = (text: string) => afinnDeScores(tokenize(cleanText(text), 'de')).compound;
    expect(score('gut')).toBeGreaterThan(0);
    expect(score('nicht gut')).toBeLessThan(0);
    expect(score('sehr gut')).toBeGreaterThan(score('gut'));
  });
});

describe('sentiment', () => {
  it.each([
    ['Der Service ist super, vielen Dank!', 'positive'],
    ['Ich liebe diesen Laden ❤️', 'positive'],
    ['Das ist echt schlecht und ärgerlich.', 'negative'],
    ['Ich hasse es, wenn der Zug ausfällt.', 'negative'],
    ['This is great, thank you so much!', 'positive'],
    ['I love it 😍', 'positive'],
    ['This is terrible, I hate it.', 'negative'],
    ['Worst customer service ever.', 'negative'],
  ] as const)('%s → %s', (text, expected) => {
    expect(analyzer.analyze(text).sentiment).toBe(expected);
  });

  it('flips with negation', () => {
    expect(analyzer.analyze('Das ist gut.', 'de').sentiment).toBe('positive');
    expect(analyzer.analyze('Das ist nicht gut.', 'de').sentiment).toBe('negative');
    expect(analyzer.analyze('This is good.', 'en').sentiment).toBe('positive');
    expect(analyzer.analyze('This is not good.', 'en').sentiment).toBe('negative');
  });

  it('reads emoji', () => {
    expect(analyzer.analyze('😍😍😍').sentiment).toBe('positive');
    expect(analyzer.analyze('Leider kein Erfolg heute 😢').sentiment).toBe('negative');
    expect(analyzer.analyze('So sad today 😢').sentiment).toBe('negative');
  });

  it('scores between -1 and 1 with the sign of the sentiment', () => {
    const positive = analyzer.analyze('Großartig, danke!');
    const negative = analyzer.analyze('Furchtbar, nie wieder!');
    expect(positive.score).toBeGreaterThan(0);
    expect(negative.score).toBeLessThan(0);
    expect(Math.abs(positive.score)).toBeLessThanOrEqual(1);
  });
});

describe('inquiry type', () => {
  it.each([
    ['Wann habt ihr am Samstag geöffnet?', 'question'],
    ['Habt ihr die Jacke auch in Größe M', 'question'],
    ['Weiß jemand, ob die Linie 5 heute fährt', 'question'],
    ['Do you ship to Canada?', 'question'],
    ['How long does delivery take', 'question'],
    ['Ich warte seit drei Wochen auf meine Erstattung. Eine Frechheit!', 'complaint'],
    ['Mein Paket ist kaputt angekommen, sehr ärgerlich.', 'complaint'],
    ['Still waiting for my refund, worst service ever.', 'complaint'],
    ['Vielen Dank für die schnelle Hilfe, super Service!', 'praise'],
    ['Thanks so much, you guys are awesome!', 'praise'],
    ['Heute ist Montag.', 'other'],
    ['The train leaves at nine.', 'other'],
  ] as const)('%s → %s', (text, expected) => {
    expect(analyzer.analyze(text).inquiry).toBe(expected);
  });

  it('puts a question before a complaint and a complaint before praise', () => {
    const input = (text: string, lang: 'de' | 'en') => {
      const tokenized = tokenize(cleanText(text), lang);
      return { tokenized, features: extractFeatures(tokenized, lang, cleanText(text)), lang };
    };
    const negative = { sentiment: 'negative', score: -0.9 } as const;
    expect(inquiryType({ ...input('Warum ist mein Paket immer noch nicht da? Frechheit!', 'de'), ...negative })).toBe('question');
    expect(inquiryType({ ...input('Mein Paket ist immer noch nicht da. Frechheit!', 'de'), ...negative })).toBe('complaint');
    expect(inquiryType({ ...input('Why is my order still missing? Never again!', 'en'), ...negative })).toBe('question');
    // A strong complaint cue outweighs thanks unless the whole text reads positive.
    expect(inquiryType({ ...input('Danke für nichts, nie wieder!', 'de'), sentiment: 'neutral', score: 0 })).toBe('complaint');
    expect(analyzer.analyze('Warum ist mein Paket immer noch nicht da? Frechheit!').inquiry).toBe('question');
  });

  it('does not take a rhetorical question or a ? inside a link for a question', () => {
    expect(analyzer.analyze('Echt jetzt?! Schon wieder Verspätung, Frechheit.').inquiry).toBe('complaint');
    expect(analyzer.analyze('Neuer Artikel: https://example.org/artikel?id=42').inquiry).not.toBe('question');
  });
});

describe('language', () => {
  it('detects German and English', () => {
    expect(analyzer.analyze('Wir freuen uns auf das Wochenende mit euch allen', 'en').language).toBe('de');
    expect(analyzer.analyze('We are looking forward to the weekend with all of you', 'de').language).toBe('en');
  });

  it('gives null for emoji-only, URL-only and mention-only text and analyses it with the fallback language', () => {
    for (const text of ['😍😍', 'https://example.org/a https://example.org/b', '@someone', '', '   ']) {
      expect(analyzer.analyze(text, 'en').language).toBeNull();
    }
    expect(analyzer.analyze('😍😍', 'en').sentiment).toBe('positive');
  });

  it('carries the model version', () => {
    expect(analyzer.version).toMatch(/^de-[0-9a-f]{10}\.en-[0-9a-f]{10}\.r\d+$/u);
    expect(analyzer.analyze('Hallo').modelVersion).toBe(analyzer.version);
  });
});

describe('hostile input never throws and always fits the contract', () => {
  const hostile: Array<[string, string]> = [
    ['50 kB of text', 'Das ist gut. '.repeat(4000)],
    ['50 kB without a space', 'a'.repeat(50_000)],
    ['control characters', 'gut\u0000\u0001\u0007\u001b[31m schlecht\u007f\r\n\t'],
    ['right-to-left text and bidi overrides', '\u202Eتجربة رائعة\u202C שלום עולם \u2067abc\u2069'],
    ['only URLs', 'https://a.example/ http://b.example/?q=1 www.c.example'],
    ['lone surrogates', '\uD800\uDC00\uD83D abc \uDE00'],
    ['zero-width and combining marks', 'g\u0308\u0308\u0308u\u200Bt\u200D\u200D'],
    ['emoji sequences', '👨‍👩‍👧‍👦🏳️‍🌈👍🏽🇩🇪'],
    ['punctuation only', '?!?!?!...,,,;;;'],
  ];
  it.each(hostile)('%s', (_name, text) => {
    const started = performance.now();
    const result = analyzer.analyze(text, 'de');
    expect(itemAnalysisSchema.parse(result)).toEqual(result);
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('treats a non-string as empty text', () => {
    expect(analyzer.analyze(undefined as unknown as string).sentiment).toBeDefined();
  });
});
