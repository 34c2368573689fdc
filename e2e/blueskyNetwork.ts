import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AtpAgent } from '@atproto/api';
import type { TestNetwork } from '@atproto/dev-env';

/**
 * The official AT Protocol dev network (PLC, PDS, AppView) for a Playwright spec, in the worker
 * process that runs it (network.processAll() must be called where the network lives). It needs a
 * Postgres and a Redis: started privately on loopback by scripts/lib/bluesky-services.mjs, whose
 * Debian packages are installed first (or named, when that is not possible) exactly as for the
 * vitest 'bluesky' project, so this spec can never pass by skipping the network.
 */

interface BlueskyServices {
  env: { DB_POSTGRES_URL: string; DB_POSTGRES_SCHEMA: string; REDIS_HOST: string };
  stop(): Promise<void>;
}

interface BlueskyServicesModule {
  ensureBlueskyPackages(log?: (line: string) => void): string[];
  startBlueskyServices(options?: { log?: (line: string) => void }): Promise<BlueskyServices>;
}

export interface E2eDevNetwork {
  network: TestNetwork;
  /** The PDS as a user types it into Leitstand: on 127.0.0.1. */
  pdsUrl: string;
  close(): Promise<void>;
}

export interface DevUser {
  did: string;
  handle: string;
  mainPassword: string;
  /** Signed in with the main password: what the person does in the Bluesky app. */
  agent: AtpAgent;
}

const SERVICES_MODULE = pathToFileURL(path.resolve(__dirname, '../scripts/lib/bluesky-services.mjs')).href;

/**
 * fetch for the test's own agents: loopback only. The dev network names its PDS
 * http://localhost:<port> in DID documents, which @atproto/api follows; that becomes 127.0.0.1,
 * and any other host fails loudly.
 */
function loopbackFetch(): typeof globalThis.fetch {
  return async (input, init) => {
    const original = input instanceof Request ? input : new Request(input, init);
    const url = new URL(original.url);
    if (url.hostname === 'localhost') url.hostname = '127.0.0.1';
    if (url.hostname !== '127.0.0.1') throw new Error(`test fetch refused a request to ${url.host}: only 127.0.0.1 is allowed`);
    return globalThis.fetch(
      new Request(url, {
        method: original.method,
        headers: original.headers,
        body: original.body,
        signal: original.signal,
        redirect: original.redirect,
        duplex: 'half',
      } as RequestInit),
    );
  };
}

let devNetworkTmp: string | null = null;

/**
 * One folder per worker process for the dev network's files, removed when the process exits:
 * @atproto/dev-env reads os.tmpdir() once per process (for its ports folder), so a second network
 * in the same worker must find the first one's folder still there.
 */
function processTempDir(): string {
  if (devNetworkTmp) return devNetworkTmp;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'leitstand-e2e-devnet-'));
  devNetworkTmp = tmp;
  process.once('exit', () => fs.rmSync(tmp, { recursive: true, force: true }));
  return tmp;
}

export async function startE2eDevNetwork(log: (line: string) => void = () => {}): Promise<E2eDevNetwork> {
  const servicesModule = (await import(SERVICES_MODULE)) as BlueskyServicesModule;
  servicesModule.ensureBlueskyPackages(log);
  const services = await servicesModule.startBlueskyServices({ log });
  // The dev network writes its PDS folders to os.tmpdir(): a folder of ours, removed afterwards.
  const previousTmp = process.env.TMPDIR;
  const previousRedis = process.env.REDIS_HOST;
  const tmp = processTempDir();
  const restore = () => {
    if (previousTmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previousTmp;
    if (previousRedis === undefined) delete process.env.REDIS_HOST;
    else process.env.REDIS_HOST = previousRedis;
  };
  process.env.TMPDIR = tmp;
  process.env.REDIS_HOST = services.env.REDIS_HOST;
  let network: TestNetwork;
  try {
    const { TestNetwork: Network } = await import('@atproto/dev-env');
    network = await Network.create({ dbPostgresUrl: services.env.DB_POSTGRES_URL, dbPostgresSchema: services.env.DB_POSTGRES_SCHEMA });
  } catch (error) {
    restore();
    await services.stop();
    throw error;
  }
  return {
    network,
    pdsUrl: `http://127.0.0.1:${network.pds.port}`,
    async close() {
      try {
        await network.close();
      } finally {
        restore();
        await services.stop();
      }
    },
  };
}

export async function createDevUser(dev: E2eDevNetwork, name: string): Promise<DevUser> {
  const { AtpAgent: Agent } = await import('@atproto/api');
  const agent = new Agent({ service: dev.pdsUrl, fetch: loopbackFetch() });
  const handle = `${name}.test`;
  const mainPassword = `${name}-main-password`;
  const { data } = await agent.createAccount({ handle, email: `${name}@leitstand.test`, password: mainPassword });
  return { did: data.did, handle, mainPassword, agent };
}

/** A post on the network: what a reply names as its root and parent. */
export interface PostRef {
  uri: string;
  cid: string;
}

/** Posts as the Bluesky app does: mentions turned into facets, optionally as a reply. */
export async function postAs(author: DevUser, text: string, replyTo?: PostRef): Promise<PostRef> {
  const { RichText } = await import('@atproto/api');
  const rich = new RichText({ text });
  await rich.detectFacets(author.agent);
  return author.agent.post({ text: rich.text, facets: rich.facets, ...(replyTo ? { reply: { root: replyTo, parent: replyTo } } : {}) });
}
