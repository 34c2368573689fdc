// The renderer's WebSocket client against a `ws` server on loopback that also sends what the real
// host never would (results and events that break the contract), to see the client refuse them.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, test } from 'vitest';
import { WebSocketServer, type WebSocket as ServerSocket } from 'ws';
import { createSocketClient } from '../../src/renderer/src/transport/socketClient';

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

async function fakeHost() {
  const server = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  const sockets: ServerSocket[] = [];
  server.on('connection', (socket) => {
    sockets.push(socket);
    socket.on('message', (data) => {
      const frame = JSON.parse(String(data)) as { id: string; method: string };
      if (frame.method === 'settings.get') socket.send(JSON.stringify({ id: frame.id, result: { language: 'de', theme: 'dark' } }));
      if (frame.method === 'workspaces.create')
        socket.send(JSON.stringify({ id: frame.id, error: { code: 'conflict', message: 'A workspace named "x" already exists.' } }));
      if (frame.method === 'workspaces.list') socket.send(JSON.stringify({ id: frame.id, result: { not: 'a list' } }));
      // app.info is never answered.
    });
  });
  cleanups.push(() => server.close());
  await new Promise((resolve) => server.once('listening', resolve));
  return { url: `ws://127.0.0.1:${(server.address() as AddressInfo).port}/api`, sockets };
}

describe('the renderer WebSocket client', () => {
  test('answers, typed errors, contract checks on results and events', async () => {
    const host = await fakeHost();
    const problems: string[] = [];
    const { client, close } = createSocketClient({ url: host.url, onProtocolError: (m) => problems.push(m) });
    cleanups.push(close);

    expect(await client.settings.get({})).toEqual({ language: 'de', theme: 'dark' });
    await expect(client.workspaces.create({ name: 'x' })).rejects.toMatchObject({ name: 'AppError', code: 'conflict' });
    await expect(client.workspaces.list({})).rejects.toMatchObject({ code: 'internal' });

    const seen: unknown[] = [];
    client.on('settings.changed', (payload) => seen.push(payload));
    host.sockets[0]!.send(JSON.stringify({ event: 'settings.changed', payload: { language: 'en', theme: 'light' } }));
    host.sockets[0]!.send(JSON.stringify({ event: 'settings.changed', payload: { language: 'xx' } }));
    host.sockets[0]!.send(JSON.stringify({ event: 'no.such.event', payload: {} }));
    await expect.poll(() => problems.length).toBe(2);
    expect(seen).toEqual([{ language: 'en', theme: 'light' }]);
  });

  test('a drop rejects what was in flight, reconnects, and sends what was asked meanwhile', async () => {
    const host = await fakeHost();
    const { client, connection, close } = createSocketClient({ url: host.url, backoffMs: () => 20 });
    cleanups.push(close);
    const states: string[] = [];
    connection.subscribe((state) => states.push(state.kind));

    await client.settings.get({});
    const unanswered = client.app.info({});
    await expect.poll(() => host.sockets.length).toBe(1);
    host.sockets[0]!.terminate();
    await expect(unanswered).rejects.toMatchObject({ code: 'internal' });
    expect(await client.settings.get({})).toEqual({ language: 'de', theme: 'dark' });
    expect(host.sockets).toHaveLength(2);
    expect(states).toEqual(['open', 'reconnecting', 'open']);
  });

  test('a refused handshake (wrong token) ends in "refused", not in endless retries', async () => {
    const server = http.createServer();
    server.on('upgrade', (_request, socket) =>
      socket.end('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\nContent-Length: 0\r\n\r\n'),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => server.close());
    const { client, connection, close } = createSocketClient({
      url: `ws://127.0.0.1:${(server.address() as AddressInfo).port}/api?token=wrong`,
    });
    cleanups.push(close);
    await expect(client.settings.get({})).rejects.toMatchObject({ code: 'unauthorized' });
    expect(connection.getState()).toEqual({ kind: 'refused' });
  });
});
