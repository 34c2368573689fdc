// The official AT Protocol dev network (PLC, PDS, AppView, and the bsync and Ozone services
// TestNetwork brings along) for one test file, on the Postgres and Redis that globalSetup.mjs
// started. Also: a fetch that only ever talks to 127.0.0.1, users, and token surgery.
import { createHmac, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AtpAgent } from '@atproto/api';
import { TestNetwork } from '@atproto/dev-env';
import { inject } from 'vitest';

export interface BlueskyServicesEnv {
  DB_POSTGRES_URL: string;
  DB_POSTGRES_SCHEMA: string;
  REDIS_HOST: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    blueskyServices: BlueskyServicesEnv;
  }
}

export interface DevNetwork {
  network: TestNetwork;
  /** The PDS as a user would type it, on 127.0.0.1. */
  pdsUrl: string;
  close(): Promise<void>;
}

/**
 * Starts a TestNetwork in a Postgres schema of its own (a fresh name per file: [A-Za-z_] only),
 * with the PDS's rate limits on so that responses carry real RateLimit-* headers. The dev
 * network writes its PDS data folders to os.tmpdir(); we point that at a folder we remove.
 */
export async function startDevNetwork(): Promise<DevNetwork> {
  const services = inject('blueskyServices');
  const letters = Array.from(randomBytes(6), (b) => String.fromCharCode(97 + (b % 26))).join('');
  const previousTmp = process.env.TMPDIR;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'leitstand-devnet-'));
  process.env.TMPDIR = tmp;
  process.env.REDIS_HOST = services.REDIS_HOST;
  try {
    const network = await TestNetwork.create({
      dbPostgresUrl: services.DB_POSTGRES_URL,
      dbPostgresSchema: `${services.DB_POSTGRES_SCHEMA}_${letters}`,
      pds: { rateLimitsEnabled: true },
    });
    return {
      network,
      pdsUrl: `http://127.0.0.1:${network.pds.port}`,
      async close() {
        try {
          await network.close();
        } finally {
          if (previousTmp === undefined) delete process.env.TMPDIR;
          else process.env.TMPDIR = previousTmp;
          fs.rmSync(tmp, { recursive: true, force: true });
        }
      },
    };
  } catch (error) {
    process.env.TMPDIR = previousTmp;
    fs.rmSync(tmp, { recursive: true, force: true });
    throw error;
  }
}

/**
 * fetch for everything the tests and the connector send: loopback only. The dev network
 * advertises its PDS as http://localhost:<port> (in DID documents, which @atproto/api follows);
 * that is rewritten to 127.0.0.1, and any other host fails the request loudly.
 */
export function loopbackFetch(log?: string[]): typeof globalThis.fetch {
  return async (input, init) => {
    const original = input instanceof Request ? input : new Request(input, init);
    const url = new URL(original.url);
    if (url.hostname === 'localhost') url.hostname = '127.0.0.1';
    if (url.hostname !== '127.0.0.1') throw new Error(`test fetch refused a request to ${url.host}: only 127.0.0.1 is allowed`);
    log?.push(url.pathname);
    const request = new Request(url, {
      method: original.method,
      headers: original.headers,
      body: original.body,
      signal: original.signal,
      redirect: original.redirect,
      duplex: 'half',
    } as RequestInit);
    return globalThis.fetch(request);
  };
}

export interface TestUser {
  did: string;
  handle: string;
  mainPassword: string;
  /** Signed in with the main password: for what a user does in the Bluesky app. */
  agent: AtpAgent;
}

export async function createUser(dev: DevNetwork, name: string): Promise<TestUser> {
  const agent = new AtpAgent({ service: dev.pdsUrl, fetch: loopbackFetch() });
  const handle = `${name}.test`;
  const mainPassword = `${name}-main-password`;
  const { data } = await agent.createAccount({ handle, email: `${name}@leitstand.test`, password: mainPassword });
  return { did: data.did, handle, mainPassword, agent };
}

/**
 * The same access token, but expired an hour ago and signed with the dev PDS's own JWT key, so
 * the PDS answers exactly as it does for a token that aged out (400 ExpiredToken).
 */
export function expiredCopyOf(accessJwt: string, dev: DevNetwork): string {
  const [header, payload] = accessJwt.split('.');
  const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString('utf8')) as Record<string, unknown>;
  const now = Math.floor(Date.now() / 1000);
  const body = `${header}.${Buffer.from(JSON.stringify({ ...claims, iat: now - 3 * 3600, exp: now - 3600 })).toString('base64url')}`;
  const signature = createHmac('sha256', dev.network.pds.jwtSecretKey()).update(body).digest('base64url');
  return `${body}.${signature}`;
}

export function jwtClaims(jwt: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;
}
