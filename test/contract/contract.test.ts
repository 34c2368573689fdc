import { describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../src/main/core/createCore';
import { METHOD_NAMES, type MethodName } from '../../src/shared/contract/names';
import { methods } from '../../src/shared/contract/methods';
import { events } from '../../src/shared/contract/events';
import { EVENT_NAMES } from '../../src/shared/contract/names';
import { tempDir } from '../support/tempDir';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const RANGE = { from: '2026-11-01T00:00:00Z', to: '2026-11-08T00:00:00Z', timeZone: 'Europe/Zurich' };
/** A 1×1 PNG, so that media checks see real image bytes. */
const ONE_PIXEL_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

/** Bad params that every method must refuse, whatever its shape. */
const MALFORMED_FOR_ALL: Array<[string, unknown]> = [
  ['a string', 'workspaces'],
  ['a number', 42],
  ['an array', [{ name: 'x' }]],
  ['an unexpected key', { bogus: true }],
  ['a prototype-pollution key', JSON.parse('{"__proto__": {"admin": true}, "constructor": 1}')],
];

/** Bad params specific to each method's fields; every method has an entry (empty when it takes none). */
const MALFORMED_BY_METHOD: Record<MethodName, Array<[string, unknown]>> = {
  'app.info': [],
  'workspaces.list': [],
  'workspaces.create': [
    ['no name', {}],
    ['an empty name', { name: '' }],
    ['a blank name', { name: '   ' }],
    ['a number as name', { name: 7 }],
    ['a name too long', { name: 'x'.repeat(81) }],
    ['a name with a line break', { name: 'Migros\nHelsana' }],
  ],
  'workspaces.rename': [
    ['no id', { name: 'x' }],
    ['an id that is no uuid', { id: '1; DROP TABLE workspaces', name: 'x' }],
    ['no name', { id: UNKNOWN_ID }],
    ['an empty name', { id: UNKNOWN_ID, name: '' }],
  ],
  'workspaces.archive': [['no id', {}], ['a numeric id', { id: 1 }]],
  'workspaces.restore': [['no id', {}], ['an id that is no uuid', { id: 'abc' }]],
  'workspaces.delete': [['no id', {}], ['a null id', { id: null }]],
  'workspaces.setActive': [['no id', {}], ['an id that is no uuid', { id: 'abc' }]],
  'settings.get': [],
  'settings.set': [
    ['an unknown language', { language: 'fr' }],
    ['an unknown theme', { theme: 'neon' }],
    ['a language of the wrong type', { language: true }],
  ],
  'streams.list': [['no workspace', {}], ['a workspace id that is no uuid', { workspaceId: 'x' }]],
  'streams.add': [
    ['no workspace', { network: 'feed', kind: 'feed', query: 'https://example.org/feed' }],
    ['an unknown network', { workspaceId: UNKNOWN_ID, network: 'myspace', kind: 'feed', query: 'https://x.org' }],
    ['a kind the network lacks', { workspaceId: UNKNOWN_ID, network: 'feed', kind: 'hashtag', query: 'x' }],
    ['a feed without URL', { workspaceId: UNKNOWN_ID, network: 'feed', kind: 'feed' }],
    ['a feed URL that is not http', { workspaceId: UNKNOWN_ID, network: 'feed', kind: 'feed', query: 'file:///etc/passwd' }],
    ['a Bluesky stream without account', { workspaceId: UNKNOWN_ID, network: 'bluesky', kind: 'home' }],
    ['a search without term', { workspaceId: UNKNOWN_ID, network: 'bluesky', kind: 'search', accountId: UNKNOWN_ID }],
  ],
  'streams.remove': [['no id', {}]],
  'streams.move': [['no position', { id: UNKNOWN_ID }], ['a negative position', { id: UNKNOWN_ID, position: -1 }], ['a fractional position', { id: UNKNOWN_ID, position: 1.5 }]],
  'streams.refresh': [['an id that is no uuid', { id: 'x' }]],
  'streams.markRead': [['no id', {}]],
  'items.page': [['no stream', {}], ['a malformed cursor', { streamId: UNKNOWN_ID, after: { id: 'x' } }], ['a limit too large', { streamId: UNKNOWN_ID, limit: 100000 }]],
  'items.newer': [['no newest', { streamId: UNKNOWN_ID }]],
  'items.markRead': [['no ids', { workspaceId: UNKNOWN_ID, ids: [] }], ['ids that are not numbers', { workspaceId: UNKNOWN_ID, ids: ['1'] }]],
  'items.search': [['no text', { workspaceId: UNKNOWN_ID }], ['an unknown filter', { workspaceId: UNKNOWN_ID, text: 'x', filters: { mood: 'angry' } }], ['a bad date', { workspaceId: UNKNOWN_ID, text: 'x', filters: { from: 'yesterday' } }]],
  'items.thread': [
    ['no item', { workspaceId: UNKNOWN_ID }],
    ['an item id that is a string', { workspaceId: UNKNOWN_ID, itemId: '1' }],
    ['an item id of zero', { workspaceId: UNKNOWN_ID, itemId: 0 }],
    ['a fractional item id', { workspaceId: UNKNOWN_ID, itemId: 1.5 }],
    ['no workspace', { itemId: 1 }],
  ],
  'feeds.discover': [['no url', {}], ['a url that is not http', { url: 'javascript:alert(1)' }], ['not a url', { url: 'example' }]],
  'accounts.list': [['no workspace', {}]],
  'accounts.beginMastodon': [['no instance', { workspaceId: UNKNOWN_ID }], ['an empty instance', { workspaceId: UNKNOWN_ID, instanceUrl: '' }]],
  'accounts.completeMastodon': [['no pending id', {}], ['an empty code', { pendingId: UNKNOWN_ID, code: ' ' }]],
  'accounts.connectBluesky': [
    ['no password', { workspaceId: UNKNOWN_ID, identifier: 'alice.test' }],
    ['a server that is not http', { workspaceId: UNKNOWN_ID, identifier: 'alice.test', appPassword: 'x', serviceUrl: 'ftp://pds' }],
    ['a too short identifier', { workspaceId: UNKNOWN_ID, identifier: 'a', appPassword: 'x' }],
  ],
  'accounts.remove': [['no id', {}]],
  'inbox.list': [['no workspace', {}], ['an unknown status', { workspaceId: UNKNOWN_ID, filter: { statuses: ['archived'] } }], ['a malformed cursor', { workspaceId: UNKNOWN_ID, after: { key: 'x', id: 1 } }]],
  'inbox.get': [['no id', { workspaceId: UNKNOWN_ID }], ['a string id', { workspaceId: UNKNOWN_ID, id: '1' }]],
  'inbox.update': [
    ['no ids', { workspaceId: UNKNOWN_ID, ids: [], patch: {} }],
    ['too many ids', { workspaceId: UNKNOWN_ID, ids: Array.from({ length: 501 }, (_, i) => i + 1), patch: {} }],
    ['an unknown status', { workspaceId: UNKNOWN_ID, ids: [1], patch: { status: 'closed' } }],
    ['a tag with a comma', { workspaceId: UNKNOWN_ID, ids: [1], patch: { addTags: ['a,b'] } }],
    ['a follow-up that is no date', { workspaceId: UNKNOWN_ID, ids: [1], patch: { followUpAt: 'tomorrow' } }],
  ],
  'inbox.addNote': [['an empty note', { workspaceId: UNKNOWN_ID, id: 1, text: '  ' }], ['a note too long', { workspaceId: UNKNOWN_ID, id: 1, text: 'x'.repeat(5001) }]],
  'inbox.getSettings': [['no workspace', {}]],
  'inbox.setSettings': [
    ['an unknown time zone', { workspaceId: UNKNOWN_ID, settings: { timeZone: 'Europe/Atlantis' } }],
    ['six business days', { workspaceId: UNKNOWN_ID, settings: { businessHours: [null, null, null, null, null, null] } }],
    ['hours that end before they start', { workspaceId: UNKNOWN_ID, settings: { businessHours: [{ start: '17:00', end: '09:00' }, null, null, null, null, null, null] } }],
    ['a goal of zero', { workspaceId: UNKNOWN_ID, settings: { goalMinutes: 0 } }],
  ],
  'inbox.tags': [['no workspace', {}]],
  'agents.list': [['no workspace', {}]],
  'agents.create': [['no name', { workspaceId: UNKNOWN_ID, agent: { initials: 'AB', signature: '^AB' } }], ['initials too long', { workspaceId: UNKNOWN_ID, agent: { name: 'Anna', initials: 'ABCDEFG', signature: '' } }]],
  'agents.update': [['no id', { workspaceId: UNKNOWN_ID, agent: { name: 'Anna', initials: 'AB', signature: '' } }]],
  'agents.remove': [['an id that is no uuid', { workspaceId: UNKNOWN_ID, id: 'anna' }]],
  'rules.list': [['no workspace', {}]],
  'rules.save': [
    ['no conditions', { workspaceId: UNKNOWN_ID, name: 'r', enabled: true, actions: { tags: [], assigneeId: null } }],
    ['a negative follower count', { workspaceId: UNKNOWN_ID, name: 'r', enabled: true, conditions: { keywords: [], networks: [], streamIds: [], languages: [], minFollowers: -1 }, actions: { tags: [], assigneeId: null } }],
  ],
  'rules.remove': [['no id', { workspaceId: UNKNOWN_ID }]],
  'rules.move': [['a negative position', { workspaceId: UNKNOWN_ID, id: UNKNOWN_ID, position: -1 }]],
  'rules.test': [['no sample', { workspaceId: UNKNOWN_ID }], ['a sample of an unknown network', { workspaceId: UNKNOWN_ID, sample: { text: 'x', network: 'myspace', streamId: null, language: null, followers: null } }]],
  'contacts.get': [['no author', { workspaceId: UNKNOWN_ID }], ['an author without remote id', { workspaceId: UNKNOWN_ID, author: { network: 'bluesky', remoteId: '' } }]],
  'contacts.history': [['a malformed cursor', { workspaceId: UNKNOWN_ID, author: { network: 'bluesky', remoteId: 'did:plc:x' }, after: { id: 'x' } }]],
  'contacts.addNote': [['an empty note', { workspaceId: UNKNOWN_ID, author: { network: 'bluesky', remoteId: 'did:plc:x' }, text: '' }]],
  'contacts.setTags': [['tags that are no list', { workspaceId: UNKNOWN_ID, author: { network: 'bluesky', remoteId: 'did:plc:x' }, tags: 'vip' }]],
  'contacts.link': [['no other', { workspaceId: UNKNOWN_ID, author: { network: 'bluesky', remoteId: 'did:plc:x' } }]],
  'contacts.unlink': [['no author', { workspaceId: UNKNOWN_ID }]],
  'contacts.searchAuthors': [['an empty text', { workspaceId: UNKNOWN_ID, text: ' ' }]],
  'savedReplies.list': [['no workspace', {}]],
  'savedReplies.save': [['an empty body', { workspaceId: UNKNOWN_ID, reply: { title: 'Hours', body: ' ' } }], ['no reply', { workspaceId: UNKNOWN_ID }]],
  'savedReplies.remove': [['no id', { workspaceId: UNKNOWN_ID }]],
  'streams.setNeedsAnswer': [['no flag', { id: UNKNOWN_ID }], ['a flag that is a string', { id: UNKNOWN_ID, needsAnswer: 'yes' }]],
  'drafts.get': [['a malformed key', { workspaceId: UNKNOWN_ID, key: 'reply:../../etc' }]],
  'drafts.list': [['no workspace', {}]],
  'drafts.save': [
    ['no content', { workspaceId: UNKNOWN_ID, key: 'reply:1', accountId: null }],
    ['a text too long', { workspaceId: UNKNOWN_ID, key: 'reply:1', accountId: null, content: { text: 'x'.repeat(20001), spoilerText: null, language: null, visibility: null, appendSignature: true } }],
    ['an unknown visibility', { workspaceId: UNKNOWN_ID, key: 'reply:1', accountId: null, content: { text: 'x', spoilerText: null, language: null, visibility: 'friends', appendSignature: true } }],
  ],
  'drafts.discard': [['a key of unknown kind', { workspaceId: UNKNOWN_ID, key: 'tweet:1' }]],
  'drafts.addMedia': [['a bad MIME type', { workspaceId: UNKNOWN_ID, key: 'reply:1', media: { fileName: 'a.png', mimeType: 'png', dataBase64: 'AAAA' } }], ['no data', { workspaceId: UNKNOWN_ID, key: 'reply:1', media: { fileName: 'a.png', mimeType: 'image/png', dataBase64: '' } }]],
  'drafts.setMediaAlt': [['an alt text too long', { workspaceId: UNKNOWN_ID, key: 'reply:1', mediaId: UNKNOWN_ID, alt: 'x'.repeat(2001) }]],
  'drafts.removeMedia': [['no media id', { workspaceId: UNKNOWN_ID, key: 'reply:1' }]],
  'drafts.mediaData': [['a media id that is no uuid', { workspaceId: UNKNOWN_ID, mediaId: 'x' }]],
  'composer.check': [['no content', { workspaceId: UNKNOWN_ID, key: 'reply:1', accountId: null }]],
  'composer.send': [['no account', { workspaceId: UNKNOWN_ID, key: 'reply:1', accountId: null, content: { text: 'x', spoilerText: null, language: null, visibility: null, appendSignature: false } }]],
  'outbox.list': [['an unknown state', { workspaceId: UNKNOWN_ID, states: ['lost'] }]],
  'outbox.retry': [['no id', { workspaceId: UNKNOWN_ID }]],
  'outbox.edit': [['an id that is no uuid', { workspaceId: UNKNOWN_ID, id: 7 }]],
  'plans.get': [['no account', { workspaceId: UNKNOWN_ID }]],
  'plans.set': [
    ['an unknown time zone', { workspaceId: UNKNOWN_ID, accountId: UNKNOWN_ID, plan: { timeZone: 'Mars/Olympus', slots: [], dailyCap: null, minGapMinutes: null, quietHours: null } }],
    ['a weekday 8', { workspaceId: UNKNOWN_ID, accountId: UNKNOWN_ID, plan: { timeZone: 'Europe/Zurich', slots: [{ weekday: 8, time: '09:00' }], dailyCap: null, minGapMinutes: null, quietHours: null } }],
    ['a cap of zero', { workspaceId: UNKNOWN_ID, accountId: UNKNOWN_ID, plan: { timeZone: 'Europe/Zurich', slots: [], dailyCap: 0, minGapMinutes: null, quietHours: null } }],
  ],
  'planner.nextFreeSlot': [['an after that is no date', { workspaceId: UNKNOWN_ID, accountId: UNKNOWN_ID, after: 'soon' }]],
  'planner.check': [['a time with an offset instead of a zone', { workspaceId: UNKNOWN_ID, accountId: UNKNOWN_ID, at: { local: '2026-03-29T02:30+01:00', timeZone: 'Europe/Zurich' } }]],
  'planner.bestTimes': [['no account', { workspaceId: UNKNOWN_ID }]],
  'schedule.fromDraft': [['no accounts', { workspaceId: UNKNOWN_ID, key: 'post:' + UNKNOWN_ID, accountIds: [], content: { text: 'x', spoilerText: null, language: null, visibility: null, appendSignature: false }, at: { nextFreeSlot: true }, acknowledgeWarnings: false }]],
  'schedule.move': [['neither a time nor a shift', { workspaceId: UNKNOWN_ID, ids: [UNKNOWN_ID], to: {}, acknowledgeWarnings: false }]],
  'schedule.list': [['no range', { workspaceId: UNKNOWN_ID }]],
  'schedule.getSettings': [['no workspace', {}]],
  'schedule.setSettings': [['a negative limit', { workspaceId: UNKNOWN_ID, settings: { lateLimitMinutes: -5 } }]],
  'dashboard.volume': [
    ['a range that ends before it starts', { workspaceId: UNKNOWN_ID, range: { from: '2026-11-08T00:00:00Z', to: '2026-11-01T00:00:00Z', timeZone: 'Europe/Zurich' }, bucket: 'day' }],
    ['an unknown zone', { workspaceId: UNKNOWN_ID, range: { from: '2026-11-01T00:00:00Z', to: '2026-11-08T00:00:00Z', timeZone: 'Mars/Olympus' }, bucket: 'day' }],
  ],
  'dashboard.sentiment': [['a bucket of a week', { workspaceId: UNKNOWN_ID, range: RANGE, bucket: 'week' }]],
  'dashboard.shareOfVoice': [['a range of ten years', { workspaceId: UNKNOWN_ID, range: { from: '2016-01-01T00:00:00Z', to: '2026-01-01T00:00:00Z', timeZone: 'UTC' } }]],
  'dashboard.responses': [['no range', { workspaceId: UNKNOWN_ID, bucket: 'day' }]],
  'dashboard.posting': [['a date without time', { workspaceId: UNKNOWN_ID, range: { from: '2026-11-01', to: '2026-11-08', timeZone: 'UTC' }, bucket: 'day' }]],
  'dashboard.topAuthors': [['a limit of 0', { workspaceId: UNKNOWN_ID, range: RANGE, limit: 0 }]],
  'alerts.list': [['a limit too large', { workspaceId: UNKNOWN_ID, limit: 100_000 }]],
  'alerts.items': [['an alert id that is no uuid', { workspaceId: UNKNOWN_ID, alertId: '1' }]],
  'alerts.acknowledge': [['no alert', { workspaceId: UNKNOWN_ID }]],
  'alerts.getSettings': [['no workspace', {}]],
  'alerts.setSettings': [
    ['k of 0', { workspaceId: UNKNOWN_ID, settings: { enabled: true, k: 0, minCount: 5 } }],
    ['a minimum count of 0', { workspaceId: UNKNOWN_ID, settings: { enabled: true, k: 3, minCount: 0 } }],
  ],
  'insight.status': [],
  'insight.reanalyze': [['no workspace', {}]],
  'insight.analyzeText': [['a text too long', { workspaceId: UNKNOWN_ID, text: 'x'.repeat(5001) }]],
};

/** One valid call for every method, so the table cannot silently miss a method. */
function validParams(core: Core, workspaceId: string, streamId: string): Record<MethodName, unknown> {
  void core;
  return {
    'app.info': {},
    'workspaces.list': {},
    'workspaces.create': { name: 'Own brand' },
    'workspaces.rename': { id: workspaceId, name: 'Migros AG' },
    'workspaces.archive': { id: workspaceId },
    'workspaces.restore': { id: workspaceId },
    'workspaces.delete': { id: workspaceId },
    'workspaces.setActive': { id: null },
    'settings.get': {},
    'settings.set': { language: 'de' },
    'streams.list': { workspaceId },
    'streams.add': { workspaceId, network: 'feed', kind: 'feed', query: 'http://127.0.0.1:9/feed.xml' },
    'streams.remove': { id: streamId },
    'streams.move': { id: streamId, position: 0 },
    'streams.refresh': { id: streamId },
    'streams.markRead': { id: streamId },
    'items.page': { streamId },
    'items.newer': { streamId, newest: { createdMs: 0, id: 1 } },
    'items.markRead': { workspaceId, ids: [1] },
    'items.search': { workspaceId, text: 'Filiale', filters: { networks: ['feed'], hasLink: false } },
    // No item has been stored: a typed not_found.
    'items.thread': { workspaceId, itemId: 424242 },
    // A loopback port nobody listens on: discovery answers with a typed error, not a crash.
    'feeds.discover': { url: 'http://127.0.0.1:9/' },
    'accounts.list': { workspaceId },
    // Typed errors, not crashes: the instance is a closed loopback port, the sign-in unknown.
    'accounts.beginMastodon': { workspaceId, instanceUrl: 'http://127.0.0.1:9' },
    'accounts.completeMastodon': { pendingId: UNKNOWN_ID, code: 'abc' },
    'accounts.connectBluesky': { workspaceId, identifier: 'alice.test', appPassword: 'abcd-efgh-ijkl-mnop', serviceUrl: 'http://127.0.0.1:9' },
    'accounts.remove': { id: UNKNOWN_ID },
    'inbox.list': { workspaceId, filter: { statuses: ['open'] } },
    'inbox.get': { workspaceId, id: 424242 },
    'inbox.update': { workspaceId, ids: [424242], patch: { status: 'done' } },
    'inbox.addNote': { workspaceId, id: 424242, text: 'Called back' },
    'inbox.getSettings': { workspaceId },
    'inbox.setSettings': { workspaceId, settings: { goalMinutes: 90, timeZone: 'Europe/Zurich' } },
    'inbox.tags': { workspaceId },
    'agents.list': { workspaceId },
    'agents.create': { workspaceId, agent: { name: 'Anna Berger', initials: 'AB', signature: '^AB' } },
    'agents.update': { workspaceId, id: UNKNOWN_ID, agent: { name: 'Anna Berger', initials: 'AB', signature: '^AB' } },
    'agents.remove': { workspaceId, id: UNKNOWN_ID },
    'rules.list': { workspaceId },
    'rules.save': { workspaceId, name: 'Complaints', enabled: true, conditions: { keywords: ['Beschwerde'], networks: [], streamIds: [], languages: ['de'], minFollowers: null }, actions: { tags: ['complaint'], assigneeId: null } },
    'rules.remove': { workspaceId, id: UNKNOWN_ID },
    'rules.move': { workspaceId, id: UNKNOWN_ID, position: 0 },
    'rules.test': { workspaceId, sample: { text: 'Beschwerde!', network: 'bluesky', streamId: null, language: 'de', followers: 10 } },
    'contacts.get': { workspaceId, author: { network: 'bluesky', remoteId: 'did:plc:nobody' } },
    'contacts.history': { workspaceId, author: { network: 'bluesky', remoteId: 'did:plc:nobody' } },
    'contacts.addNote': { workspaceId, author: { network: 'bluesky', remoteId: 'did:plc:nobody' }, text: 'VIP' },
    'contacts.setTags': { workspaceId, author: { network: 'bluesky', remoteId: 'did:plc:nobody' }, tags: ['vip'] },
    'contacts.link': { workspaceId, author: { network: 'bluesky', remoteId: 'did:plc:nobody' }, other: { network: 'mastodon', remoteId: 'https://example.org/users/nobody' } },
    'contacts.unlink': { workspaceId, author: { network: 'bluesky', remoteId: 'did:plc:nobody' } },
    'contacts.searchAuthors': { workspaceId, text: 'anna' },
    'savedReplies.list': { workspaceId },
    'savedReplies.save': { workspaceId, reply: { title: 'Opening hours', body: 'Hallo {{author.name}}, wir haben Mo–Fr 9–18 Uhr geöffnet.', keywords: ['Öffnungszeiten'] } },
    'savedReplies.remove': { workspaceId, id: UNKNOWN_ID },
    'streams.setNeedsAnswer': { id: streamId, needsAnswer: true },
    'drafts.get': { workspaceId, key: 'post:' + UNKNOWN_ID },
    'drafts.list': { workspaceId },
    'drafts.save': { workspaceId, key: 'post:' + UNKNOWN_ID, accountId: null, content: { text: 'Danke für die Nachricht!', spoilerText: null, language: 'de', visibility: null, appendSignature: true } },
    'drafts.discard': { workspaceId, key: 'post:' + UNKNOWN_ID },
    'drafts.addMedia': { workspaceId, key: 'post:' + UNKNOWN_ID, media: { fileName: 'dot.png', mimeType: 'image/png', dataBase64: ONE_PIXEL_PNG, alt: 'A dot' } },
    'drafts.setMediaAlt': { workspaceId, key: 'post:' + UNKNOWN_ID, mediaId: UNKNOWN_ID, alt: 'A dot' },
    'drafts.removeMedia': { workspaceId, key: 'post:' + UNKNOWN_ID, mediaId: UNKNOWN_ID },
    'drafts.mediaData': { workspaceId, mediaId: UNKNOWN_ID },
    'composer.check': { workspaceId, key: 'post:' + UNKNOWN_ID, accountId: null, content: { text: 'Danke für die Nachricht!', spoilerText: null, language: 'de', visibility: null, appendSignature: true } },
    'composer.send': { workspaceId, key: 'post:' + UNKNOWN_ID, accountId: UNKNOWN_ID, content: { text: 'Danke für die Nachricht!', spoilerText: null, language: 'de', visibility: null, appendSignature: true } },
    'outbox.list': { workspaceId },
    'outbox.retry': { workspaceId, id: UNKNOWN_ID },
    'outbox.edit': { workspaceId, id: UNKNOWN_ID },
    'plans.get': { workspaceId, accountId: UNKNOWN_ID },
    'plans.set': { workspaceId, accountId: UNKNOWN_ID, plan: { timeZone: 'Europe/Zurich', slots: [{ weekday: 1, time: '09:00' }], dailyCap: 2, minGapMinutes: 120, quietHours: { start: '22:00', end: '07:00' } } },
    'planner.nextFreeSlot': { workspaceId, accountId: UNKNOWN_ID },
    'planner.check': { workspaceId, accountId: UNKNOWN_ID, at: { local: '2026-03-29T02:30', timeZone: 'Europe/Zurich' } },
    'planner.bestTimes': { workspaceId, accountId: UNKNOWN_ID },
    'schedule.fromDraft': { workspaceId, key: 'post:' + UNKNOWN_ID, accountIds: [UNKNOWN_ID], content: { text: 'Neue Filiale in Bern!', spoilerText: null, language: 'de', visibility: null, appendSignature: false }, at: { nextFreeSlot: true }, acknowledgeWarnings: false },
    'schedule.move': { workspaceId, ids: [UNKNOWN_ID], to: { shiftMinutes: 60 }, acknowledgeWarnings: true },
    'schedule.list': { workspaceId, from: '2026-11-01T00:00:00+01:00', to: '2026-12-01T00:00:00+01:00' },
    'schedule.getSettings': { workspaceId },
    'schedule.setSettings': { workspaceId, settings: { lateLimitMinutes: 120 } },
    'dashboard.volume': { workspaceId, range: RANGE, bucket: 'day' },
    'dashboard.sentiment': { workspaceId, range: RANGE, bucket: 'hour' },
    'dashboard.shareOfVoice': { workspaceId, range: RANGE },
    'dashboard.responses': { workspaceId, range: RANGE, bucket: 'day' },
    'dashboard.posting': { workspaceId, range: RANGE, bucket: 'day' },
    'dashboard.topAuthors': { workspaceId, range: RANGE, limit: 10 },
    'alerts.list': { workspaceId },
    // No such alert: a typed not_found.
    'alerts.items': { workspaceId, alertId: UNKNOWN_ID },
    'alerts.acknowledge': { workspaceId, alertId: UNKNOWN_ID },
    'alerts.getSettings': { workspaceId },
    'alerts.setSettings': { workspaceId, settings: { enabled: true, k: 3, minCount: 5 } },
    'insight.status': {},
    'insight.reanalyze': { workspaceId },
    'insight.analyzeText': { workspaceId, text: 'Wann habt ihr geöffnet? 🙂' },
  };
}

function dumpAll(core: Core): string {
  const tables = core.store.db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all() as Array<{ name: string }>;
  return JSON.stringify(tables.map(({ name }) => [name, core.store.db.prepare(`SELECT * FROM "${name}"`).all()]));
}

function withCore<T>(run: (core: Core) => Promise<T>): Promise<T> {
  const core = createCore({ dataDir: tempDir(), appVersion: '0.0.0-test', shell: 'headless', log: () => {} });
  return run(core).finally(() => core.close());
}

const cases = METHOD_NAMES.flatMap((method) =>
  [...MALFORMED_FOR_ALL.filter(([, p]) => !(isEmptyObjectLike(p) && Object.keys(methods[method].params.shape ?? {}).length === 0)), ...MALFORMED_BY_METHOD[method]].map(
    ([label, params]) => [method, label, params] as const,
  ),
);

function isEmptyObjectLike(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 0;
}

describe('contract', () => {
  it('has a schema for every method and event name, and nothing else', () => {
    expect(Object.keys(methods).sort()).toEqual([...METHOD_NAMES].sort());
    expect(Object.keys(events).sort()).toEqual([...EVENT_NAMES].sort());
    expect(Object.keys(MALFORMED_BY_METHOD).sort()).toEqual([...METHOD_NAMES].sort());
  });

  it.each(cases)('%s rejects %s with invalid_params and changes nothing', async (method, _label, params) => {
    await withCore(async (core) => {
      await core.dispatcher.call('workspaces.create', { name: 'Migros' });
      const before = dumpAll(core);
      const outcome = await core.dispatcher.call(method, params);
      expect(outcome).toEqual({ ok: false, error: { code: 'invalid_params', message: expect.stringContaining(method) } });
      expect(dumpAll(core)).toBe(before);
      expect(({} as Record<string, unknown>).admin).toBeUndefined();
    });
  });

  it.each(METHOD_NAMES.map((m) => [m]))('%s accepts its valid params and answers what the contract says', async (method) => {
    await withCore(async (core) => {
      const created = await core.dispatcher.call('workspaces.create', { name: 'Migros' });
      const id = (created as { result: { id: string } }).result.id;
      const stream = await core.dispatcher.call('streams.add', { workspaceId: id, network: 'feed', kind: 'feed', query: 'http://127.0.0.1:9/a.xml' });
      const streamId = (stream as { result: { id: string } }).result.id;
      if (method === 'workspaces.delete') await core.dispatcher.call('workspaces.archive', { id });
      const outcome = await core.dispatcher.call(method, validParams(core, id, streamId)[method]);
      const expectedFailure: Partial<Record<MethodName, string>> = {
        'feeds.discover': 'remote_unreachable',
        'accounts.beginMastodon': 'remote_unreachable',
        'accounts.completeMastodon': 'not_found',
        'accounts.remove': 'not_found',
        'items.thread': 'not_found',
        'accounts.connectBluesky': 'remote_unreachable',
        'inbox.get': 'not_found',
        'inbox.update': 'not_found',
        'inbox.addNote': 'not_found',
        'agents.update': 'not_found',
        'agents.remove': 'not_found',
        'rules.remove': 'not_found',
        'rules.move': 'not_found',
        'savedReplies.remove': 'not_found',
        // No such author in the workspace: linking and noting need someone who wrote here.
        'contacts.get': 'not_found',
        'contacts.history': 'not_found',
        'contacts.addNote': 'not_found',
        'contacts.setTags': 'not_found',
        'contacts.link': 'not_found',
        'contacts.unlink': 'not_found',
        'drafts.setMediaAlt': 'not_found',
        'drafts.removeMedia': 'not_found',
        'drafts.mediaData': 'not_found',
        'composer.send': 'not_found',
        'outbox.retry': 'not_found',
        'outbox.edit': 'not_found',
        // No such account in the workspace.
        'plans.get': 'not_found',
        'plans.set': 'not_found',
        'planner.nextFreeSlot': 'not_found',
        'planner.check': 'not_found',
        'planner.bestTimes': 'not_found',
        'schedule.fromDraft': 'not_found',
        'schedule.move': 'not_found',
        // No such alert in the workspace.
        'alerts.items': 'not_found',
        'alerts.acknowledge': 'not_found',
      };
      if (expectedFailure[method]) {
        expect(outcome).toMatchObject({ ok: false, error: { code: expectedFailure[method] } });
        return;
      }
      expect(outcome.ok, JSON.stringify(outcome)).toBe(true);
      if (outcome.ok) expect(methods[method].result.safeParse(outcome.result).success).toBe(true);
    });
  });

  it.each([['workspaces.drop'], [''], [42], [null], ['__proto__'], ['constructor']])(
    'answers the unknown method %j with unknown_method',
    async (method) => {
      await withCore(async (core) => {
        const outcome = await core.dispatcher.call(method, {});
        expect(outcome).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
      });
    },
  );

  it('answers domain errors typed: not_found and conflict', async () => {
    await withCore(async (core) => {
      expect(await core.dispatcher.call('workspaces.rename', { id: UNKNOWN_ID, name: 'x' })).toMatchObject({
        ok: false,
        error: { code: 'not_found' },
      });
      await core.dispatcher.call('workspaces.create', { name: 'Migros' });
      expect(await core.dispatcher.call('workspaces.create', { name: ' migros ' })).toMatchObject({
        ok: false,
        error: { code: 'conflict', message: expect.stringContaining('already exists') },
      });
    });
  });
});
