import type { Locator, Page } from '@playwright/test';
import { connectBluesky, startAliceAndBob } from './blueskyAccount';
import { postAs, type DevUser, type E2eDevNetwork, type PostRef } from './blueskyNetwork';
import { CoreClient } from './coreClient';
import { createWorkspace, openApp } from './fixtures';
import { expect, test } from './keyringHost';

/**
 * The inbox end to end, against the official AT Protocol dev network: account A (alice) is
 * connected in Leitstand; B (bob) mentions A three times and replies to one of A's posts; all four
 * land in the Inbox. Three are triaged with the keyboard only (a assign, t tag, e done), the last
 * one is answered with a saved reply (Saved replies → Enter → Ctrl+Enter), and the network shows
 * exactly one reply from A, threaded under that mention. The Contact panel shows B's history.
 *
 * Set-up the spec is not about (an agent, a saved reply, around-the-clock hours so the inbox order
 * is the order of arrival) goes through the core's own API (e2e/coreClient.ts).
 */

const REPLY_TO_POST = 'Wann genau öffnet ihr morgen in Basel?';
const MENTIONS = [
  '@alice.test meine Lieferung ist seit einer Woche unterwegs',
  '@alice.test die App stürzt beim Bezahlen ab',
  '@alice.test wo bleibt meine Bestellung 4711?',
];
const ANSWERED = MENTIONS[2]!;
const TRIAGED = [REPLY_TO_POST, MENTIONS[0]!, MENTIONS[1]!];
const SAVED_REPLY_BODY = 'Hallo {{author.handle}}, danke für Ihre Geduld! Wir schauen uns Ihre Bestellung gleich an.';

function inboxList(page: Page): Locator {
  return page.getByRole('listbox', { name: 'Inbox items' });
}

function option(page: Page, text: string): Locator {
  return inboxList(page).getByRole('option', { name: `bob.test: ${text.slice(0, 80)}` });
}

/**
 * Moves the list's keyboard focus to the option whose name ends with `text`, with j and k only.
 * The current option is the focused one, the active descendant, or the selected one.
 */
async function moveTo(page: Page, text: string): Promise<void> {
  const wanted = `bob.test: ${text.slice(0, 80)}`;
  for (let step = 0; step < 12; step++) {
    const { names, current } = await inboxList(page).evaluate((list) => {
      const options = [...list.querySelectorAll('[role="option"]')];
      const descendant = list.getAttribute('aria-activedescendant');
      const active = list.ownerDocument.activeElement;
      const index = options.findIndex((o) => o === active || (descendant !== null && o.id === descendant));
      return {
        names: options.map((o) => (o.getAttribute('aria-label') ?? o.textContent ?? '').trim()),
        current: index >= 0 ? index : options.findIndex((o) => o.getAttribute('aria-selected') === 'true'),
      };
    });
    const target = names.findIndex((name) => name.includes(wanted));
    if (target < 0) throw new Error(`No inbox item "${wanted}" among ${JSON.stringify(names)}`);
    if (target === current) return;
    await page.keyboard.press(current < 0 || target > current ? 'j' : 'k');
  }
  throw new Error(`j/k did not reach "${wanted}"`);
}

test.describe('Inbox with the Bluesky dev network', () => {
  let dev: E2eDevNetwork;
  let alice: DevUser;
  let bob: DevUser;
  let appPassword: string;
  let alicePost: PostRef;

  // Playwright reads the fixtures a hook needs from this pattern; this one needs none.
  // eslint-disable-next-line no-empty-pattern
  test.beforeAll(async ({}, testInfo) => {
    testInfo.setTimeout(240_000);
    ({ dev, alice, bob, appPassword } = await startAliceAndBob());
    alicePost = await postAs(alice, 'Ab morgen sind wir auch in Basel für euch da.');
    await dev.network.processAll();
  });

  test.afterAll(async () => {
    await dev?.close();
  });

  test('mentions land in the inbox; three are triaged by keyboard, one is answered once with a saved reply; the contact shows the history', async ({ page, keyringHost }) => {
    test.setTimeout(240_000);
    await openApp(page, keyringHost.url);
    await createWorkspace(page, 'Brand');
    const core = await CoreClient.connect(keyringHost.url);
    try {
      const { workspaces } = await core.call('workspaces.list', {});
      const workspaceId = workspaces.find((w) => w.name === 'Brand')!.id;
      const agent = await core.call('agents.create', { workspaceId, agent: { name: 'Anna Keller', initials: 'AK', signature: '^AK' } });
      await core.call('inbox.setSettings', {
        workspaceId,
        settings: { currentAgentId: agent.id, businessHours: [null, null, null, null, null, null, null], signaturePlacement: 'replies' },
      });
      await core.call('savedReplies.save', { workspaceId, reply: { title: 'Lieferstatus', body: SAVED_REPLY_BODY, keywords: ['bestellung', 'lieferung'] } });
      await core.call('savedReplies.save', { workspaceId, reply: { title: 'Öffnungszeiten', body: 'Wir haben Mo–Fr 9–18 Uhr offen.' } });

      await connectBluesky(page, dev, appPassword);

      // B writes after A is connected, in this order (the inbox sorts by what is due first).
      const bobReply = await postAs(bob, REPLY_TO_POST, alicePost);
      const mentions: PostRef[] = [];
      for (const text of MENTIONS) mentions.push(await postAs(bob, text));
      const answered = mentions[2]!;
      await dev.network.processAll();

      // The account's inbox source polls every 30 s (Bluesky's default), so allow for one round.
      await page.getByRole('tab', { name: 'Inbox' }).click();
      const list = inboxList(page);
      for (const text of [...TRIAGED, ANSWERED]) await expect(option(page, text)).toBeVisible({ timeout: 60_000 });
      await expect(list.getByRole('option')).toHaveCount(4);

      // Triage with the keyboard only. Focus goes into the list as a Tab would put it there.
      await list.getByRole('option').first().focus();
      for (const text of TRIAGED) {
        await moveTo(page, text);
        await page.keyboard.press('a');
        const assign = page.getByRole('dialog', { name: 'Assign' });
        await expect(assign).toBeVisible();
        await page.keyboard.type('Anna');
        await page.keyboard.press('Enter');
        await expect(assign).toBeHidden();

        await page.keyboard.press('t');
        const tag = page.getByRole('dialog', { name: 'Add tag' });
        await expect(tag.getByRole('textbox', { name: 'Tag' })).toBeFocused();
        await page.keyboard.type('lieferung');
        await page.keyboard.press('Enter');
        if (await tag.isVisible()) await page.keyboard.press('Escape');
        await expect(tag).toBeHidden();

        await page.keyboard.press('e');
        await expect(option(page, text)).toBeHidden();
      }
      await expect(list.getByRole('option')).toHaveCount(1);
      const done = await core.call('inbox.list', { workspaceId, filter: { statuses: ['done'] } });
      expect(done.items.map((entry) => entry.item.text).sort()).toEqual([...TRIAGED].sort());
      for (const entry of done.items) {
        expect(entry.assigneeId, entry.item.text).toBe(agent.id);
        expect(entry.tags, entry.item.text).toContain('lieferung');
      }

      // The last mention: its conversation and B's contact history.
      await moveTo(page, ANSWERED);
      await page.keyboard.press('Enter');
      const conversation = page.getByRole('region', { name: 'Conversation' });
      await expect(conversation).toContainText(ANSWERED);
      const history = page.getByRole('region', { name: 'Contact' }).getByRole('list', { name: 'Contact history' });
      for (const text of [...TRIAGED, ANSWERED]) await expect(history.getByRole('listitem').filter({ hasText: text })).toBeVisible();

      // Answer with the saved reply: r, the picker (Ctrl+Shift+S), Enter inserts it, Ctrl+Enter sends.
      await page.keyboard.press('r');
      const reply = page.getByRole('textbox', { name: 'Reply' });
      await expect(reply).toBeFocused();
      // The composer's "Saved replies" button, by its shortcut.
      await expect(page.getByRole('button', { name: 'Saved replies', exact: true })).toHaveAttribute('aria-keyshortcuts', 'Control+Shift+S');
      await page.keyboard.press('Control+Shift+S');
      const picker = page.getByRole('dialog', { name: 'Saved replies' });
      const search = picker.getByRole('searchbox', { name: 'Search saved replies' });
      await expect(search).toBeFocused();
      await page.keyboard.type('Liefer');
      await expect(picker.getByRole('option', { name: 'Lieferstatus' })).toBeVisible();
      await expect(picker.getByRole('option', { name: 'Öffnungszeiten' })).toBeHidden();
      await page.keyboard.press('Enter');
      await expect(picker).toBeHidden();
      await expect(reply).toHaveValue(/Hallo @?bob\.test, danke für Ihre Geduld! Wir schauen uns Ihre Bestellung gleich an\./);
      await expect(reply).toBeFocused();
      await page.keyboard.press('Control+Enter');

      await expect
        .poll(async () => (await core.call('outbox.list', { workspaceId })).entries.map((entry) => entry.state), { timeout: 30_000 })
        .toEqual(['published']);
      await dev.network.processAll();

      // On the network: exactly one reply by A, under the answered mention (root and parent), none elsewhere.
      const thread = await bob.agent.getPostThread({ uri: answered.uri, depth: 2 });
      const root = thread.data.thread as { replies?: Array<{ post: { uri: string; author: { did: string }; record: unknown } }> };
      expect(root.replies ?? []).toHaveLength(1);
      const sent = root.replies![0]!.post;
      expect(sent.author.did).toBe(alice.did);
      const record = sent.record as { text: string; reply: { root: PostRef; parent: PostRef } };
      expect(record.reply.parent.uri).toBe(answered.uri);
      expect(record.reply.root.uri).toBe(answered.uri);
      expect(record.text).toContain('Wir schauen uns Ihre Bestellung gleich an.');
      expect(record.text).toContain('^AK');
      const feed = await bob.agent.getAuthorFeed({ actor: alice.did, limit: 20 });
      expect(feed.data.feed.map((entry) => entry.post.uri).sort()).toEqual([alicePost.uri, sent.uri].sort());
      for (const other of [...mentions.slice(0, 2), bobReply]) {
        const otherThread = (await bob.agent.getPostThread({ uri: other.uri, depth: 1 })).data.thread as { replies?: unknown[] };
        expect(otherThread.replies ?? []).toHaveLength(0);
      }

      // The item is answered: done, with its first response; the history holds what we sent.
      const after = await core.call('inbox.list', { workspaceId, filter: { statuses: ['done'] } });
      const answeredEntry = after.items.find((entry) => entry.item.text === ANSWERED);
      expect(answeredEntry?.firstResponseAt).toBeTruthy();
      const bobHistory = await core.call('contacts.history', { workspaceId, author: { network: 'bluesky', remoteId: bob.did } });
      expect(bobHistory.entries.filter((entry) => entry.direction === 'in').map((entry) => entry.item.text).sort()).toEqual([...TRIAGED, ANSWERED].sort());
      expect(bobHistory.entries.filter((entry) => entry.direction === 'out').map((entry) => entry.item.text)).toEqual([record.text]);
    } finally {
      core.close();
    }
  });
});
