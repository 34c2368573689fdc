import { describe, expect, it } from 'vitest';
import { checkDraft, type PostingNetwork } from '../../src/main/core/composer/check';

/**
 * Each text counted as the network counts it. Both count extended grapheme clusters (UAX #29):
 * Bluesky the text as written (300 at most), Mastodon its StatusLengthValidator's countable text
 * (every http(s) URL is 23 characters, `@user@domain` is `@user`) plus the content warning.
 * The expected numbers are worked out by hand from those rules; the note says how where it is
 * not obvious.
 */
interface Case {
  name: string;
  text: string;
  spoiler?: string;
  bluesky: number;
  mastodon: number;
  note?: string;
}

const CASES: Case[] = [
  { name: 'plain ASCII', text: 'Hallo', bluesky: 5, mastodon: 5 },
  { name: 'German umlauts (precomposed)', text: 'Grüße', bluesky: 5, mastodon: 5 },
  {
    name: 'family ZWJ sequence',
    text: '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}\u200D\u{1F466}',
    bluesky: 1,
    mastodon: 1,
    note: 'man, woman, girl, boy joined by three ZERO WIDTH JOINERs: 7 code points, 11 UTF-16 units, one cluster (GB11)',
  },
  {
    name: 'profession with skin tone (woman firefighter, medium)',
    text: '\u{1F469}\u{1F3FD}\u200D\u{1F692}',
    bluesky: 1,
    mastodon: 1,
    note: 'the skin-tone modifier is Extend, the ZWJ joins the fire engine: one cluster',
  },
  { name: 'technologist', text: '\u{1F9D1}\u200D\u{1F4BB}', bluesky: 1, mastodon: 1 },
  { name: 'two country flags', text: '\u{1F1E8}\u{1F1ED}\u{1F1E9}\u{1F1EA}', bluesky: 2, mastodon: 2, note: 'CH and DE: regional indicators pair up (GB12/13)' },
  {
    name: 'odd number of regional indicators',
    text: '\u{1F1E8}\u{1F1ED}\u{1F1E9}',
    bluesky: 2,
    mastodon: 2,
    note: 'the first two pair up as one flag, the third stands alone',
  },
  {
    name: 'subdivision flag (England)',
    text: '\u{1F3F4}\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}',
    bluesky: 1,
    mastodon: 1,
    note: 'black flag followed by TAG characters g b e n g and CANCEL TAG, all Extend: 7 code points, one cluster',
  },
  { name: 'skin tone', text: '\u{1F44D}\u{1F3FF}', bluesky: 1, mastodon: 1 },
  { name: 'two waving hands, two skin tones', text: '\u{1F44B}\u{1F3FB}\u{1F44B}\u{1F3FC}', bluesky: 2, mastodon: 2 },
  { name: 'keycap', text: '1\uFE0F\u20E3', bluesky: 1, mastodon: 1, note: 'digit, VARIATION SELECTOR-16, COMBINING ENCLOSING KEYCAP' },
  { name: 'heart with variation selector', text: '\u2764\uFE0F', bluesky: 1, mastodon: 1 },
  { name: 'combining acute accent', text: 'Cafe\u0301', bluesky: 4, mastodon: 4, note: 'e + U+0301 is one cluster, as é would be' },
  {
    name: 'Zalgo-ish stack of combining marks',
    text: 'Z\u0351\u036B\u0343\u036A\u0302\u036B\u033D\u034F\u0334a\u0300\u0301\u0302',
    bluesky: 2,
    mastodon: 2,
    note: 'every combining mark (even COMBINING GRAPHEME JOINER) extends the letter before it: Z and a',
  },
  { name: 'CJK', text: '你好世界', bluesky: 4, mastodon: 4 },
  { name: 'Japanese kana', text: 'こんにちは', bluesky: 5, mastodon: 5 },
  {
    name: 'Hangul conjoining jamo',
    text: '\u1112\u1161\u11AB\u1100\u1173\u11AF',
    bluesky: 2,
    mastodon: 2,
    note: '한글 written as leading consonant, vowel, trailing consonant jamo: L V T + L V T, two syllables (GB6-8)',
  },
  { name: 'precomposed Hangul', text: '한글', bluesky: 2, mastodon: 2 },
  { name: 'CR LF', text: 'a\r\nb', bluesky: 3, mastodon: 3, note: 'CR LF is one cluster (GB3)' },
  {
    name: 'a short URL',
    text: 'https://example.com',
    bluesky: 19,
    mastodon: 23,
    note: 'Bluesky counts the 19 characters as written; Mastodon any http(s) URL as 23, also a shorter one',
  },
  {
    name: 'a long URL in a sentence',
    text: 'Siehe https://www.migros.ch/de/filialen/bern-marktgasse?utm_source=leitstand',
    bluesky: 76,
    mastodon: 29,
    note: '"Siehe " is 6; the URL is 70 characters (8 + 13 + 3 + 9 + 16 + 21); Mastodon: 6 + 23',
  },
  {
    name: 'two URLs, one http',
    text: 'a https://a.ch b http://b.de',
    bluesky: 28,
    mastodon: 51,
    note: 'Bluesky: 2 + 12 + 3 + 11; Mastodon: 2 + 23 + 3 + 23',
  },
  {
    name: 'URL before a full stop',
    text: 'Go to https://example.com/x.',
    bluesky: 28,
    mastodon: 30,
    note: 'the full stop ends the sentence, not the URL: Mastodon 6 + 23 + 1',
  },
  {
    name: 'a domain without protocol',
    text: 'example.com',
    bluesky: 11,
    mastodon: 11,
    note: 'Mastodon extracts URLs without protocol for nothing (extract_url_without_protocol: false)',
  },
  { name: 'an ftp URL', text: 'ftp://example.com/file', bluesky: 22, mastodon: 22, note: 'only http(s) URLs get the fixed length' },
  {
    name: 'URL with a profile path',
    text: 'https://mastodon.social/@anna',
    bluesky: 29,
    mastodon: 23,
    note: 'the @anna inside the URL is no mention: a mention may not follow "/"',
  },
  {
    name: 'remote mention',
    text: '@anna@mastodon.social hallo',
    bluesky: 27,
    mastodon: 11,
    note: 'Bluesky: 21 + 6 as written; Mastodon counts the mention as @anna: 5 + 6',
  },
  { name: 'remote mention on a deep domain', text: '@Bob@social.example.co.uk', bluesky: 25, mastodon: 4, note: 'Mastodon: @Bob' },
  { name: 'local mention', text: '@anna hallo', bluesky: 11, mastodon: 11 },
  {
    name: 'an e-mail address is no mention',
    text: 'anna@example.org',
    bluesky: 16,
    mastodon: 16,
    note: 'the "@" follows a word character, so MENTION_RE does not match',
  },
  {
    name: 'flag, mention, URL and profession together',
    text: '\u{1F1E8}\u{1F1ED} @anna@mastodon.social https://migros.ch \u{1F469}\u{1F3FD}\u200D\u{1F692}',
    bluesky: 43,
    mastodon: 33,
    note: 'Bluesky: 1 + 1 + 21 + 1 + 17 + 1 + 1; Mastodon: 1 + 1 + 5 + 1 + 23 + 1 + 1',
  },
  { name: 'content warning counts on Mastodon', text: 'Hallo', spoiler: 'CW: Essen', bluesky: 5, mastodon: 14, note: 'Mastodon: 9 + 5' },
  {
    name: 'a blank text with a content warning',
    text: '   ',
    spoiler: 'Achtung',
    bluesky: 3,
    mastodon: 7,
    note: 'Mastodon counts a blank text as nothing (countable_text returns "" for blank?), only the 7 of the warning',
  },
];

function lengthOn(network: PostingNetwork, text: string, spoiler: string | null): number {
  return checkDraft({
    network,
    account: { handle: 'team', status: 'connected', serverLimits: null },
    content: { text, spoilerText: spoiler, language: null, visibility: null, appendSignature: false },
    media: [],
    isReply: false,
    settings: { signaturePlacement: 'off', requireAltText: false },
    signature: null,
  }).length;
}

describe('grapheme counting, as each network counts', () => {
  it.each(CASES)('$name', ({ text, spoiler, bluesky, mastodon }) => {
    // Bluesky has no content warnings, so only the text counts there.
    expect(lengthOn('bluesky', text, null)).toBe(bluesky);
    expect(lengthOn('mastodon', text, spoiler ?? null)).toBe(mastodon);
  });

  it('counts Mastodon URLs with the length the instance reserves', () => {
    const limits = { maxCharacters: 1000, charactersReservedPerUrl: 30 };
    const check = checkDraft({
      network: 'mastodon',
      account: { handle: 'team', status: 'connected', serverLimits: limits },
      content: { text: 'a https://a.ch', spoilerText: null, language: null, visibility: null, appendSignature: false },
      media: [],
      isReply: false,
      settings: { signaturePlacement: 'off', requireAltText: false },
      signature: null,
    });
    expect(check.length).toBe(2 + 30);
    expect(check.limit).toBe(1000);
  });
});
