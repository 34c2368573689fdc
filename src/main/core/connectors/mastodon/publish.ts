import { z } from 'zod';
import { ConnectorError, type PublishRequest, type PublishResult } from '../connector';
import { mastodonRequest } from './http';
import { statusSchema } from './schemas';
import { resolveLocalStatus, type ThreadCredentials } from './thread';
import { collectUris, statusToItem } from './toItem';

/** How long an upload may stay "processing" (202) before we give up; the next attempt uploads again. */
export const MEDIA_PROCESSING_TIMEOUT_MS = 60_000;
const MEDIA_POLL_INTERVAL_MS = 1_000;

const uploadedMediaSchema = z.object({ id: z.string().min(1), url: z.string().nullish() });

export interface MastodonPublishOptions {
  timeoutMs?: number;
  /** How often a processing upload is asked about, at most (the first asks come sooner). */
  mediaPollIntervalMs?: number;
}

/**
 * Publishes a status on the account's own instance:
 * 1. the reply target's instance-local id (Mastodon ids differ per instance): the stored status
 *    id when it still names the same URI, else the URI resolved with search (resolveLocalStatus);
 * 2. each attachment with POST /api/v2/media (multipart, `description` = alt text); a 202 answer
 *    is still processing, so GET /api/v1/media/:id is asked until it has a URL;
 * 3. POST /api/v1/statuses with `status`, `in_reply_to_id`, `visibility`, `spoiler_text` (and
 *    `sensitive` with it, as Mastodon's own composer does), `language`, `media_ids`, and the
 *    header `Idempotency-Key`: Mastodon remembers the key per account for one hour and answers a
 *    repeat with the status it already created, so a retry within that hour cannot post twice.
 *
 * The limit: after that hour a repeat would post again. The outbox therefore retries on its own
 * only for a few minutes (see the outbox's backoff), and entries left "publishing" by a crash are
 * reconciled when the app starts again; an entry that stays unpublished for longer is failed and
 * waits for the user, who sees it and decides.
 */
export async function publishStatus(credentials: ThreadCredentials, request: PublishRequest, options: MastodonPublishOptions = {}): Promise<PublishResult> {
  const { signal } = request;
  const call = (path: string, extra: { method?: 'GET' | 'POST'; body?: Record<string, unknown>; form?: FormData; headers?: Record<string, string> } = {}) =>
    mastodonRequest({ instanceUrl: credentials.instanceUrl, path, accessToken: credentials.accessToken, signal, timeoutMs: options.timeoutMs, ...extra });

  const inReplyTo = request.replyTo
    ? await resolveLocalStatus(credentials, { uri: request.replyTo.remoteId, raw: request.replyTo.raw, signal, timeoutMs: options.timeoutMs })
    : null;

  const mediaIds: string[] = [];
  for (const media of request.media) {
    const form = new FormData();
    form.append('file', new Blob([media.bytes], { type: media.mimeType }), fileNameFor(media.mimeType, mediaIds.length));
    if (media.alt) form.append('description', media.alt);
    const uploaded = await call('/api/v2/media', { method: 'POST', form });
    const parsed = uploadedMediaSchema.safeParse(uploaded.json);
    if (!parsed.success) throw new ConnectorError('parse', 'the media upload answer has no attachment id');
    if (uploaded.status === 202 || !parsed.data.url) await waitForProcessing(call, parsed.data.id, signal, options.mediaPollIntervalMs ?? MEDIA_POLL_INTERVAL_MS);
    mediaIds.push(parsed.data.id);
  }

  const spoiler = request.spoilerText?.trim() ? request.spoilerText : null;
  const body: Record<string, unknown> = { status: request.text };
  if (inReplyTo) body.in_reply_to_id = (inReplyTo.reblog ?? inReplyTo).id;
  if (request.visibility) body.visibility = request.visibility;
  if (spoiler) {
    body.spoiler_text = spoiler;
    body.sensitive = true;
  }
  if (request.language) body.language = request.language;
  if (mediaIds.length > 0) body.media_ids = mediaIds;

  const created = await call('/api/v1/statuses', { method: 'POST', body, headers: { 'Idempotency-Key': request.idempotencyKey } });
  const status = statusSchema.safeParse(created.json);
  if (!status.success) throw new ConnectorError('parse', 'the instance answered the new status with something that is not a status');
  const item = statusToItem(status.data, { instanceUrl: credentials.instanceUrl, knownUris: collectUris(inReplyTo ? [inReplyTo, status.data] : [status.data]) });
  return { remoteId: item.remoteId, url: status.data.url ?? item.url, item: { ...item, raw: status.data } };
}

type Call = (path: string, extra?: { method?: 'GET' | 'POST' }) => ReturnType<typeof mastodonRequest>;

/** Asks about a processing upload until it has a URL; 206 means "still processing". */
async function waitForProcessing(call: Call, id: string, signal: AbortSignal, intervalMs: number): Promise<void> {
  const deadline = Date.now() + MEDIA_PROCESSING_TIMEOUT_MS;
  // Images are usually ready within a moment; video takes longer: ask soon, then less often.
  for (let wait = Math.min(250, intervalMs); Date.now() < deadline; wait = Math.min(intervalMs, wait * 2)) {
    await sleep(wait, signal);
    const res = await call(`/api/v1/media/${encodeURIComponent(id)}`).catch((error: unknown) => {
      // mastodonRequest wants JSON; a 206 may come without a body.
      if (error instanceof ConnectorError && error.kind === 'parse' && error.details.status === 206) return null;
      throw error;
    });
    if (res && res.status === 200 && uploadedMediaSchema.safeParse(res.json).data?.url) return;
  }
  throw new ConnectorError('timeout', `the instance was still processing an attachment after ${MEDIA_PROCESSING_TIMEOUT_MS / 1000} s`);
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new ConnectorError('timeout', 'the upload was cancelled', { cause: signal.reason }));
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new ConnectorError('timeout', 'the upload was cancelled', { cause: signal.reason }));
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

const EXTENSIONS: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'video/mp4': 'mp4',
  'video/webm': 'webm',
  'audio/mpeg': 'mp3',
};

/** Mastodon wants a file name with the part; the type is what counts. */
function fileNameFor(mimeType: string, index: number): string {
  return `attachment-${index + 1}.${EXTENSIONS[mimeType] ?? 'bin'}`;
}
