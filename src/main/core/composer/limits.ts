import { lexicons } from '@atproto/api';
import { MAX_MEDIA_BYTES } from '../../../shared/contract/composer';
import { MASTODON_DEFAULT_LIMITS } from '../connectors/mastodon/instance';

/** What one network (or one Mastodon instance) allows a post to be. */
export interface PostRules {
  maxLength: number;
  /** Bluesky also caps the text's UTF-8 bytes; null where nothing but the length counts. */
  maxBytes: number | null;
  urlLength: number;
  media: {
    maxCount: number;
    types: string[];
    /** Per file, by the file's MIME type. */
    maxBytesFor(mimeType: string): number;
    /** The largest file of any allowed type, for the attach button. */
    maxBytes: number;
    maxAltLength: number;
    /** Video or audio must be the only attachment (Mastodon). */
    videoAlone: boolean;
  };
}

/** A number in the lexicon at that path, so the limits follow @atproto/api when it is updated. */
function lexiconNumber(ref: string, path: readonly string[], fallback: number): number {
  let node: unknown = lexicons.getDef(ref);
  for (const key of path) node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined;
  return typeof node === 'number' && node > 0 ? node : fallback;
}

const BLUESKY_IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif'];

/**
 * Bluesky's rules from the app.bsky lexicons: post text up to 300 graphemes and 3000 bytes, up
 * to 4 images of at most 2 MB each (the lexicon's current maxSize; it was 1 MB). The lexicon
 * sets no alt text limit; Bluesky's own app stops at 2000 characters, and so do we.
 */
export const BLUESKY_RULES: PostRules = (() => {
  const imageBytes = lexiconNumber('app.bsky.embed.images#image', ['properties', 'image', 'maxSize'], 1_000_000);
  return {
    maxLength: lexiconNumber('app.bsky.feed.post', ['record', 'properties', 'text', 'maxGraphemes'], 300),
    maxBytes: lexiconNumber('app.bsky.feed.post', ['record', 'properties', 'text', 'maxLength'], 3000),
    urlLength: 0,
    media: {
      maxCount: lexiconNumber('app.bsky.embed.images', ['properties', 'images', 'maxLength'], 4),
      types: BLUESKY_IMAGE_TYPES,
      maxBytesFor: () => imageBytes,
      maxBytes: imageBytes,
      maxAltLength: 2000,
      videoAlone: false,
    },
  };
})();

// Mastodon's MediaAttachment constants, for instances that do not tell theirs.
const MASTODON_IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/gif', 'image/heic', 'image/heif', 'image/webp', 'image/avif'];
const MASTODON_VIDEO_TYPES = ['video/webm', 'video/mp4', 'video/quicktime', 'video/ogg'];
const MASTODON_AUDIO_TYPES = ['audio/wave', 'audio/wav', 'audio/x-wav', 'audio/ogg', 'audio/vorbis', 'audio/mpeg', 'audio/mp3', 'audio/webm', 'audio/flac', 'audio/aac', 'audio/m4a', 'audio/x-m4a', 'audio/mp4', 'audio/3gpp'];
const MASTODON_IMAGE_LIMIT = 16 * 1024 * 1024;
const MASTODON_VIDEO_LIMIT = 99 * 1024 * 1024;
const MASTODON_DESCRIPTION_LIMIT = 1500;

export function isImage(mimeType: string): boolean {
  return mimeType.startsWith('image/');
}

function positive(value: unknown): number | null {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : null;
}

function nonNegative(value: unknown): number | null {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : null;
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/**
 * A Mastodon instance's rules from the account's stored server limits (the shape of
 * connectors/mastodon/instance.ts's InstanceLimits), read defensively because the JSON is from
 * an older version or absent; Mastodon's own defaults fill the gaps.
 */
export function mastodonRules(serverLimits: unknown): PostRules {
  const limits = record(serverLimits);
  const media = record(limits.media);
  const told = Array.isArray(media.supportedMimeTypes) ? media.supportedMimeTypes.filter((type): type is string => typeof type === 'string') : [];
  const types = told.length > 0 ? told : [...MASTODON_IMAGE_TYPES, ...MASTODON_VIDEO_TYPES, ...MASTODON_AUDIO_TYPES];
  const imageBytes = positive(media.imageSizeLimit) ?? MASTODON_IMAGE_LIMIT;
  const videoBytes = positive(media.videoSizeLimit) ?? MASTODON_VIDEO_LIMIT;
  return {
    maxLength: positive(limits.maxCharacters) ?? MASTODON_DEFAULT_LIMITS.maxCharacters,
    maxBytes: null,
    urlLength: nonNegative(limits.charactersReservedPerUrl) ?? MASTODON_DEFAULT_LIMITS.charactersReservedPerUrl,
    media: {
      maxCount: nonNegative(limits.maxMediaAttachments) ?? MASTODON_DEFAULT_LIMITS.maxMediaAttachments,
      types,
      maxBytesFor: (mimeType) => (isImage(mimeType) ? imageBytes : videoBytes),
      // Nothing larger than this can be attached in one call anyway.
      maxBytes: Math.min(Math.max(imageBytes, videoBytes), MAX_MEDIA_BYTES),
      maxAltLength: positive(media.descriptionLimit) ?? MASTODON_DESCRIPTION_LIMIT,
      videoAlone: true,
    },
  };
}
