import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type Route = (request: http.IncomingMessage, response: http.ServerResponse) => void;

export interface SeenRequest {
  path: string;
  headers: http.IncomingHttpHeaders;
}

export interface FeedServer {
  /** Absolute URL of a path on the server. */
  url(path: string): string;
  /** Every request the server received, in order. */
  requests: SeenRequest[];
  route(path: string, handler: Route): void;
  close(): Promise<void>;
}

/** A real HTTP server on 127.0.0.1 (port 0) answering from a table of routes; 404 otherwise. */
export async function startFeedServer(): Promise<FeedServer> {
  const routes = new Map<string, Route>();
  const requests: SeenRequest[] = [];
  const server = http.createServer((request, response) => {
    const path = request.url ?? '/';
    requests.push({ path, headers: request.headers });
    const handler = routes.get(path.split('?')[0]!);
    if (handler) handler(request, response);
    else response.writeHead(404, { 'content-type': 'text/plain' }).end('not here');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    requests,
    route: (path, handler) => void routes.set(path, handler),
    close: () =>
      new Promise<void>((resolve) => {
        // Hanging test routes never answer: drop their sockets instead of waiting for them.
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function rss(items: Array<{ id?: string; title: string; link?: string; date?: string; body?: string }>, title = 'Test feed'): string {
  const entries = items
    .map(
      (item) => `    <item>
      <title>${item.title}</title>
${item.id ? `      <guid isPermaLink="false">${item.id}</guid>\n` : ''}${item.link ? `      <link>${item.link}</link>\n` : ''}${item.date ? `      <pubDate>${item.date}</pubDate>\n` : ''}      <description>${item.body ?? ''}</description>
    </item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
  <channel>
    <title>${title}</title>
    <link>https://example.org/</link>
${entries}
  </channel>
</rss>
`;
}
