import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeMastodon, openApiValidator } from '../../fakes/mastodon';
import { accountJson, statusJson, type FakeStatus } from '../../fakes/mastodon/entities';

/** The fake is only as good as its validator: show that it accepts the real shape and bites on anything else. */
describe('OpenAPI validation of the fake Mastodon', () => {
  const validator = openApiValidator();
  let fake: FakeMastodon;
  beforeAll(async () => {
    fake = await new FakeMastodon(validator).listen();
  });
  afterAll(() => fake.close());

  const send = async (path: string, init?: RequestInit) => {
    fake.violations.length = 0;
    const res = await fetch(`${fake.url}${path}`, init);
    await res.text();
    return [...fake.violations];
  };

  it('knows every operation of the document', () => {
    expect(validator.operationCount).toBe(210);
  });

  it('accepts a well-formed request and its response', async () => {
    const token = fake.issueToken();
    fake.state.post(fake.state.me, { tags: ['brand'], media: [{ description: 'a chart' }] });
    expect(await send('/api/v1/timelines/home?limit=40&min_id=1', { headers: { authorization: `Bearer ${token}` } })).toEqual([]);
    expect(await send('/api/v1/timelines/tag/brand?local=true')).toEqual([]);
  });

  it('flags query parameters outside the schema: unknown name, wrong type, array without []', async () => {
    const violations = await send('/api/v1/timelines/home?limit=lots&since=5');
    expect(violations).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/query parameter "since" is not documented/),
        expect.stringMatching(/query parameter "limit" must be integer/),
      ]),
    );
    expect(await send('/api/v1/notifications?types=mention')).toEqual([expect.stringMatching(/must be sent as types\[\]=/)]);
    expect(await send('/api/v1/notifications?types[]=mentions')).toEqual([expect.stringMatching(/"types"\/0 must be equal to one of the allowed values/)]);
  });

  it('flags a request body outside the schema: missing required field, unknown field, wrong type', async () => {
    const violations = await send('/api/v1/apps', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ redirect_uris: 'urn:ietf:wg:oauth:2.0:oob', scope: 'read' }),
    });
    expect(violations).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/body must have required property 'client_name'/),
        expect.stringMatching(/body\/redirect_uris must be array/),
        expect.stringMatching(/body must NOT have unevaluated properties \(scope\)/),
      ]),
    );
    expect(await send('/oauth/token', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'grant_type=x' })).toEqual(
      expect.arrayContaining([expect.stringMatching(/content type "text\/plain" is not one of application\/json/)]),
    );
  });

  it('flags a path that is not in the API', async () => {
    expect(await send('/api/v1/timelines/everything')).toEqual([expect.stringMatching(/no such operation/)]);
  });

  it('flags responses outside the schema, through $refs (Notification -> Status -> Account)', () => {
    const op = validator.match('GET', '/api/v1/notifications')!.operation;
    const lookup = { origin: fake.url, account: (id: string) => fake.state.accounts.get(id)!, status: (id: string) => fake.state.statuses.get(id)! };
    const status = fake.state.post(fake.state.me) as FakeStatus;
    const good = statusJson(status, lookup);
    const body = (s: unknown) => JSON.stringify([{ id: '7', type: 'mention', group_key: 'g', created_at: '2026-11-01T10:00:00.000Z', account: accountJson(fake.state.me, fake.url), status: s }]);
    const headers = { 'content-type': 'application/json; charset=utf-8' };
    expect(validator.checkResponse(op, { status: 200, headers, body: body(good) })).toEqual([]);

    const { acct: _acct, ...accountWithoutAcct } = good.account as Record<string, unknown>;
    const deep = validator.checkResponse(op, { status: 200, headers, body: body({ ...good, account: accountWithoutAcct }) });
    expect(deep.join('\n')).toMatch(/body\/0\/status\/account must have required property 'acct'/);

    const typo = validator.checkResponse(op, { status: 200, headers, body: body({ ...good, favorites_count: 1 }) });
    expect(typo.join('\n')).toMatch(/unevaluated properties \(favorites_count\)/);

    expect(validator.checkResponse(op, { status: 200, headers: { ...headers, 'x-ratelimit-limit': 'many' }, body: body(good) })).toEqual([
      expect.stringMatching(/header X-RateLimit-Limit must be integer/),
    ]);
    expect(validator.checkResponse(op, { status: 418, headers, body: '{}' })).toEqual([expect.stringMatching(/status 418 is not documented/)]);
    expect(validator.checkResponse(op, { status: 200, headers: { 'content-type': 'text/html' }, body: '<p>' })).toEqual([
      expect.stringMatching(/content type "text\/html"/),
    ]);
  });

  it('accepts the fixtures the fake builds, entity by entity', () => {
    expect(validator.checkSchema('Account', accountJson(fake.state.me, fake.url))).toEqual([]);
  });
});
