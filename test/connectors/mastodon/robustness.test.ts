import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMastodonConnector } from '../../../src/main/core/connectors/mastodon/mastodonConnector';
import { stream } from './helpers';

/**
 * Servers that are not quite Mastodon (forks, bugs): a status that does not parse, a server that
 * ignores min_id, an answer that is not a list. Canned JSON on purpose; the schema-checked fake
 * cannot send any of this.
 */
describe('Mastodon connector against odd servers', () => {
  let server: Server;
  let pages: unknown[][] = [];
  let calls: string[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      calls.push(req.url ?? '');
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(pages.length > 1 ? pages.shift() : pages[0]));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const connector = () =>
    createMastodonConnector({
      credentials: async () => ({ instanceUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, accessToken: 't' }),
    });
  const status = (id: string) => ({
    id,
    uri: `https://a.example/s/${id}`,
    created_at: '2026-11-01T10:00:00Z',
    account: { id: '1', username: 'a', acct: 'a' },
    content: `<p>${id}</p>`,
  });
  const poll = (cursor: { minId: string } | null, maxItems = 40) =>
    connector().poll({ stream: stream('home'), cursor, maxItems, signal: new AbortController().signal });

  it('skips a status that does not parse, but moves the cursor past it', async () => {
    pages = [[{ id: '12', uri: 42 }, status('11'), 'nonsense']];
    const result = await poll({ minId: '10' });
    expect(result.items.map((i) => i.remoteId)).toEqual(['https://a.example/s/11']);
    expect(result.cursor).toEqual({ minId: '12' });
  });

  it('stops when a server ignores min_id and keeps sending the same old page', async () => {
    calls = [];
    pages = [[status('9'), status('8')]];
    const result = await poll({ minId: '9' });
    expect(result).toMatchObject({ items: [], cursor: { minId: '9' }, more: false });
    expect(calls).toHaveLength(1);
  });

  it('an answer that is not a list is a parse error', async () => {
    pages = [{ error: 'nope' } as unknown as unknown[]];
    await expect(poll(null)).rejects.toMatchObject({ kind: 'parse' });
  });

  it('a damaged cursor means one first poll again, never a stuck stream', async () => {
    calls = [];
    pages = [[status('30')]];
    const result = await connector().poll({ stream: stream('home'), cursor: { minId: 7 }, maxItems: 40, signal: new AbortController().signal });
    expect(result.cursor).toEqual({ minId: '30' });
    expect(calls).toEqual(['/api/v1/timelines/home?limit=40']);
  });
});
