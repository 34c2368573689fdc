import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEFAULT_FAKE_LIMITS, type FakeLimits } from './entities';
import { OpenApiValidator } from './openapi';
import { apiRoutes } from './apiRoutes';
import { oauthRoutes, type OAuthStore } from './oauthRoutes';
import { FakeState } from './state';

/**
 * A stateful in-memory Mastodon on 127.0.0.1 that speaks the client API and checks every request
 * it receives and every response it sends against the OpenAPI document (openapi.ts). Violations
 * are collected in `violations`; a test asserts none at its end (see expectNoViolations). Handlers
 * are keyed by the document's own operation (`GET /api/v1/timelines/tag/{hashtag}`), so an
 * undocumented path cannot even be routed.
 */
export interface Reply {
  status: number;
  headers?: Record<string, string>;
  json?: unknown;
  html?: string;
}

export interface RouteContext {
  fake: FakeMastodon;
  method: string;
  path: string;
  query: URLSearchParams;
  pathParams: Record<string, string>;
  body: Record<string, unknown>;
  /** A multipart/form-data body's fields (media uploads); null for any other body. */
  form: FormData | null;
  /** Request headers, lower-case names. */
  headers: Record<string, string | undefined>;
  /** The bearer token sent, if any. */
  token: string | null;
}

export type Handler = (ctx: RouteContext) => Reply;

export interface ExchangeLog {
  method: string;
  url: string;
  status: number;
  authorized: boolean;
}

let sharedValidator: OpenApiValidator | null = null;
/** Loading and compiling the 1.4 MB document takes a while; one per test worker is enough. */
export function openApiValidator(): OpenApiValidator {
  sharedValidator ??= OpenApiValidator.load();
  return sharedValidator;
}

export class FakeMastodon {
  readonly state = new FakeState();
  readonly violations: string[] = [];
  readonly log: ExchangeLog[] = [];
  readonly oauth: OAuthStore = { apps: new Map(), codes: new Map(), tokens: new Map() };
  limits: FakeLimits = { ...DEFAULT_FAKE_LIMITS };
  /** false: /api/v2/instance answers 404, as on Mastodon before 4.0. */
  hasV2Instance = true;
  /** What the user answers on the authorization page. */
  authorization: 'approve' | 'deny' = 'approve';
  domain = 'fake.mastodon.test';
  /** Uploads answer 202 and GET /api/v1/media/:id answers 206 this many times before the media is ready. */
  mediaProcessingPolls = 0;
  /** Every POST /api/v1/statuses as received: its Idempotency-Key header and JSON body. */
  readonly statusRequests: Array<{ idempotencyKey: string | null; body: Record<string, unknown> }> = [];
  rateLimit = { limit: 300, windowMs: 5 * 60_000 };
  private throttled: { count: number; retryAfterSeconds: number | null } | null = null;
  private delayed: { count: number; ms: number } | null = null;
  private readonly buckets = new Map<string, { remaining: number; resetAt: number }>();
  private readonly routes: Record<string, Handler> = { ...oauthRoutes, ...apiRoutes };
  private readonly server = createServer((req, res) => void this.handle(req, res));
  private origin = '';

  constructor(private readonly validator: OpenApiValidator = openApiValidator()) {}

  get url(): string {
    return this.origin;
  }

  async listen(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', () => resolve()));
    this.origin = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** The next `count` API requests get 429 Too Many Requests (with Retry-After unless null). */
  throttle(count: number, retryAfterSeconds: number | null = 30): void {
    this.throttled = { count, retryAfterSeconds };
  }

  /** The next `count` requests are answered only after `ms` (to exercise timeouts). */
  delay(count: number, ms: number): void {
    this.delayed = { count, ms };
  }

  /** The instance admin (or the user in their settings) revokes every token. */
  revokeAllTokens(): void {
    for (const token of this.oauth.tokens.values()) token.revoked = true;
  }

  /** Issues a token directly, for tests that do not walk through OAuth. */
  issueToken(scope = 'read write'): string {
    const token = `tok-${this.oauth.tokens.size + 1}-${Math.random().toString(36).slice(2)}`;
    this.oauth.tokens.set(token, { accountId: this.state.me.id, clientId: null, scope, revoked: false });
    return token;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const body = raw.toString('utf8');
    const form = await parseForm(raw, req.headers['content-type']);
    const method = req.method ?? 'GET';
    const rawUrl = req.url ?? '/';
    const url = new URL(rawUrl, this.origin);
    const token = /^Bearer (.+)$/i.exec(req.headers.authorization ?? '')?.[1] ?? null;
    const checked = this.validator.checkRequest({ method, url: rawUrl, contentType: req.headers['content-type'] ?? null, body });
    this.violations.push(...checked.violations);

    let reply: Reply;
    if (!checked.operation) {
      reply = { status: 404, json: { error: 'Not Found' } };
    } else {
      if (this.delayed && this.delayed.count > 0) {
        this.delayed.count--;
        await new Promise((resolve) => setTimeout(resolve, this.delayed!.ms));
      }
      reply = this.throttle429(url.pathname) ?? this.dispatch(checked.operation.key, {
        fake: this,
        method,
        path: url.pathname,
        query: url.searchParams,
        pathParams: this.validator.match(method, url.pathname)?.pathParams ?? {},
        body: parseBody(body),
        form,
        headers: Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k.toLowerCase(), Array.isArray(v) ? v.join(', ') : v])),
        token,
      });
      if (url.pathname.startsWith('/api/')) reply.headers = { ...this.rateLimitHeaders(token), ...reply.headers };
    }

    const headers: Record<string, string> = { ...reply.headers };
    let text = '';
    if (reply.json !== undefined) {
      headers['content-type'] = 'application/json; charset=utf-8';
      text = JSON.stringify(reply.json);
    } else if (reply.html !== undefined) {
      headers['content-type'] = 'text/html; charset=utf-8';
      text = reply.html;
    }
    if (checked.operation) {
      const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
      this.violations.push(...this.validator.checkResponse(checked.operation, { status: reply.status, headers: lower, body: text }));
    }
    this.log.push({ method, url: rawUrl, status: reply.status, authorized: token !== null });
    if (res.destroyed) return; // the client gave up (a timeout test)
    res.writeHead(reply.status, headers);
    res.end(text);
  }

  private dispatch(key: string, ctx: RouteContext): Reply {
    const handler = this.routes[key];
    if (!handler) {
      this.violations.push(`${key}: documented, but the fake does not implement it`);
      return { status: 404, json: { error: 'Not implemented by the fake' } };
    }
    return handler(ctx);
  }

  private throttle429(path: string): Reply | null {
    if (!path.startsWith('/api/') || !this.throttled || this.throttled.count <= 0) return null;
    this.throttled.count--;
    const headers: Record<string, string> = { 'X-RateLimit-Remaining': '0' };
    if (this.throttled.retryAfterSeconds !== null) headers['Retry-After'] = String(this.throttled.retryAfterSeconds);
    return { status: 429, headers, json: { error: 'Too many requests' } };
  }

  /** Mastodon's per-token (per-IP when anonymous) request budget, as X-RateLimit-* headers. */
  private rateLimitHeaders(token: string | null): Record<string, string> {
    const key = token ?? 'anonymous';
    const now = Date.now();
    let bucket = this.buckets.get(key);
    if (!bucket || bucket.resetAt <= now) {
      bucket = { remaining: this.rateLimit.limit, resetAt: now + this.rateLimit.windowMs };
      this.buckets.set(key, bucket);
    }
    bucket.remaining = Math.max(0, bucket.remaining - 1);
    return {
      'X-RateLimit-Limit': String(this.rateLimit.limit),
      'X-RateLimit-Remaining': String(bucket.remaining),
      'X-RateLimit-Reset': new Date(bucket.resetAt).toISOString(),
    };
  }
}

export async function startFakeMastodon(): Promise<FakeMastodon> {
  return new FakeMastodon().listen();
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Multipart bodies parsed by the platform's own parser (undici), as Rails would read them. */
async function parseForm(raw: Buffer, contentType: string | undefined): Promise<FormData | null> {
  if (!contentType?.toLowerCase().startsWith('multipart/form-data')) return null;
  try {
    return await new Response(new Uint8Array(raw), { headers: { 'content-type': contentType } }).formData();
  } catch {
    return null;
  }
}

function parseBody(text: string): Record<string, unknown> {
  if (!text) return {};
  try {
    const value = JSON.parse(text) as unknown;
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
