import { credentialAccountJson, instanceV1Json, instanceV2Json, mediaJson, notificationJson, statusJson, type FakeMedia, type FakeStatus, type Lookup } from './entities';
import type { FakeMastodon, Handler, Reply, RouteContext } from './server';
import { paginate } from './state';

/**
 * The read side of the client API the connector uses: credentials, instance, timelines and
 * notifications with Mastodon's id pagination and Link headers; a status, its context (thread)
 * and search by URL or URI (what a thread fetch needs).
 * Authentication as on Mastodon: a missing, unknown or revoked token is a 401 on user endpoints;
 * public and hashtag timelines work without a token, but a bad token is still a 401.
 */
function lookup(fake: FakeMastodon): Lookup {
  return {
    origin: fake.url,
    account: (id) => fake.state.accounts.get(id)!,
    status: (id) => fake.state.statuses.get(id)!,
  };
}

function authenticate(ctx: RouteContext, required: boolean): Reply | null {
  if (!ctx.token) return required ? { status: 401, json: { error: 'The access token is invalid' } } : null;
  const token = ctx.fake.oauth.tokens.get(ctx.token);
  if (!token) return { status: 401, json: { error: 'The access token is invalid' } };
  if (token.revoked) return { status: 401, json: { error: 'The access token was revoked' } };
  return null;
}

/** Defaults and maxima of Mastodon 4.x: statuses 20/40, notifications 40/80. */
function limitOf(query: URLSearchParams, fallback: number, max: number): number {
  const n = Number(query.get('limit') ?? fallback);
  return Math.min(Math.max(1, Number.isFinite(n) ? n : fallback), max);
}

/** One page plus Link headers that keep the request's other parameters, as Mastodon does. */
function pageReply<T extends { id: string }>(ctx: RouteContext, entries: T[], toJson: (e: T) => unknown, limits: [number, number]): Reply {
  const page = paginate(entries, {
    maxId: ctx.query.get('max_id'),
    sinceId: ctx.query.get('since_id'),
    minId: ctx.query.get('min_id'),
    limit: limitOf(ctx.query, ...limits),
  });
  const headers: Record<string, string> = {};
  if (page.length > 0) {
    const link = (param: string, id: string) => {
      const params = new URLSearchParams(ctx.query);
      for (const p of ['max_id', 'since_id', 'min_id']) params.delete(p);
      params.set(param, id);
      return `<${ctx.fake.url}${ctx.path}?${params.toString()}>`;
    };
    headers.Link = `${link('max_id', page[page.length - 1]!.id)}; rel="next", ${link('min_id', page[0]!.id)}; rel="prev"`;
  }
  return { status: 200, headers, json: page.map(toJson) };
}

const statuses = (ctx: RouteContext, entries: FakeStatus[]) => {
  const l = lookup(ctx.fake);
  return pageReply(ctx, entries, (s) => statusJson(s, l), [20, 40]);
};

const bool = (q: URLSearchParams, name: string) => q.get(name) === 'true';

const notFound: Reply = { status: 404, json: { error: 'Record not found' } };

/** A status by id; boosts are statuses too (GET of a boost answers the boost wrapper). */
function statusOr404(ctx: RouteContext): FakeStatus | null {
  return ctx.fake.state.statuses.get(ctx.pathParams.id!) ?? null;
}

/**
 * Mastodon's context: ancestors root first; descendants depth first, each sibling group in id
 * order (Status#descendants walks the reply tree that way). A boost has no thread of its own.
 */
function contextOf(fake: FakeMastodon, status: FakeStatus): { ancestors: FakeStatus[]; descendants: FakeStatus[] } {
  const all = [...fake.state.statuses.values()].filter((s) => s.reblogOfId === null);
  const ancestors: FakeStatus[] = [];
  for (let id = status.inReplyToId; id; ) {
    const parent = fake.state.statuses.get(id);
    if (!parent) break;
    ancestors.unshift(parent);
    id = parent.inReplyToId;
  }
  const descendants: FakeStatus[] = [];
  const walk = (parentId: string) => {
    const children = all.filter((s) => s.inReplyToId === parentId).sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1));
    for (const child of children) {
      descendants.push(child);
      walk(child.id);
    }
  };
  if (status.reblogOfId === null) walk(status.id);
  return { ancestors, descendants };
}

/** The account behind the request's (valid) token. */
function caller(ctx: RouteContext) {
  const accountId = ctx.fake.oauth.tokens.get(ctx.token ?? '')?.accountId;
  return accountId ? ctx.fake.state.accounts.get(accountId) ?? null : null;
}

const unprocessable = (error: string): Reply => ({ status: 422, json: { error } });

/** Mastodon's plain-text formatting, enough for the fake: escaped text in paragraphs, line breaks kept. */
function textToHtml(text: string): string {
  const escape = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  return text
    .split(/\n{2,}/)
    .map((paragraph) => `<p>${escape(paragraph).replace(/\n/g, '<br />')}</p>`)
    .join('');
}

/**
 * POST /api/v1/statuses as Mastodon's StatusesController#create and PostStatusService do it:
 * - Idempotency-Key: the same key from the same account answers the status it created the first
 *   time (Mastodon keeps the key for an hour), whatever the body says now;
 * - text or media required; in_reply_to_id must name a status (404 otherwise, as Mastodon's
 *   find does); media_ids must be this account's unattached uploads, at most the instance's limit;
 * - visibility defaults to public; sensitive is implied by a spoiler text.
 */
function createStatus(ctx: RouteContext): Reply {
  const denied = authenticate(ctx, true);
  if (denied) return denied;
  const { fake, body } = ctx;
  const me = caller(ctx)!;
  const key = ctx.headers['idempotency-key'] ?? null;
  fake.statusRequests.push({ idempotencyKey: key, body });
  const l = lookup(fake);
  if (key) {
    const earlier = fake.state.idempotency.get(`${me.id}\u0000${key}`);
    if (earlier && fake.state.statuses.has(earlier)) return { status: 200, json: statusJson(fake.state.statuses.get(earlier)!, l) };
  }
  const text = typeof body.status === 'string' ? body.status : '';
  const mediaIds = Array.isArray(body.media_ids) ? body.media_ids.map(String) : [];
  if (text.trim() === '' && mediaIds.length === 0) return unprocessable("Validation failed: Text can't be blank");
  if (mediaIds.length > fake.limits.maxMediaAttachments) return unprocessable('Validation failed: Too many attachments');
  const attachments: FakeMedia[] = [];
  for (const id of mediaIds) {
    const upload = fake.state.uploads.get(id);
    if (!upload || upload.accountId !== me.id || upload.statusId !== null) return unprocessable(`Validation failed: Media attachment ${id} not found`);
    if (upload.media.processing) return unprocessable('Validation failed: Media attachments are still being processed');
    attachments.push(upload.media);
  }
  let parent: FakeStatus | null = null;
  if (typeof body.in_reply_to_id === 'string') {
    parent = fake.state.statuses.get(body.in_reply_to_id) ?? null;
    if (!parent) return notFound;
  }
  const spoilerText = typeof body.spoiler_text === 'string' ? body.spoiler_text : '';
  const status = fake.state.post(me, {
    content: textToHtml(text),
    spoilerText,
    language: typeof body.language === 'string' ? body.language : null,
    visibility: (body.visibility as FakeStatus['visibility'] | undefined) ?? 'public',
    tags: [...text.matchAll(/(?:^|\s)#([\p{L}\p{N}_]+)/gu)].map((m) => m[1]!),
    inReplyTo: parent,
    attachments,
    sensitive: body.sensitive === true || spoilerText.length > 0,
  });
  for (const id of mediaIds) fake.state.uploads.get(id)!.statusId = status.id;
  if (key) fake.state.idempotency.set(`${me.id}\u0000${key}`, status.id);
  return { status: 200, json: statusJson(status, l) };
}

/** POST /api/v2/media: a file part is required; small images are ready at once (200), else 202 while processing. */
function uploadMedia(ctx: RouteContext): Reply {
  const denied = authenticate(ctx, true);
  if (denied) return denied;
  const file = ctx.form?.get('file');
  if (!(file instanceof Blob) || file.size === 0) return unprocessable('Validation failed: File is missing');
  if (!file.type || !ctx.fake.limits.supportedMimeTypes.includes(file.type)) return unprocessable(`Validation failed: File content type ${file.type || '(none)'} is not supported`);
  if (file.size > ctx.fake.limits.imageSizeLimit) return unprocessable('Validation failed: File file size must be less than the limit');
  const description = ctx.form?.get('description');
  const media = ctx.fake.state.upload(caller(ctx)!, {
    mimeType: file.type,
    size: file.size,
    description: typeof description === 'string' && description.length > 0 ? description : null,
    processing: ctx.fake.mediaProcessingPolls,
  });
  return { status: media.processing ? 202 : 200, json: mediaJson(media, ctx.fake.url) };
}

export const apiRoutes: Record<string, Handler> = {
  'POST /api/v1/statuses': createStatus,

  'POST /api/v2/media': uploadMedia,

  /** An upload of one's own: 206 while processing, then the attachment with its URL. */
  'GET /api/v1/media/{id}': (ctx) => {
    const denied = authenticate(ctx, true);
    if (denied) return denied;
    const upload = ctx.fake.state.uploads.get(ctx.pathParams.id!);
    if (!upload || upload.accountId !== caller(ctx)?.id) return notFound;
    if (upload.media.processing) {
      upload.media.processing--;
      return { status: 206 };
    }
    return { status: 200, json: mediaJson(upload.media, ctx.fake.url) };
  },

  'GET /api/v1/statuses/{id}': (ctx) => {
    const denied = authenticate(ctx, false);
    if (denied) return denied;
    const status = statusOr404(ctx);
    return status ? { status: 200, json: statusJson(status, lookup(ctx.fake)) } : notFound;
  },

  'GET /api/v1/statuses/{id}/context': (ctx) => {
    const denied = authenticate(ctx, false);
    if (denied) return denied;
    const status = statusOr404(ctx);
    if (!status) return notFound;
    const l = lookup(ctx.fake);
    const { ancestors, descendants } = contextOf(ctx.fake, status);
    return { status: 200, json: { ancestors: ancestors.map((s) => statusJson(s, l)), descendants: descendants.map((s) => statusJson(s, l)) } };
  },

  /**
   * Search, statuses only: a query that is a status's URI or web URL finds it (as resolve does for
   * a post the instance knows). Resolving needs a user token, as on Mastodon.
   */
  'GET /api/v2/search': (ctx) => {
    const denied = authenticate(ctx, bool(ctx.query, 'resolve'));
    if (denied) return denied;
    const q = ctx.query.get('q') ?? '';
    const type = ctx.query.get('type');
    const l = lookup(ctx.fake);
    const statuses =
      type && type !== 'statuses'
        ? []
        : [...ctx.fake.state.statuses.values()]
            .filter((s) => s.reblogOfId === null)
            .map((s) => statusJson(s, l))
            .filter((json) => json.uri === q || json.url === q);
    return { status: 200, json: { accounts: [], hashtags: [], statuses: statuses.slice(0, limitOf(ctx.query, 20, 40)) } };
  },


  'GET /api/v1/accounts/verify_credentials': (ctx) =>
    authenticate(ctx, true) ?? { status: 200, json: credentialAccountJson(ctx.fake.state.me, ctx.fake.url) },

  'GET /api/v2/instance': ({ fake }) =>
    fake.hasV2Instance ? { status: 200, json: instanceV2Json(fake.url, fake.domain, fake.limits) } : { status: 404, json: { error: 'Not Found' } },

  'GET /api/v1/instance': ({ fake }) => ({ status: 200, json: instanceV1Json(fake.url, fake.domain, fake.limits) }),

  'GET /api/v1/timelines/home': (ctx) => authenticate(ctx, true) ?? statuses(ctx, ctx.fake.state.home()),

  'GET /api/v1/timelines/public': (ctx) =>
    authenticate(ctx, false) ??
    statuses(ctx, ctx.fake.state.publicTimeline({ local: bool(ctx.query, 'local'), remote: bool(ctx.query, 'remote') })),

  'GET /api/v1/timelines/tag/{hashtag}': (ctx) => authenticate(ctx, false) ?? statuses(ctx, ctx.fake.state.tag(ctx.pathParams.hashtag!)),

  'GET /api/v1/timelines/list/{list_id}': (ctx) => {
    const denied = authenticate(ctx, true);
    if (denied) return denied;
    const entries = ctx.fake.state.list(ctx.pathParams.list_id!);
    return entries ? statuses(ctx, entries) : { status: 404, json: { error: 'Record not found' } };
  },

  'GET /api/v1/notifications': (ctx) => {
    const denied = authenticate(ctx, true);
    if (denied) return denied;
    const types = ctx.query.getAll('types[]');
    const excluded = ctx.query.getAll('exclude_types[]');
    const entries = ctx.fake.state.notifications.filter(
      (n) => (types.length === 0 || types.includes(n.type)) && !excluded.includes(n.type),
    );
    const l = lookup(ctx.fake);
    return pageReply(ctx, entries, (n) => notificationJson(n, l), [40, 80]);
  },
};
