import { describe, expect, it } from 'vitest';
import { fetchInstanceLimits } from '../../../src/main/core/connectors/mastodon/instance';
import { useFakeMastodon } from '../../fakes/mastodon';
import { rejection } from './helpers';

describe("the instance's own limits", () => {
  const fake = useFakeMastodon();

  it('reads them from /api/v2/instance', async () => {
    fake().limits = { ...fake().limits, maxCharacters: 5000, charactersReservedPerUrl: 30, maxMediaAttachments: 8, descriptionLimit: 2000 };
    expect(await fetchInstanceLimits(fake().url)).toEqual({
      source: 'v2',
      domain: 'fake.mastodon.test',
      version: '4.5.0',
      maxCharacters: 5000,
      charactersReservedPerUrl: 30,
      maxMediaAttachments: 8,
      media: {
        supportedMimeTypes: expect.arrayContaining(['image/png', 'video/mp4']),
        imageSizeLimit: 16_777_216,
        imageMatrixLimit: 33_177_600,
        videoSizeLimit: 103_809_024,
        videoMatrixLimit: 8_294_400,
        videoFrameRateLimit: 120,
        descriptionLimit: 2000,
      },
    });
    expect(fake().log.map((e) => e.url)).toEqual(['/api/v2/instance']);
  });

  it('falls back to /api/v1/instance on a server without v2', async () => {
    fake().hasV2Instance = false;
    fake().limits = { ...fake().limits, maxCharacters: 1000 };
    const limits = await fetchInstanceLimits(fake().url);
    expect(limits).toMatchObject({ source: 'v1', domain: 'fake.mastodon.test', version: '3.5.3', maxCharacters: 1000, charactersReservedPerUrl: 23 });
    expect(limits.media.descriptionLimit).toBeNull();
    expect(fake().log.map((e) => `${e.url} ${e.status}`)).toEqual(['/api/v2/instance 404', '/api/v1/instance 200']);
  });

  it('does not fall back on a rate limit: that is the answer', async () => {
    fake().throttle(1, 12);
    expect(await rejection(fetchInstanceLimits(fake().url))).toMatchObject({ kind: 'rate_limited', details: { retryAfterMs: 12_000 } });
  });
});
