import { timingSafeEqual } from 'node:crypto';

export const LOOPBACK_ADDRESS = '127.0.0.1';

/**
 * Why a connection to the host is refused. The host only ever listens on 127.0.0.1, but any web
 * page the user visits can still try to reach it (DNS rebinding, cross-site WebSockets), so the
 * Host header, the Origin and the per-launch token are all checked.
 */
export type Refusal = 'foreign_host' | 'foreign_origin' | 'missing_token' | 'wrong_token';

export function expectedHost(port: number): string {
  return `${LOOPBACK_ADDRESS}:${port}`;
}

export function expectedOrigin(port: number): string {
  return `http://${expectedHost(port)}`;
}

export function isOwnHost(hostHeader: string | undefined, port: number): boolean {
  return hostHeader === expectedHost(port);
}

export function checkBridgeRequest(
  request: { host: string | undefined; origin: string | undefined; token: string | null },
  port: number,
  token: string,
): Refusal | null {
  if (!isOwnHost(request.host, port)) return 'foreign_host';
  if (request.origin !== expectedOrigin(port)) return 'foreign_origin';
  if (!request.token) return 'missing_token';
  if (!tokensMatch(request.token, token)) return 'wrong_token';
  return null;
}

function tokensMatch(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
