import { z } from 'zod';
import { networkSchema } from './items';

export const STREAM_KINDS = {
  bluesky: ['home', 'mentions', 'notifications', 'search', 'feed', 'list', 'author'],
  mastodon: ['home', 'notifications', 'hashtag', 'local', 'federated', 'list'],
  feed: ['feed'],
} as const;

/** Kinds whose `query` says what to watch (a term, a tag, a URL, an AT URI or list id). */
export const KINDS_WITH_QUERY = new Set(['search', 'feed', 'list', 'author', 'hashtag']);

export const POLL_STATES = ['idle', 'polling', 'waiting', 'backoff', 'rate_limited', 'offline', 'reconnect_needed', 'failed', 'paused'] as const;

export const pollStatusSchema = z.object({
  state: z.enum(POLL_STATES),
  lastPollAt: z.string().nullable(),
  lastSuccessAt: z.string().nullable(),
  nextPollAt: z.string().nullable(),
  lastError: z.object({ kind: z.string(), message: z.string() }).nullable(),
  rateLimitedUntil: z.string().nullable(),
  itemsLastPoll: z.number().int().nonnegative(),
});
export type PollStatus = z.infer<typeof pollStatusSchema>;

export const IDLE_STATUS: PollStatus = {
  state: 'idle',
  lastPollAt: null,
  lastSuccessAt: null,
  nextPollAt: null,
  lastError: null,
  rateLimitedUntil: null,
  itemsLastPoll: 0,
};

export const streamViewSchema = z.object({
  id: z.string().uuid(),
  workspaceId: z.string().uuid(),
  accountId: z.string().uuid().nullable(),
  network: networkSchema,
  kind: z.string(),
  query: z.string().nullable(),
  title: z.string(),
  position: z.number().int(),
  unread: z.number().int().nonnegative(),
  /** Everything this column pulls in lands in the inbox too. */
  needsAnswer: z.boolean(),
  status: pollStatusSchema,
});
export type StreamView = z.infer<typeof streamViewSchema>;

export const newStreamSchema = z
  .object({
    workspaceId: z.string().uuid(),
    network: networkSchema,
    kind: z.string().min(1).max(32),
    query: z.string().trim().min(1).max(2048).nullable().optional(),
    accountId: z.string().uuid().nullable().optional(),
    title: z.string().trim().min(1).max(120).optional(),
  })
  .strict()
  .superRefine((stream, ctx) => {
    const kinds: readonly string[] = STREAM_KINDS[stream.network];
    if (!kinds.includes(stream.kind)) {
      ctx.addIssue({ code: 'custom', path: ['kind'], message: `${stream.network} has no stream kind "${stream.kind}" (known: ${kinds.join(', ')}).` });
    }
    if (KINDS_WITH_QUERY.has(stream.kind) && !stream.query) {
      ctx.addIssue({ code: 'custom', path: ['query'], message: `A ${stream.kind} stream needs a query.` });
    }
    if (stream.network === 'feed' && stream.query && !/^https?:\/\//i.test(stream.query)) {
      ctx.addIssue({ code: 'custom', path: ['query'], message: 'A feed is an http(s) URL.' });
    }
    if (stream.network !== 'feed' && !stream.accountId) {
      ctx.addIssue({ code: 'custom', path: ['accountId'], message: `A ${stream.network} stream needs a connected account.` });
    }
  });

export const discoveredFeedSchema = z.object({
  url: z.string(),
  title: z.string().nullable(),
  type: z.string().nullable(),
});
