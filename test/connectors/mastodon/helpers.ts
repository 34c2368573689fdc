import type { PollResult, StreamCursor, StreamSpec } from '../../../src/main/core/connectors/connector';
import { createMastodonConnector } from '../../../src/main/core/connectors/mastodon/mastodonConnector';
import type { FakeMastodon } from '../../fakes/mastodon';

export function stream(kind: string, query: string | null = null): StreamSpec {
  return { id: `s-${kind}`, network: 'mastodon', kind, query, accountId: 'acc-1' };
}

/** A connector whose one account is the fake's user, with a token issued directly. */
export function connectorFor(fake: FakeMastodon, options: { token?: string; requestTimeoutMs?: number } = {}) {
  const token = options.token ?? fake.issueToken();
  const connector = createMastodonConnector({
    credentials: async (accountId) => (accountId === 'acc-1' ? { instanceUrl: fake.url, accessToken: token } : null),
    requestTimeoutMs: options.requestTimeoutMs,
  });
  const poll = (spec: StreamSpec, cursor: StreamCursor | null = null, maxItems = 200, signal = new AbortController().signal): Promise<PollResult> =>
    connector.poll({ stream: spec, cursor, maxItems, signal });
  return { connector, token, poll };
}

export async function rejection(promise: Promise<unknown>): Promise<{ kind?: string; message: string; details?: { status?: number; retryAfterMs?: number } }> {
  try {
    await promise;
  } catch (error) {
    return error as { kind?: string; message: string };
  }
  throw new Error('expected a rejection');
}
