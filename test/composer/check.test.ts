import { describe, expect, it } from 'vitest';
import { checkDraft, type CheckInput, type CheckMedia } from '../../src/main/core/composer/check';
import type { DraftContent } from '../../src/shared/contract/composer';

function content(overrides: Partial<DraftContent> = {}): DraftContent {
  return { text: 'Danke für den Hinweis!', spoilerText: null, language: 'de', visibility: null, appendSignature: true, ...overrides };
}

function input(overrides: Partial<CheckInput> = {}): CheckInput {
  return {
    network: 'bluesky',
    account: { handle: 'migros.bsky.social', status: 'connected', serverLimits: null },
    content: content(),
    media: [],
    isReply: true,
    settings: { signaturePlacement: 'replies', requireAltText: false },
    signature: '^AB',
    ...overrides,
  };
}

function png(overrides: Partial<CheckMedia> = {}): CheckMedia {
  return { fileName: 'filiale.png', mimeType: 'image/png', size: 50_000, alt: 'Die Filiale am Bahnhof', ...overrides };
}

const codes = (check: { problems: Array<{ code: string }> }) => check.problems.map((p) => p.code);

describe('composer check: the signature', () => {
  it('appends the agent signature to replies after a space, and it counts', () => {
    const check = checkDraft(input({ content: content({ text: 'Danke für den Hinweis!  ' }) }));
    expect(check.finalText).toBe('Danke für den Hinweis! ^AB');
    expect(check.length).toBe(26);
  });

  it("keeps a newline the text ended with, and doesn't sign twice", () => {
    expect(checkDraft(input({ content: content({ text: 'Unsere Öffnungszeiten:\n- Mo-Fr 8-20\n' }) })).finalText).toBe('Unsere Öffnungszeiten:\n- Mo-Fr 8-20\n^AB');
    expect(checkDraft(input({ content: content({ text: 'Gern geschehen ^AB' }) })).finalText).toBe('Gern geschehen ^AB');
    // Ending in the same letters is not ending with the signature.
    expect(checkDraft(input({ signature: 'AB', content: content({ text: 'Siehe ZAB' }) })).finalText).toBe('Siehe ZAB AB');
  });

  it('follows the workspace placement, the draft switch and the current agent', () => {
    const text = 'Neue Filiale in Bern';
    expect(checkDraft(input({ isReply: false, content: content({ text }) })).finalText).toBe(text);
    expect(checkDraft(input({ isReply: false, content: content({ text }), settings: { signaturePlacement: 'all', requireAltText: false } })).finalText).toBe(`${text} ^AB`);
    expect(checkDraft(input({ content: content({ text }), settings: { signaturePlacement: 'off', requireAltText: false } })).finalText).toBe(text);
    expect(checkDraft(input({ content: content({ text, appendSignature: false }) })).finalText).toBe(text);
    expect(checkDraft(input({ content: content({ text }), signature: null })).finalText).toBe(text);
  });

  it('makes a text that fits too long when the signature does not fit as well', () => {
    const fits = checkDraft(input({ content: content({ text: 'x'.repeat(296) }) }));
    expect(fits.length).toBe(300);
    expect(codes(fits)).toEqual([]);
    const over = checkDraft(input({ content: content({ text: 'x'.repeat(297) }) }));
    expect(over.length).toBe(301);
    expect(over.problems).toEqual([expect.objectContaining({ code: 'too_long', params: { length: 301, limit: 300, unit: 'characters' } })]);
  });
});

describe('composer check: Bluesky', () => {
  it('finds mentions, links and hashtags with UTF-16 offsets into the final text', () => {
    const check = checkDraft(input({ content: content({ text: '\u{1F44B} @alice.test #Hallo https://example.com/a' }) }));
    expect(check.facets.map((f) => ({ kind: f.kind, value: f.value, slice: check.finalText.slice(f.start, f.end) }))).toEqual([
      { kind: 'mention', value: 'alice.test', slice: '@alice.test' },
      { kind: 'tag', value: 'Hallo', slice: '#Hallo' },
      { kind: 'link', value: 'https://example.com/a', slice: 'https://example.com/a' },
    ]);
    // The emoji takes two UTF-16 units: the mention starts at 3, not at 2 (graphemes) or 5 (UTF-8 bytes).
    expect(check.facets[0]).toMatchObject({ start: 3, end: 14 });
  });

  it('refuses a content warning, but not an empty one', () => {
    expect(codes(checkDraft(input({ content: content({ spoilerText: 'Essen' }) })))).toEqual(['spoiler_not_supported']);
    expect(codes(checkDraft(input({ content: content({ spoilerText: '  ' }) })))).toEqual([]);
  });

  it('also holds the text to 3000 UTF-8 bytes', () => {
    // A family emoji is one grapheme of 25 bytes (four 4-byte emoji and three 3-byte joiners).
    const family = '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}\u200D\u{1F466}';
    const check = checkDraft(input({ content: content({ text: family.repeat(130), appendSignature: false }) }));
    expect(check.length).toBe(130);
    expect(check.problems).toEqual([expect.objectContaining({ code: 'too_long', params: { length: 3250, limit: 3000, unit: 'bytes' } })]);
  });

  it('checks images by the app.bsky lexicons: four, 2 MB each, jpeg/png/webp/gif', () => {
    const check = checkDraft(
      input({
        media: [png(), png({ fileName: 'gross.jpg', mimeType: 'image/jpeg', size: 2_000_001 }), png({ fileName: 'clip.mp4', mimeType: 'video/mp4' }), png(), png()],
      }),
    );
    expect(check.problems).toEqual([
      expect.objectContaining({ code: 'too_many_media', params: { count: 5, max: 4 } }),
      expect.objectContaining({ code: 'media_too_large', params: { fileName: 'gross.jpg', position: 2, size: 2_000_001, max: 2_000_000 } }),
      expect.objectContaining({ code: 'media_type_not_allowed', params: { fileName: 'clip.mp4', position: 3, mimeType: 'video/mp4' } }),
    ]);
    expect(check.media).toEqual({ maxCount: 4, maxBytes: 2_000_000, types: ['image/jpeg', 'image/png', 'image/webp', 'image/gif'], maxAltLength: 2000 });
    expect(codes(checkDraft(input({ media: [png({ size: 2_000_000 })] })))).toEqual([]);
  });
});

describe('composer check: Mastodon', () => {
  const mastodon = (serverLimits: unknown, overrides: Partial<CheckInput> = {}) =>
    checkDraft(input({ network: 'mastodon', account: { handle: 'migros@mastodon.social', status: 'connected', serverLimits }, ...overrides }));

  it("uses Mastodon's defaults when the instance told nothing", () => {
    const check = mastodon(null, { content: content({ text: 'x'.repeat(497) }) });
    expect(check.limit).toBe(500);
    expect(check.length).toBe(501);
    expect(codes(check)).toEqual(['too_long']);
    expect(check.media).toMatchObject({ maxCount: 4, maxAltLength: 1500 });
    expect(check.media.types).toEqual(expect.arrayContaining(['image/jpeg', 'image/png', 'video/mp4']));
  });

  it("uses the instance's stored limits", () => {
    const limits = {
      maxCharacters: 1000,
      charactersReservedPerUrl: 23,
      maxMediaAttachments: 2,
      media: { supportedMimeTypes: ['image/png', 'image/jpeg'], imageSizeLimit: 100_000, videoSizeLimit: null, descriptionLimit: 10 },
    };
    const check = mastodon(limits, {
      content: content({ text: 'x'.repeat(900) }),
      media: [png({ size: 100_001 }), png({ fileName: 'b.webp', mimeType: 'image/webp' }), png({ fileName: 'c.png', alt: 'elf Zeichen' })],
    });
    expect(check.limit).toBe(1000);
    expect(check.problems).toEqual([
      expect.objectContaining({ code: 'too_many_media', params: { count: 3, max: 2 } }),
      expect.objectContaining({ code: 'media_too_large', params: { fileName: 'filiale.png', position: 1, size: 100_001, max: 100_000 } }),
      expect.objectContaining({ code: 'alt_text_too_long', params: { fileName: 'filiale.png', position: 1, length: 22, max: 10 } }),
      expect.objectContaining({ code: 'media_type_not_allowed', params: { fileName: 'b.webp', position: 2, mimeType: 'image/webp' } }),
      expect.objectContaining({ code: 'alt_text_too_long', params: { fileName: 'b.webp', position: 2, length: 22, max: 10 } }),
      expect.objectContaining({ code: 'alt_text_too_long', params: { fileName: 'c.png', position: 3, length: 11, max: 10 } }),
    ]);
  });

  it('does not mix a video with images', () => {
    const video = png({ fileName: 'clip.mp4', mimeType: 'video/mp4', size: 5_000_000 });
    expect(codes(mastodon(null, { media: [png(), video] }))).toEqual(['mixed_media']);
    expect(codes(mastodon(null, { media: [video] }))).toEqual([]);
    expect(codes(mastodon(null, { media: [png(), png()] }))).toEqual([]);
  });

  it('counts the content warning and finds links, mentions and tags', () => {
    const check = mastodon(null, { content: content({ text: 'Hallo @anna@mastodon.social, siehe https://migros.ch #Filiale', spoilerText: 'Essen', appendSignature: false }) });
    expect(check.length).toBe(5 + 6 + 5 + 8 + 23 + 1 + 8);
    expect(check.facets.map((f) => [f.kind, check.finalText.slice(f.start, f.end), f.value])).toEqual([
      ['mention', '@anna@mastodon.social', 'anna@mastodon.social'],
      ['link', 'https://migros.ch', 'https://migros.ch'],
      ['tag', '#Filiale', 'Filiale'],
    ]);
  });
});

describe('composer check: every network', () => {
  it('says an empty post is empty, unless it has media', () => {
    expect(codes(checkDraft(input({ content: content({ text: ' \n ' }) })))).toEqual(['empty']);
    expect(codes(checkDraft(input({ network: 'mastodon', content: content({ text: '' }) })))).toEqual(['empty']);
    expect(codes(checkDraft(input({ content: content({ text: '' }), media: [png()] })))).toEqual([]);
  });

  it('requires alt text where the workspace wants it', () => {
    const settings = { signaturePlacement: 'off' as const, requireAltText: true };
    expect(checkDraft(input({ settings, media: [png({ alt: ' ' }), png()] })).problems).toEqual([
      expect.objectContaining({ code: 'alt_text_missing', params: { fileName: 'filiale.png', position: 1 } }),
    ]);
    expect(codes(checkDraft(input({ media: [png({ alt: '' })] })))).toEqual([]);
  });

  it('needs an account that can post', () => {
    expect(checkDraft(input({ account: null })).problems).toEqual([expect.objectContaining({ code: 'no_account', params: { network: 'bluesky' } })]);
    expect(checkDraft(input({ account: { handle: 'migros.bsky.social', status: 'reconnect_needed', serverLimits: null } })).problems).toEqual([
      expect.objectContaining({ code: 'account_needs_reconnect', params: { handle: 'migros.bsky.social' } }),
    ]);
  });

  it('gives every problem an English message', () => {
    const check = checkDraft(input({ account: null, content: content({ text: '', spoilerText: 'cw' }) }));
    expect(codes(check)).toEqual(['no_account', 'empty', 'spoiler_not_supported']);
    for (const problem of check.problems) expect(problem.message).toMatch(/^[A-Z].+\.$/);
  });
});
