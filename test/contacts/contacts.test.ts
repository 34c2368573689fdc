import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Contact, ContactIdentity } from '../../src/shared/contract/inbox';
import { addAgent, contactsFixture, person, postBy, type ContactsFixture } from './fixture';

let f: ContactsFixture;
let workspace: string;
let column: string;

const bob = person('did:plc:bob', 'bob.bsky.social', 'Bob Keller');
const bobMasto = person('https://social.example/users/bob', 'bob@social.example', 'Bob K.');
const robert = person('did:plc:robert', 'robert.bsky.social', 'Robert Keller');
const bobRef = { network: 'bluesky', remoteId: bob.remoteId } as const;
const mastoRef = { network: 'mastodon', remoteId: bobMasto.remoteId } as const;
const robertRef = { network: 'bluesky', remoteId: robert.remoteId } as const;

beforeEach(() => {
  f = contactsFixture();
  workspace = f.workspaces.create('Migros').id;
  column = f.streams.create({ workspaceId: workspace, network: 'bluesky', kind: 'search', query: 'migros', title: 'Search' }).id;
  f.items.ingest(column, [postBy(bob, 'b1', 0), postBy(robert, 'r1', 5), postBy(bobMasto, 'm1', 10, 'mastodon')]);
});
afterEach(() => f.close());

const contactRows = () => (f.store.db.prepare('SELECT COUNT(*) AS n FROM contacts').get() as { n: number }).n;
const handles = (c: Contact) => c.identities.map((i) => i.handle);

describe('contacts: notes, tags, links', () => {
  it('is a plain author until the team says something, then keeps notes signed by the current agent', async () => {
    const plain = await f.call<Contact>('contacts.get', { workspaceId: workspace, author: bobRef });
    expect(plain).toMatchObject({ tags: [], notes: [], itemCount: 1 });
    expect(handles(plain)).toEqual(['bob.bsky.social']);
    expect(contactRows()).toBe(0);

    const agent = addAgent(f.store, workspace);
    f.currentAgent.set(workspace, agent);
    const noted = await f.call<Contact>('contacts.addNote', { workspaceId: workspace, author: bobRef, text: '  Hat zweimal reklamiert  ' });
    expect(noted.notes).toEqual([{ id: expect.any(Number), agentId: agent, text: 'Hat zweimal reklamiert', createdAt: '2026-11-02T09:00:00.000Z' }]);
    expect(contactRows()).toBe(1);

    // An agent removed meanwhile (or one of another workspace) does not sign; the note is kept.
    f.currentAgent.set(workspace, '00000000-0000-4000-8000-000000000000');
    const second = await f.call<Contact>('contacts.addNote', { workspaceId: workspace, author: bobRef, text: 'Ruft lieber an' });
    expect(second.notes.map((n) => [n.text, n.agentId])).toEqual([
      ['Hat zweimal reklamiert', agent],
      ['Ruft lieber an', null],
    ]);
  });

  it('sets tags as a set (lower case, once each) and forgets a contact that no longer says anything', async () => {
    const tagged = await f.call<Contact>('contacts.setTags', { workspaceId: workspace, author: bobRef, tags: ['VIP', 'vip', 'Presse'] });
    expect(tagged.tags).toEqual(['presse', 'vip']);
    const replaced = await f.call<Contact>('contacts.setTags', { workspaceId: workspace, author: bobRef, tags: ['presse'] });
    expect(replaced.tags).toEqual(['presse']);
    const cleared = await f.call<Contact>('contacts.setTags', { workspaceId: workspace, author: bobRef, tags: [] });
    expect(cleared.tags).toEqual([]);
    expect(contactRows()).toBe(0);
    // Clearing the tags of a plain author is harmless.
    await f.call<Contact>('contacts.setTags', { workspaceId: workspace, author: robertRef, tags: [] });
    expect(contactRows()).toBe(0);
    await expect(f.call('contacts.setTags', { workspaceId: workspace, author: bobRef, tags: ['a,b'] })).rejects.toMatchObject({ code: 'invalid_params' });
  });

  it('links profiles, and merging two contacts keeps every note and tag', async () => {
    await f.call('contacts.addNote', { workspaceId: workspace, author: bobRef, text: 'Note on Bluesky' });
    await f.call('contacts.setTags', { workspaceId: workspace, author: bobRef, tags: ['vip', 'presse'] });
    await f.call('contacts.addNote', { workspaceId: workspace, author: mastoRef, text: 'Note on Mastodon' });
    await f.call('contacts.setTags', { workspaceId: workspace, author: mastoRef, tags: ['vip', 'mastodon'] });
    expect(contactRows()).toBe(2);

    const merged = await f.call<Contact>('contacts.link', { workspaceId: workspace, author: mastoRef, other: bobRef });
    expect(contactRows()).toBe(1);
    expect(handles(merged)).toEqual(['bob.bsky.social', 'bob@social.example']);
    expect(merged.tags).toEqual(['mastodon', 'presse', 'vip']);
    expect(merged.notes.map((n) => n.text)).toEqual(['Note on Bluesky', 'Note on Mastodon']);
    expect(merged.itemCount).toBe(2);
    // Both profiles now answer with the same person; linking again changes nothing.
    expect(await f.call<Contact>('contacts.get', { workspaceId: workspace, author: bobRef })).toEqual(merged);
    expect(await f.call<Contact>('contacts.link', { workspaceId: workspace, author: bobRef, other: mastoRef })).toEqual(merged);

    // A third profile joins an existing contact.
    const three = await f.call<Contact>('contacts.link', { workspaceId: workspace, author: robertRef, other: bobRef });
    expect(handles(three)).toEqual(['bob.bsky.social', 'robert.bsky.social', 'bob@social.example']);
    expect(three.itemCount).toBe(3);
    expect(contactRows()).toBe(1);
  });

  it('links two plain authors into a new contact, and unlink takes one profile out again', async () => {
    const linked = await f.call<Contact>('contacts.link', { workspaceId: workspace, author: bobRef, other: robertRef });
    expect(handles(linked)).toEqual(['bob.bsky.social', 'robert.bsky.social']);
    await f.call('contacts.addNote', { workspaceId: workspace, author: robertRef, text: 'Same person, two accounts' });

    const rest = await f.call<Contact>('contacts.unlink', { workspaceId: workspace, author: robertRef });
    // The answer is the contact the profile left; notes stay with it.
    expect(handles(rest)).toEqual(['bob.bsky.social']);
    expect(rest.notes.map((n) => n.text)).toEqual(['Same person, two accounts']);
    const robertAlone = await f.call<Contact>('contacts.get', { workspaceId: workspace, author: robertRef });
    expect(robertAlone).toMatchObject({ tags: [], notes: [], itemCount: 1 });
    expect(handles(robertAlone)).toEqual(['robert.bsky.social']);

    // Two linked profiles with nothing said: unlinking leaves two plain authors, no empty contact.
    await f.call('contacts.link', { workspaceId: workspace, author: robertRef, other: mastoRef });
    expect(contactRows()).toBe(2);
    await f.call('contacts.unlink', { workspaceId: workspace, author: mastoRef });
    expect(contactRows()).toBe(1);
    // Unlinking a profile that stands alone changes nothing.
    const alone = await f.call<Contact>('contacts.unlink', { workspaceId: workspace, author: mastoRef });
    expect(handles(alone)).toEqual(['bob@social.example']);
  });

  it('refuses what makes no sense, with a clear error, and changes nothing', async () => {
    await expect(f.call('contacts.link', { workspaceId: workspace, author: bobRef, other: bobRef })).rejects.toMatchObject({ code: 'invalid_params' });
    const nobody = { network: 'bluesky', remoteId: 'did:plc:nobody' };
    await expect(f.call('contacts.addNote', { workspaceId: workspace, author: nobody, text: 'x' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(f.call('contacts.addNote', { workspaceId: workspace, author: bobRef, text: '   ' })).rejects.toMatchObject({ code: 'invalid_params' });
    await expect(f.call('contacts.get', { workspaceId: '00000000-0000-4000-8000-000000000000', author: bobRef })).rejects.toMatchObject({ code: 'not_found' });
    f.workspaces.archive(workspace);
    await expect(f.call('contacts.addNote', { workspaceId: workspace, author: bobRef, text: 'x' })).rejects.toMatchObject({ code: 'conflict' });
    // Reading an archived workspace's people still works.
    expect((await f.call<Contact>('contacts.get', { workspaceId: workspace, author: bobRef })).itemCount).toBe(1);
    expect(contactRows()).toBe(0);
  });
});

describe('contacts: searching authors to link', () => {
  const search = async (text: string) =>
    (await f.call<{ authors: ContactIdentity[] }>('contacts.searchAuthors', { workspaceId: workspace, text })).authors.map((a) => a.handle);

  it('finds by handle or display name, ignoring case, prefix matches first', async () => {
    expect(await search('KELLER')).toEqual(['bob.bsky.social', 'robert.bsky.social']);
    expect(await search('rob')).toEqual(['robert.bsky.social']);
    expect(await search('bob')).toEqual(['bob.bsky.social', 'bob@social.example']);
    expect(await search('social.example')).toEqual(['bob@social.example']);
    // LIKE's wildcards are plain characters here.
    expect(await search('%')).toEqual([]);
    expect(await search('b_b')).toEqual([]);
  });

  it('compares letters beyond ASCII without regard to case, and stops at 20', async () => {
    f.items.ingest(column, [postBy(person('did:plc:oe', 'oesi.bsky.social', 'Ösi Müller'), 'oe1', 20)]);
    expect(await search('ösi')).toEqual(['oesi.bsky.social']);
    expect(await search('MÜLLER')).toEqual(['oesi.bsky.social']);
    f.items.ingest(column, Array.from({ length: 25 }, (_, n) => postBy(person(`did:plc:fan${n}`, `fan${n}.bsky.social`, null, n), `fan-post-${n}`, 30 + n)));
    const fans = await search('fan');
    expect(fans).toHaveLength(20);
    expect(fans[0]).toBe('fan24.bsky.social'); // the most followed first
  });
});
