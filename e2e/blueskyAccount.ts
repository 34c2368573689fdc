import type { Page } from '@playwright/test';
import { createDevUser, startE2eDevNetwork, type DevUser, type E2eDevNetwork } from './blueskyNetwork';
import { expect } from './keyringHost';

export interface AliceAndBob {
  dev: E2eDevNetwork;
  /** The account Leitstand connects, with an app password. */
  alice: DevUser;
  /** Someone who writes to alice. */
  bob: DevUser;
  appPassword: string;
}

/** A fresh dev network (its start-up logged) with alice, her app password, and bob. */
export async function startAliceAndBob(): Promise<AliceAndBob> {
  const dev = await startE2eDevNetwork((line) => console.log(line));
  const alice = await createDevUser(dev, 'alice');
  const bob = await createDevUser(dev, 'bob');
  const appPassword = (await alice.agent.com.atproto.server.createAppPassword({ name: 'leitstand' })).data.password;
  await dev.network.processAll();
  return { dev, alice, bob, appPassword };
}

/** Accounts → Connect Bluesky account, as a user does it: alice on the dev network's PDS. */
export async function connectBluesky(page: Page, dev: E2eDevNetwork, appPassword: string): Promise<void> {
  await page.getByRole('main').getByRole('button', { name: /^Accounts/ }).click();
  const accounts = page.getByRole('dialog', { name: 'Accounts' });
  await accounts.getByRole('button', { name: 'Connect Bluesky account' }).click();
  const connect = page.getByRole('dialog', { name: 'Connect a Bluesky account' });
  await connect.getByRole('textbox', { name: 'Server' }).fill(dev.pdsUrl);
  await connect.getByRole('textbox', { name: 'Handle or DID' }).fill('alice.test');
  await connect.getByLabel('App password').fill(appPassword);
  await connect.getByRole('button', { name: 'Connect' }).click();
  await expect(accounts.getByRole('status')).toHaveText('@alice.test is connected.');
  await accounts.getByRole('button', { name: 'Close' }).click();
  await expect(accounts).toBeHidden();
}
