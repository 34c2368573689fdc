import fs from 'node:fs';
import path from 'node:path';
import http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createCore, type Core } from '../../src/main/core/createCore';
import { startHost, type Host } from '../../src/main/host/server';
import { CONTENT_SECURITY_POLICY } from '../../src/shared/security/csp';
import { tempDir } from '../support/tempDir';

let core: Core | undefined;
let host: Host | undefined;

afterEach(async () => {
  await host?.close();
  core?.close();
  host = undefined;
  core = undefined;
});

async function start(): Promise<Host> {
  const dataDir = tempDir();
  const rendererDir = tempDir();
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Leitstand</title>');
  core = createCore({ dataDir, appVersion: '0.0.0-test', shell: 'headless', log: () => {} });
  host = await startHost({ core, rendererDir, port: 0 });
  return host;
}

interface Attempt {
  token?: string | null;
  origin?: string | null;
  hostHeader?: string;
  path?: string;
}

/** Tries to open the bridge; resolves with the open socket or the HTTP status it was refused with. */
function connect(h: Host, attempt: Attempt = {}): Promise<{ socket?: WebSocket; status?: number }> {
  const token = attempt.token === undefined ? h.token : attempt.token;
  const query = token === null ? '' : `?token=${encodeURIComponent(token)}`;
  const headers: Record<string, string> = { Host: attempt.hostHeader ?? `127.0.0.1:${h.port}` };
  const origin = attempt.origin === undefined ? `http://127.0.0.1:${h.port}` : attempt.origin;
  const socket = new WebSocket(`ws://127.0.0.1:${h.port}${attempt.path ?? '/api'}${query}`, {
    headers,
    ...(origin === null ? {} : { origin }),
  });
  return new Promise((resolve) => {
    socket.once('open', () => resolve({ socket }));
    socket.once('unexpected-response', (_req, res) => resolve({ status: res.statusCode }));
    socket.once('error', () => resolve({ status: -1 }));
  });
}

function request(socket: WebSocket, frame: unknown): Promise<Record<string, unknown>> {
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData) => {
      const parsed = JSON.parse(data.toString());
      if ('event' in parsed) return;
      socket.off('message', onMessage);
      resolve(parsed);
    };
    socket.on('message', onMessage);
    socket.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
  });
}

function httpGet(h: Host, pathname: string, hostHeader = `127.0.0.1:${h.port}`) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port: h.port, path: pathname, headers: { Host: hostHeader } }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
  });
}

describe('headless host', () => {
  it('prints a loopback URL with a fresh random token in the fragment', async () => {
    const h = await start();
    expect(h.url).toBe(`http://127.0.0.1:${h.port}/#token=${h.token}`);
    expect(h.token.length).toBeGreaterThanOrEqual(40);
    const other = await startHost({ core: core!, rendererDir: tempDir(), port: 0 });
    expect(other.token).not.toBe(h.token);
    await other.close();
  });

  it('accepts the right token from its own origin and answers requests', async () => {
    const h = await start();
    const { socket, status } = await connect(h);
    expect(status).toBeUndefined();
    const created = await request(socket!, { id: 1, method: 'workspaces.create', params: { name: 'Migros' } });
    expect(created).toMatchObject({ id: 1, result: { name: 'Migros' } });
    socket!.close();
  });

  it.each<[string, Attempt, number]>([
    ['no token', { token: null }, 401],
    ['an empty token', { token: '' }, 401],
    ['a wrong token', { token: 'x'.repeat(43) }, 401],
    ['a foreign Origin', { origin: 'http://evil.example' }, 403],
    ['no Origin', { origin: null }, 403],
    ['a loopback Origin on another port', { origin: 'http://127.0.0.1:1' }, 403],
    ['a foreign Host', { hostHeader: 'evil.example' }, 421],
    ['localhost as Host', { hostHeader: 'localhost' }, 421],
    ['another path', { path: '/other' }, 404],
  ])('refuses a bridge connection with %s', async (_name, attempt, expected) => {
    const h = await start();
    const { socket, status } = await connect(h, attempt);
    socket?.close();
    expect(socket).toBeUndefined();
    expect(status).toBe(expected);
  });

  it('answers an unknown method, bad JSON and a malformed frame with typed errors', async () => {
    const h = await start();
    const { socket } = await connect(h);
    expect(await request(socket!, { id: 'a', method: 'workspaces.explode', params: {} })).toEqual({
      id: 'a',
      error: { code: 'unknown_method', message: expect.stringContaining('workspaces.explode') },
    });
    expect(await request(socket!, '{not json')).toMatchObject({ id: null, error: { code: 'invalid_params' } });
    expect(await request(socket!, { id: 7, params: {} })).toMatchObject({ id: 7, error: { code: 'invalid_params' } });
    expect(await request(socket!, { id: 8, method: 'workspaces.create', params: { name: '' } })).toMatchObject({
      id: 8,
      error: { code: 'invalid_params' },
    });
    // The socket survives all of that.
    expect(await request(socket!, { id: 9, method: 'workspaces.list' })).toMatchObject({ id: 9, result: { workspaces: [] } });
    socket!.close();
  });

  it('forwards core events to every connected tab', async () => {
    const h = await start();
    const first = (await connect(h)).socket!;
    const second = (await connect(h)).socket!;
    const seen = new Promise<Record<string, unknown>>((resolve) =>
      second.on('message', (data) => {
        const frame = JSON.parse(data.toString());
        if (frame.event) resolve(frame);
      }),
    );
    await request(first, { id: 1, method: 'workspaces.create', params: { name: 'Helsana' } });
    const event = await seen;
    expect(event.event).toBe('workspaces.changed');
    expect(JSON.stringify(event.payload)).toContain('Helsana');
    first.close();
    second.close();
  });

  it('serves the renderer with the strict CSP, only to its own Host, and nothing outside its folder', async () => {
    const h = await start();
    const page = await httpGet(h, '/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Leitstand</title>');
    expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect((await httpGet(h, '/', 'rebind.example:80')).status).toBe(421);
    expect((await httpGet(h, '/../../etc/passwd')).status).toBe(404);
    expect((await httpGet(h, '/%2e%2e/%2e%2e/etc/passwd')).status).toBe(404);
    expect((await httpGet(h, '/missing.js')).status).toBe(404);
  });

  it('closes open sockets when it shuts down', async () => {
    const h = await start();
    const { socket } = await connect(h);
    const closed = new Promise<number>((resolve) => socket!.once('close', (code) => resolve(code)));
    await h.close();
    expect(await closed).toBe(1001);
  });
});
