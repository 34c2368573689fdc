import { z } from 'zod';
import { ConnectorError } from '../connector';
import { mastodonRequest } from './http';

/**
 * What an instance allows a post to be, for the composer and the planner: read from
 * GET /api/v2/instance (Mastodon 4.0+), else /api/v1/instance (3.x; forks). Where an instance says
 * nothing (Mastodon before 3.4.2 has no `configuration`), Mastodon's own defaults apply and
 * `source` says so; Pleroma's v1 `max_toot_chars` is honoured.
 */
export interface InstanceLimits {
  source: 'v2' | 'v1' | 'defaults';
  domain: string | null;
  version: string | null;
  maxCharacters: number;
  /** Every link counts as this many characters, whatever its length. */
  charactersReservedPerUrl: number;
  maxMediaAttachments: number;
  media: {
    supportedMimeTypes: string[];
    imageSizeLimit: number | null;
    imageMatrixLimit: number | null;
    videoSizeLimit: number | null;
    videoMatrixLimit: number | null;
    videoFrameRateLimit: number | null;
    /** Maximum alt text length; null when the instance does not say (Mastodon allows 1500). */
    descriptionLimit: number | null;
  };
}

export const MASTODON_DEFAULT_LIMITS = { maxCharacters: 500, charactersReservedPerUrl: 23, maxMediaAttachments: 4 } as const;

const int = z.number().int().nonnegative().nullish();
const configurationSchema = z
  .object({
    statuses: z.object({ max_characters: int, characters_reserved_per_url: int, max_media_attachments: int }).nullish(),
    media_attachments: z
      .object({
        supported_mime_types: z.array(z.string()).nullish(),
        image_size_limit: int,
        image_matrix_limit: int,
        video_size_limit: int,
        video_matrix_limit: int,
        video_frame_rate_limit: int,
        description_limit: int,
      })
      .nullish(),
  })
  .nullish();
const v2Schema = z.object({ domain: z.string().nullish(), version: z.string().nullish(), configuration: configurationSchema });
const v1Schema = z.object({ uri: z.string().nullish(), version: z.string().nullish(), configuration: configurationSchema, max_toot_chars: int });

export async function fetchInstanceLimits(
  instanceUrl: string,
  options: { signal?: AbortSignal; timeoutMs?: number; accessToken?: string | null } = {},
): Promise<InstanceLimits> {
  const request = { instanceUrl, signal: options.signal, timeoutMs: options.timeoutMs, accessToken: options.accessToken };
  try {
    const { json } = await mastodonRequest({ ...request, path: '/api/v2/instance' });
    const v2 = parseOr(v2Schema, json);
    if (v2) return toLimits('v2', v2.domain ?? null, v2.version ?? null, v2.configuration);
  } catch (error) {
    // Only "this server has no v2" moves on to v1; a network or rate-limit failure is the answer.
    if (!(error instanceof ConnectorError && error.kind === 'not_found')) throw error;
  }
  const { json } = await mastodonRequest({ ...request, path: '/api/v1/instance' });
  const v1 = parseOr(v1Schema, json);
  if (!v1) throw new ConnectorError('parse', 'the instance endpoint did not describe the instance');
  const limits = toLimits('v1', v1.uri ?? null, v1.version ?? null, v1.configuration);
  if (!v1.configuration?.statuses?.max_characters && v1.max_toot_chars) limits.maxCharacters = v1.max_toot_chars;
  return limits;
}

function toLimits(
  source: 'v2' | 'v1',
  domain: string | null,
  version: string | null,
  configuration: z.infer<typeof configurationSchema>,
): InstanceLimits {
  const statuses = configuration?.statuses;
  const media = configuration?.media_attachments;
  return {
    source: configuration ? source : 'defaults',
    domain,
    version,
    maxCharacters: statuses?.max_characters || MASTODON_DEFAULT_LIMITS.maxCharacters,
    charactersReservedPerUrl: statuses?.characters_reserved_per_url ?? MASTODON_DEFAULT_LIMITS.charactersReservedPerUrl,
    maxMediaAttachments: statuses?.max_media_attachments ?? MASTODON_DEFAULT_LIMITS.maxMediaAttachments,
    media: {
      supportedMimeTypes: media?.supported_mime_types ?? [],
      imageSizeLimit: media?.image_size_limit ?? null,
      imageMatrixLimit: media?.image_matrix_limit ?? null,
      videoSizeLimit: media?.video_size_limit ?? null,
      videoMatrixLimit: media?.video_matrix_limit ?? null,
      videoFrameRateLimit: media?.video_frame_rate_limit ?? null,
      descriptionLimit: media?.description_limit ?? null,
    },
  };
}

function parseOr<T extends z.ZodType>(schema: T, json: unknown): z.infer<T> | null {
  const result = schema.safeParse(json);
  return result.success ? result.data : null;
}
