/**
 * The user's browser in OAuth tests: opens the authorization URL, follows the instance's redirect
 * to the loopback listener (as a browser would), or reads the out-of-band code off the page.
 */
export async function approveInBrowser(authorizeUrl: string): Promise<{ status: number; page: string }> {
  const answer = await fetch(authorizeUrl, { redirect: 'manual' });
  await answer.text();
  const location = answer.headers.get('location');
  if (answer.status !== 302 || !location) throw new Error(`the instance did not redirect (${answer.status})`);
  const landed = await fetch(location);
  return { status: landed.status, page: await landed.text() };
}

/** The code Mastodon shows for `urn:ietf:wg:oauth:2.0:oob`, as the user would copy it. */
export async function readOobCode(authorizeUrl: string): Promise<string> {
  const answer = await fetch(authorizeUrl);
  const page = await answer.text();
  const code = /class="oauth-code"[^>]*value="([^"]+)"/.exec(page)?.[1];
  if (!code) throw new Error(`no code on the authorization page (${answer.status})`);
  return code;
}
