// The analysis chip on items: rendered with React and the real English and German strings, it
// names sentiment and inquiry type in words (not colour alone) and shows nothing for an item
// whose analysis has not come yet.
import i18next, { type i18n as I18n } from 'i18next';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { beforeAll, describe, expect, test } from 'vitest';
import { INQUIRY_TYPES, SENTIMENTS, type ItemAnalysis } from '../../src/shared/contract/analysis';
import { AnalysisChips } from '../../src/renderer/src/components/AnalysisChips';
import { resources } from '../../src/renderer/src/i18n';

let en: I18n;
let de: I18n;
beforeAll(async () => {
  en = i18next.createInstance();
  await en.init({ resources, lng: 'en', interpolation: { escapeValue: false } });
  de = i18next.createInstance();
  await de.init({ resources, lng: 'de', interpolation: { escapeValue: false } });
});

function analysis(patch: Partial<ItemAnalysis> = {}): ItemAnalysis {
  return { language: 'de', sentiment: 'negative', score: -0.62, inquiry: 'complaint', modelVersion: 'test-1', ...patch };
}

function render(value: ItemAnalysis | null | undefined, i18n: I18n): string {
  return renderToStaticMarkup(createElement(I18nextProvider, { i18n }, createElement(AnalysisChips, { analysis: value })));
}

/** The chip's parts as a screen reader and a sighted reader meet them (the test runs without a DOM). */
function parse(html: string): { role: string; name: string; title: string; visible: string; className: string } {
  const open = /^<span ([^>]*)>/.exec(html);
  if (!open) throw new Error(`not a chip: ${html}`);
  const attribute = (name: string) => {
    const match = new RegExp(` ${name}="([^"]*)"`).exec(` ${open[1]!}`);
    return match ? decode(match[1]!) : '';
  };
  return {
    role: attribute('role'),
    name: attribute('aria-label'),
    title: attribute('title'),
    className: attribute('class'),
    visible: decode(html.replace(/<[^>]+>/g, '')),
  };
}

function decode(text: string): string {
  return text.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

describe('the analysis chip', () => {
  test('nothing at all while an item has no analysis (null or absent)', () => {
    expect(render(null, en)).toBe('');
    expect(render(undefined, en)).toBe('');
  });

  test('every sentiment and inquiry type has its own accessible name, in English and German', () => {
    const englishNames = new Set<string>();
    const germanNames = new Set<string>();
    for (const sentiment of SENTIMENTS) {
      for (const inquiry of INQUIRY_TYPES) {
        const english = parse(render(analysis({ sentiment, inquiry }), en));
        expect(english.role).toBe('img');
        expect(english.name).toBe(`Sentiment: ${sentiment}, inquiry: ${inquiry}`);
        englishNames.add(english.name);
        const german = parse(render(analysis({ sentiment, inquiry }), de));
        expect(german.name).toMatch(/^Stimmung: (positiv|neutral|negativ), Anliegen: (Frage|Beschwerde|Lob|Sonstiges)$/);
        germanNames.add(german.name);
      }
    }
    expect(englishNames.size).toBe(SENTIMENTS.length * INQUIRY_TYPES.length);
    expect(germanNames.size).toBe(SENTIMENTS.length * INQUIRY_TYPES.length);
    expect(parse(render(analysis({ sentiment: 'negative', inquiry: 'complaint' }), de)).name).toBe('Stimmung: negativ, Anliegen: Beschwerde');
    expect(parse(render(analysis({ sentiment: 'positive', inquiry: 'praise' }), de)).name).toBe('Stimmung: positiv, Anliegen: Lob');
  });

  test('the words are on screen, not only in the colour', () => {
    const negative = parse(render(analysis(), en));
    expect(negative.visible).toBe('negative · complaint');
    expect(negative.className).toContain('analysis-chips--negative');
    expect(parse(render(analysis({ sentiment: 'positive', inquiry: 'question', score: 0.4 }), de)).visible).toBe('positiv · Frage');
    // "other" would sit on nearly every item: the chip shows the sentiment alone, the name keeps both.
    const neutral = parse(render(analysis({ sentiment: 'neutral', inquiry: 'other', score: 0 }), en));
    expect(neutral.visible).toBe('neutral');
    expect(neutral.name).toBe('Sentiment: neutral, inquiry: other');
  });

  test('the hover text gives the score and the language the text was read in', () => {
    expect(parse(render(analysis({ score: -0.62, language: 'en' }), en)).title).toBe('Score -0.62 (from -1 to 1), read as English. Analysed on this device.');
    expect(parse(render(analysis({ score: 0.5, language: 'de' }), de)).title).toMatch(/^Wert \+0,5 \(von -1 bis 1\), gelesen als Deutsch\./);
    expect(parse(render(analysis({ score: 0, language: null }), en)).title).toBe('Score 0 (from -1 to 1). Analysed on this device.');
  });
});
