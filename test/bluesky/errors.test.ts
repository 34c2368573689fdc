// How failures of @atproto/api calls reach the poller. The dev-network tests produce the real
// ones (401, 429, ExpiredToken, not found); these pin down the cases that need exact headers.
import { XRPCError } from '@atproto/api';
import { describe, expect, it } from 'vitest';
import { retryAfterMs, toConnectorError } from '../../src/main/core/connectors/bluesky/errors';
import { normalizeServiceUrl } from '../../src/main/core/connectors/bluesky/session';
import { ConnectorError } from '../../src/main/core/connectors/connector';

describe('toConnectorError', () => {
  it('reads how long a 429 wants us to wait', () => {
    const now = new Date('2026-03-01T12:00:00Z');
    expect(retryAfterMs({ 'retry-after': '30' }, now)).toBe(30_000);
    expect(retryAfterMs({ 'ratelimit-reset': String(now.getTime() / 1000 + 90) }, now)).toBe(90_000);
    expect(retryAfterMs({}, now)).toBeNull();

    const error = toConnectorError(new XRPCError(429, 'RateLimitExceeded', 'Rate Limit Exceeded', { 'retry-after': '12' }));
    expect(error).toMatchObject({ kind: 'rate_limited', details: { status: 429, retryAfterMs: 12_000 } });
  });

  it('calls an ExpiredToken answer auth only when the session was given up', () => {
    const expired = new XRPCError(400, 'ExpiredToken', 'Token has expired');
    expect(toConnectorError(expired, { sessionLost: true }).kind).toBe('auth');
    // The refresh itself failed for a passing reason: the session is still good.
    expect(toConnectorError(expired, { sessionLost: false }).kind).toBe('network');
  });

  it('sorts the other answers', () => {
    expect(toConnectorError(new XRPCError(401, 'AuthenticationRequired', 'Invalid identifier or password')).kind).toBe('auth');
    expect(toConnectorError(new XRPCError(400, 'AccountTakedown', 'taken down')).kind).toBe('auth');
    expect(toConnectorError(new XRPCError(400, 'InvalidRequest', 'Profile not found')).kind).toBe('not_found');
    expect(toConnectorError(new XRPCError(400, 'UnknownFeed', 'Unknown feed')).kind).toBe('not_found');
    expect(toConnectorError(new XRPCError(1, undefined, 'fetch failed')).kind).toBe('network');
    expect(toConnectorError(new XRPCError(2, undefined, 'bad response')).kind).toBe('parse');
    expect(toConnectorError(new XRPCError(502, 'UpstreamFailure', 'upstream')).kind).toBe('http');
    expect(toConnectorError(new TypeError('fetch failed', { cause: Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }) })).kind).toBe('network');
    const same = new ConnectorError('parse', 'x');
    expect(toConnectorError(same)).toBe(same);
  });

  it('reports a timed-out or cancelled poll as timeout', () => {
    const timedOut = new AbortController();
    timedOut.abort(new DOMException('late', 'TimeoutError'));
    expect(toConnectorError(new XRPCError(1, undefined, 'aborted'), { signal: timedOut.signal })).toMatchObject({ kind: 'timeout', message: 'Bluesky did not answer in time.' });
    expect(toConnectorError(new Error('aborted'), { signal: AbortSignal.abort() }).kind).toBe('timeout');
  });
});

describe('normalizeServiceUrl', () => {
  it('accepts what users type and keeps only the origin', () => {
    expect(normalizeServiceUrl('bsky.social')).toBe('https://bsky.social');
    expect(normalizeServiceUrl(' https://pds.example.com/xrpc/ ')).toBe('https://pds.example.com');
    expect(normalizeServiceUrl('http://127.0.0.1:2583')).toBe('http://127.0.0.1:2583');
    expect(() => normalizeServiceUrl('ftp://files.example')).toThrow(ConnectorError);
    expect(() => normalizeServiceUrl('http://')).toThrow(ConnectorError);
  });
});
