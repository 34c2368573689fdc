import { afterEach, beforeEach, expect } from 'vitest';
import { FakeMastodon, startFakeMastodon } from './server';

export { FakeMastodon, startFakeMastodon, openApiValidator } from './server';
export { approveInBrowser, readOobCode } from './browser';

/**
 * A fresh fake per test, closed afterwards, and every request and response of the test checked
 * against the OpenAPI document: any violation fails the test that caused it.
 */
export function useFakeMastodon(): () => FakeMastodon {
  let fake: FakeMastodon | null = null;
  beforeEach(async () => {
    fake = await startFakeMastodon();
  });
  afterEach(async () => {
    const current = fake!;
    fake = null;
    await current.close();
    expect(current.violations, 'requests and responses outside the Mastodon OpenAPI document').toEqual([]);
  });
  return () => {
    if (!fake) throw new Error('the fake Mastodon runs only inside a test');
    return fake;
  };
}
