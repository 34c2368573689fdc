// Pure logic of the composer: the preview's facet runs, text inserts, the keyboard map, draft
// keys, the outbox list, problem texts, saved-reply variables, the picker's lists, languages.
import type { TFunction } from 'i18next';
import { describe, expect, test } from 'vitest';
import type { ComposerCheck, ComposerProblem, OutboxEntry } from '../../src/shared/contract/composer';
import type { Agent, InboxSettings, SavedReply } from '../../src/shared/contract/inbox';
import { resources } from '../../src/renderer/src/i18n';
import { previewSegments } from '../../src/renderer/src/features/composer/preview';
import { base64FromDataUrl, insertAtCursor } from '../../src/renderer/src/features/composer/editing';
import { composerKeyCommand, type KeyPress } from '../../src/renderer/src/features/composer/keys';
import { draftKindOf, isNewPostKey, newPostKey } from '../../src/renderer/src/features/composer/draftKeys';
import { mergedEntries, withEntry } from '../../src/renderer/src/features/composer/outboxEntries';
import { formatBytes, problemText } from '../../src/renderer/src/features/composer/problems';
import { languageOptions } from '../../src/renderer/src/features/composer/languages';
import { parseKeywords, pickerEntries, renderReply, savedReplyVars } from '../../src/renderer/src/features/savedReplies/replyVariables';
import { excerpt } from '../../src/renderer/src/features/outbox/excerpt';
import { draftKeySchema } from '../../src/shared/contract/composer';

describe('preview of the final text', () => {
  const text = 'Hi @alice.test see https://example.com #news!';
  const at = (part: string) => text.indexOf(part);

  test('splits into plain runs and the facets, in order, losing no character', () => {
    const facets = [
      { kind: 'tag' as const, start: at('#news'), end: at('#news') + 5, value: 'news' },
      { kind: 'mention' as const, start: at('@alice'), end: at('@alice') + '@alice.test'.length, value: 'did:plc:alice' },
      { kind: 'link' as const, start: at('https'), end: at('https') + 'https://example.com'.length, value: 'https://example.com' },
    ];
    const segments = previewSegments(text, facets);
    expect(segments.map((s) => s.text).join('')).toBe(text);
    expect(segments.filter((s) => s.kind).map((s) => [s.kind, s.text])).toEqual([
      ['mention', '@alice.test'],
      ['link', 'https://example.com'],
      ['tag', '#news'],
    ]);
    expect(segments[0]).toEqual({ text: 'Hi ', kind: null });
    expect(segments.at(-1)).toEqual({ text: '!', kind: null });
  });

  test('ignores overlapping, empty and out-of-range facets instead of repeating or dropping text', () => {
    const segments = previewSegments(text, [
      { kind: 'mention', start: 3, end: 14, value: 'a' },
      { kind: 'link', start: 5, end: 20, value: 'overlaps' },
      { kind: 'tag', start: 30, end: 30, value: 'empty' },
      { kind: 'tag', start: 40, end: 999, value: 'past the end' },
    ]);
    expect(segments.map((s) => s.text).join('')).toBe(text);
    expect(segments.filter((s) => s.kind).map((s) => s.value)).toEqual(['a']);
  });

  test('surrogate pairs stay whole (offsets are UTF-16)', () => {
    const emoji = '👋🏽 #hallo';
    const segments = previewSegments(emoji, [{ kind: 'tag', start: emoji.indexOf('#'), end: emoji.length, value: 'hallo' }]);
    expect(segments).toEqual([
      { text: '👋🏽 ', kind: null },
      { text: '#hallo', kind: 'tag', value: 'hallo' },
    ]);
  });

  test('no text, no segments', () => {
    expect(previewSegments('', [])).toEqual([]);
  });
});

describe('inserting a saved reply at the cursor', () => {
  test('into an empty text', () => {
    expect(insertAtCursor('', 0, 0, 'Danke!')).toEqual({ text: 'Danke!', cursor: 6 });
  });

  test('between words, with a space on each side where none was', () => {
    expect(insertAtCursor('Hallo Welt', 5, 5, 'liebe')).toEqual({ text: 'Hallo liebe Welt', cursor: 11 });
    expect(insertAtCursor('HalloWelt', 5, 5, 'liebe')).toEqual({ text: 'Hallo liebe Welt', cursor: 11 });
  });

  test('replaces a selection (in either direction)', () => {
    expect(insertAtCursor('Hallo XXX Welt', 6, 9, 'liebe')).toEqual({ text: 'Hallo liebe Welt', cursor: 11 });
    expect(insertAtCursor('Hallo XXX Welt', 9, 6, 'liebe').text).toBe('Hallo liebe Welt');
  });

  test('out-of-range cursors are clamped to the text', () => {
    expect(insertAtCursor('abc', 99, 99, 'd')).toEqual({ text: 'abc d', cursor: 5 });
    expect(insertAtCursor('abc', -4, -1, 'z')).toEqual({ text: 'z abc', cursor: 1 });
  });

  test('after a newline no space is added', () => {
    expect(insertAtCursor('Hallo\n', 6, 6, 'Gruss')).toEqual({ text: 'Hallo\nGruss', cursor: 11 });
  });
});

describe('reading files', () => {
  test('the base64 of a data URL', () => {
    expect(base64FromDataUrl('data:image/png;base64,iVBORw0KGgo=')).toBe('iVBORw0KGgo=');
  });
  test('anything else is refused', () => {
    expect(() => base64FromDataUrl('data:text/plain,hello')).toThrow();
    expect(() => base64FromDataUrl('iVBORw0KGgo=')).toThrow();
  });
});

describe('the composer keyboard', () => {
  const press = (key: string, mods: Partial<KeyPress> = {}): KeyPress => ({ key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });

  test.each([
    ['Ctrl+Enter sends (not a Mac)', press('Enter', { ctrlKey: true }), false, false, 'send'],
    ['Cmd+Enter sends on a Mac', press('Enter', { metaKey: true }), true, false, 'send'],
    ['Ctrl+Enter on a Mac does not', press('Enter', { ctrlKey: true }), true, false, null],
    ['Enter alone is a new line', press('Enter'), false, false, null],
    ['Ctrl+Shift+Enter is not send', press('Enter', { ctrlKey: true, shiftKey: true }), false, false, null],
    ['Ctrl+Shift+S opens saved replies', press('S', { ctrlKey: true, shiftKey: true }), false, false, 'savedReplies'],
    ['Cmd+Shift+S on a Mac', press('s', { metaKey: true, shiftKey: true }), true, false, 'savedReplies'],
    ['Ctrl+S (no shift) is nothing of ours', press('s', { ctrlKey: true }), false, false, null],
    ['Esc closes', press('Escape'), false, false, 'close'],
    ['Shift+Esc does not', press('Escape', { shiftKey: true }), false, false, null],
    ['/ in an empty composer opens saved replies', press('/'), false, true, 'savedReplies'],
    ['/ in a text is a slash', press('/'), false, false, null],
  ] as const)('%s', (_name, keyPress, mac, empty, expected) => {
    expect(composerKeyCommand(keyPress, mac, empty)).toBe(expected);
  });
});

describe('draft keys', () => {
  test('a new post key is valid for the contract and unique', () => {
    const a = newPostKey();
    const b = newPostKey();
    expect(draftKeySchema.safeParse(a).success).toBe(true);
    expect(a).not.toBe(b);
    expect(isNewPostKey(a)).toBe(true);
    expect(isNewPostKey('reply:12')).toBe(false);
  });

  test('replies and posts', () => {
    expect(draftKindOf('reply:12')).toBe('reply');
    expect(draftKindOf('item:7')).toBe('reply');
    expect(draftKindOf(newPostKey('0b6f3c3e-8a3c-4f5e-9d7a-1c2b3d4e5f60'))).toBe('post');
  });
});

function entry(id: string, createdAt: string, patch: Partial<OutboxEntry> = {}): OutboxEntry {
  return {
    id,
    workspaceId: '11111111-1111-4111-8111-111111111111',
    accountId: null,
    network: 'bluesky',
    inboxItemId: null,
    replyToItemId: null,
    state: 'scheduled',
    text: `text ${id}`,
    dueAt: createdAt,
    attempts: 0,
    error: null,
    remoteId: null,
    remoteUrl: null,
    createdAt,
    updatedAt: createdAt,
    publishedAt: null,
    ...patch,
  };
}

describe('the outbox list', () => {
  const first = entry('a', '2025-03-01T10:00:00.000Z');
  const second = entry('b', '2025-03-01T11:00:00.000Z');

  test('newest first; an update replaces the entry where it is', () => {
    let list = withEntry([], first);
    list = withEntry(list, second);
    expect(list.map((e) => e.id)).toEqual(['b', 'a']);
    const published = { ...first, state: 'published' as const, updatedAt: '2025-03-01T10:00:05.000Z', remoteUrl: 'https://bsky.app/x' };
    list = withEntry(list, published);
    expect(list.map((e) => [e.id, e.state])).toEqual([
      ['b', 'scheduled'],
      ['a', 'published'],
    ]);
  });

  test('an older copy arriving late does not undo a newer state', () => {
    const publishing = { ...first, state: 'publishing' as const, updatedAt: '2025-03-01T10:00:01.000Z' };
    const published = { ...first, state: 'published' as const, updatedAt: '2025-03-01T10:00:02.000Z' };
    const list = withEntry(withEntry([first], published), publishing);
    expect(list[0]!.state).toBe('published');
  });

  test('a fresh list from the core drops what is gone and keeps newer copies', () => {
    const published = { ...first, state: 'published' as const, updatedAt: '2025-03-01T10:00:02.000Z' };
    const gone = entry('c', '2025-03-01T09:00:00.000Z');
    const merged = mergedEntries([published, gone], [first, second]);
    expect(merged.map((e) => [e.id, e.state])).toEqual([
      ['b', 'scheduled'],
      ['a', 'published'],
    ]);
  });
});

/** A t() that returns the English text with its values filled in, as i18next does. */
function englishT(): TFunction {
  const lookup = (key: string): unknown => key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], resources.en.translation);
  const t = (key: string, values: Record<string, unknown> = {}) => {
    let template = lookup(key);
    if (typeof values.count === 'number' && template === undefined) template = lookup(`${key}_${values.count === 1 ? 'one' : 'other'}`);
    if (typeof template !== 'string') throw new Error(`No English text for ${key}`);
    return template.replace(/\{\{(\w+)\}\}/g, (_m, name: string) => String(values[name]));
  };
  return t as unknown as TFunction;
}

describe('problem texts', () => {
  const t = englishT();
  const check: Pick<ComposerCheck, 'length' | 'limit' | 'media' | 'network'> = {
    network: 'bluesky',
    length: 312,
    limit: 300,
    media: { maxCount: 4, maxBytes: 1_000_000, types: ['image/jpeg', 'image/png'], maxAltLength: 2000 },
  };
  const problem = (code: ComposerProblem['code'], params?: ComposerProblem['params']): ComposerProblem => ({ code, message: 'English from the core', params });

  test('every code has its own text with the numbers of the check', () => {
    expect(problemText(problem('too_long'), check, t)).toBe('12 characters too many: this network allows 300.');
    expect(problemText(problem('too_many_media'), check, t)).toBe('At most 4 images per post on this network.');
    expect(problemText(problem('media_too_large'), check, t)).toBe('An image is larger than 1 MB.');
    expect(problemText(problem('media_type_not_allowed'), check, t)).toBe('This network takes these image types: JPEG, PNG.');
    expect(problemText(problem('alt_text_too_long'), check, t)).toBe('The alt text is longer than 2000 characters.');
    const codes: ComposerProblem['code'][] = ['empty', 'alt_text_missing', 'mixed_media', 'spoiler_not_supported', 'no_account', 'account_needs_reconnect'];
    const texts = codes.map((code) => problemText(problem(code), check, t));
    expect(new Set(texts).size).toBe(codes.length);
    texts.forEach((text) => expect(text).not.toMatch(/\{\{|undefined|English from the core/));
  });

  test('the numbers of the problem win over the check (bytes on Bluesky, a per-type size limit)', () => {
    expect(problemText(problem('too_long', { length: 3010, limit: 3000, unit: 'bytes' }), check, t)).toBe('The text is 10 bytes too long: this network stores at most 3000 bytes.');
    expect(problemText(problem('media_too_large', { fileName: 'big.png', max: 16_000_000 }), check, t)).toBe('An image is larger than 16 MB. (big.png)');
    expect(problemText(problem('too_many_media', { count: 5, max: 4 }), { ...check, media: { ...check.media, maxCount: 9 } }, t)).toBe('At most 4 images per post on this network.');
  });

  test('one character too many is singular', () => {
    expect(problemText(problem('too_long'), { ...check, length: 301 }, t)).toBe('1 character too many: this network allows 300.');
  });

  test('a file name in the params says which image', () => {
    expect(problemText(problem('alt_text_missing', { fileName: 'cat.png' }), check, t)).toBe('This workspace requires alt text for every image. (cat.png)');
  });

  test('sizes as the networks state them', () => {
    expect(formatBytes(1_000_000)).toBe('1 MB');
    expect(formatBytes(16 * 1024 * 1024)).toBe('16.8 MB');
    expect(formatBytes(976_560)).toBe('976.6 kB');
    expect(formatBytes(12)).toBe('12 B');
  });
});

const WS = '11111111-1111-4111-8111-111111111111';
function reply(title: string, body: string, keywords: string[] = [], inquiryTypes: SavedReply['inquiryTypes'] = []): SavedReply {
  return { id: crypto.randomUUID(), workspaceId: WS, title, body, keywords, inquiryTypes, updatedAt: '2025-03-01T10:00:00.000Z' };
}

describe('saved replies in the composer', () => {
  const agent: Agent = { id: '22222222-2222-4222-8222-222222222222', workspaceId: WS, name: 'Anna Berger', initials: 'AB', signature: '^AB', createdAt: '2025-01-01T00:00:00.000Z' };
  const settings = { currentAgentId: agent.id } as InboxSettings;

  test('the variables come from the author, the agent at this machine and the workspace', () => {
    const vars = savedReplyVars({
      author: { remoteId: 'did:plc:x', handle: 'kim.test', displayName: 'Kim', avatarUrl: null, url: null, followers: null },
      settings,
      agents: [agent],
      workspaceName: 'Migros',
    });
    const text = renderReply(reply('Thanks', 'Hallo {{author.name}} (@{{author.handle}}), danke! Ihr {{workspace.name}}-Team {{agent.signature}}'), vars);
    expect(text).toBe('Hallo Kim (@kim.test), danke! Ihr Migros-Team ^AB');
  });

  test('without a display name the handle greets; without an agent the signature is left out cleanly', () => {
    const vars = savedReplyVars({
      author: { remoteId: 'x', handle: 'kim.test', displayName: '  ', avatarUrl: null, url: null, followers: null },
      settings: null,
      agents: [agent],
      workspaceName: null,
    });
    expect(renderReply(reply('T', 'Hallo {{author.name}}, danke! {{agent.signature}}'), vars)).toBe('Hallo kim.test, danke!');
  });

  test('the picker lists suggestions for the message first, then the rest', () => {
    const hours = reply('Öffnungszeiten', 'Wir haben von 8 bis 18 Uhr offen.', ['öffnungszeiten', 'geöffnet']);
    const delivery = reply('Lieferung', 'Die Lieferung dauert 2 Tage.', ['lieferzeit']);
    const thanks = reply('Danke', 'Danke für Ihre Nachricht!');
    const entries = pickerEntries([thanks, hours, delivery], '', 'Wie sind eure Oeffnungszeiten am Samstag?');
    expect(entries.suggested.map((r) => r.title)).toEqual(['Öffnungszeiten']);
    expect(entries.others.map((r) => r.title)).toEqual(['Danke', 'Lieferung']);
  });

  test("the message's inquiry type suggests the replies made for it, and keeps those for other kinds out", () => {
    const hours = reply('Öffnungszeiten', 'Wir haben von 8 bis 18 Uhr offen.', ['öffnungszeiten'], ['question']);
    const sorry = reply('Entschuldigung', 'Das tut uns leid.', [], ['complaint']);
    const thanks = reply('Danke', 'Danke für Ihre Nachricht!');
    const complaint = 'Eure Öffnungszeiten sind eine Frechheit';
    // Without an analysis, words alone: the opening-hours reply.
    expect(pickerEntries([hours, sorry, thanks], '', complaint).suggested).toEqual([hours]);
    // As a complaint: the apology (no keyword needed), not the answer to a question.
    const asComplaint = pickerEntries([hours, sorry, thanks], '', complaint, 'complaint');
    expect(asComplaint.suggested).toEqual([sorry]);
    expect(asComplaint.others).toEqual([hours, thanks]);
    // As a question: the opening hours first; the apology is not suggested.
    const asQuestion = pickerEntries([hours, sorry, thanks], '', 'Wann habt ihr Öffnungszeiten am Samstag?', 'question');
    expect(asQuestion.suggested).toEqual([hours]);
    // A search ignores the inquiry type.
    expect(pickerEntries([hours, sorry, thanks], 'leid', complaint, 'question').others).toEqual([sorry]);
  });

  test('a search replaces the suggestions', () => {
    const hours = reply('Öffnungszeiten', 'Wir haben offen.', ['geöffnet']);
    const delivery = reply('Lieferung', 'Die Lieferung dauert 2 Tage.');
    expect(pickerEntries([hours, delivery], 'liefer', 'Öffnungszeiten?')).toEqual({ suggested: [], others: [delivery] });
    expect(pickerEntries([hours, delivery], 'nothing like it', null)).toEqual({ suggested: [], others: [] });
  });

  test('without a message (a new post) everything is listed as it is', () => {
    const a = reply('A', 'a');
    const b = reply('B', 'b');
    expect(pickerEntries([a, b], '  ', null)).toEqual({ suggested: [], others: [a, b] });
  });

  test('keywords typed with commas', () => {
    expect(parseKeywords('opening hours, Lieferzeit ,, lieferzeit;  late   delivery\n')).toEqual(['opening hours', 'Lieferzeit', 'late delivery']);
    expect(parseKeywords('  ')).toEqual([]);
  });
});

describe('languages and excerpts', () => {
  test('common languages in the UI language, with the code', () => {
    const options = languageOptions('de', 'de');
    expect(options[0]).toEqual({ code: 'de', label: 'Deutsch (de)' });
    expect(options.find((o) => o.code === 'en')?.label).toBe('Englisch (en)');
  });

  test('a tag the draft already has is kept as an option', () => {
    const options = languageOptions('en', 'de-CH');
    expect(options[0]!.code).toBe('de-CH');
    expect(options.filter((o) => o.code === 'de-CH')).toHaveLength(1);
  });

  test('excerpts cut at a word and stay on one line', () => {
    expect(excerpt('short', 10)).toBe('short');
    expect(excerpt('Hello   there\nfriend of mine', 18)).toBe('Hello there…');
    expect(excerpt('abcdefghijklmnopqrstuvwxyz', 10)).toBe('abcdefghij…');
  });
});
