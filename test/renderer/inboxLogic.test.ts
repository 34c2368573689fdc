// Pure logic of the inbox UI: the list (filters, changes, focus after triage, names), the clock's
// words, snooze times in the workspace's zone, the keys, and the settings and rule forms.
import { describe, expect, test } from 'vitest';
import { ruleConditionsSchema, type InboxItemView } from '../../src/shared/contract/inbox';
import { clockFor } from '../../src/shared/inbox/responseClock';
import { clockLine, durationParts } from '../../src/renderer/src/features/inbox/clockText';
import { inboxCommandFor } from '../../src/renderer/src/features/inbox/inboxKeys';
import {
  DEFAULT_INBOX_FILTER,
  excerpt,
  initialsOf,
  matchesFilter,
  nextFocusAfter,
  optionName,
  parseTags,
  stepFrom,
  toContractFilter,
  withChanged,
  withPage,
} from '../../src/renderer/src/features/inbox/inboxList';
import { fromLocalInput, snoozePresets, toLocalInput } from '../../src/renderer/src/features/inbox/snooze';
import { businessHoursFrom, dayRows, goalFromParts, goalParts, ruleForm, ruleFromForm, EMPTY_RULE_FORM } from '../../src/renderer/src/features/inboxSettings/settingsForm';

const WORKSPACE = '11111111-1111-4111-8111-111111111111';
const AGENT = '22222222-2222-4222-8222-222222222222';
const OTHER = '33333333-3333-4333-8333-333333333333';

function entry(id: number, patch: Partial<InboxItemView> = {}, text = `Message ${id}`): InboxItemView {
  return {
    id,
    workspaceId: WORKSPACE,
    item: {
      id: 1000 + id,
      network: 'bluesky',
      remoteId: `at://did:plc:x/app.bsky.feed.post/${id}`,
      url: null,
      author: { remoteId: 'did:plc:anna', handle: 'anna.example.com', displayName: 'Anna Muster', avatarUrl: null, url: null, followers: 10 },
      title: null,
      text,
      html: null,
      createdAt: '2025-03-03T09:00:00Z',
      language: 'de',
      replyToRemoteId: null,
      quoteOfRemoteId: null,
      media: [],
      counts: { replies: null, reposts: null, likes: null },
      read: false,
    },
    reason: 'mention',
    streamId: null,
    accountId: null,
    status: 'open',
    assigneeId: null,
    tags: [],
    noteCount: 0,
    receivedAt: '2025-03-03T09:00:00Z',
    dueAt: '2025-03-03T11:00:00Z',
    followUpAt: null,
    firstResponseAt: null,
    updatedAt: '2025-03-03T09:00:00Z',
    ...patch,
  };
}

describe('inbox list', () => {
  test('the toolbar filter becomes the contract filter; "Me" needs a current agent', () => {
    expect(toContractFilter(DEFAULT_INBOX_FILTER, null)).toEqual({ statuses: ['open'] });
    expect(toContractFilter({ status: 'pending', assignee: 'none', tag: 'billing' }, null)).toEqual({ statuses: ['pending'], assignee: 'none', tag: 'billing' });
    expect(toContractFilter({ status: 'open', assignee: 'me', tag: null }, AGENT)).toEqual({ statuses: ['open'], assignee: AGENT });
    expect(toContractFilter({ status: 'open', assignee: 'me', tag: null }, null)).toBeNull();
    expect(toContractFilter({ status: 'done', assignee: { agentId: OTHER }, tag: null }, AGENT)).toEqual({ statuses: ['done'], assignee: OTHER });
  });

  test('an item matches the filter by status, assignee and tag', () => {
    const mine = entry(1, { assigneeId: AGENT, tags: ['billing'] });
    expect(matchesFilter(mine, DEFAULT_INBOX_FILTER, AGENT)).toBe(true);
    expect(matchesFilter(mine, { ...DEFAULT_INBOX_FILTER, status: 'done' }, AGENT)).toBe(false);
    expect(matchesFilter(mine, { ...DEFAULT_INBOX_FILTER, assignee: 'me' }, AGENT)).toBe(true);
    expect(matchesFilter(mine, { ...DEFAULT_INBOX_FILTER, assignee: 'me' }, OTHER)).toBe(false);
    expect(matchesFilter(mine, { ...DEFAULT_INBOX_FILTER, assignee: 'none' }, AGENT)).toBe(false);
    expect(matchesFilter(mine, { ...DEFAULT_INBOX_FILTER, tag: 'Billing' }, AGENT)).toBe(true);
    expect(matchesFilter(mine, { ...DEFAULT_INBOX_FILTER, tag: 'shipping' }, AGENT)).toBe(false);
  });

  test('changed items are replaced in place, and those that no longer match leave the list', () => {
    const list = [entry(1), entry(2), entry(3)];
    const changed = [entry(2, { status: 'done' }), entry(3, { tags: ['vip'] }), entry(9)];
    const result = withChanged(list, changed, DEFAULT_INBOX_FILTER, null);
    expect(result.map((item) => item.id)).toEqual([1, 3]);
    expect(result[1]!.tags).toEqual(['vip']);
  });

  test('a further page skips items the list already has', () => {
    expect(withPage([entry(1), entry(2)], [entry(2), entry(3)]).map((item) => item.id)).toEqual([1, 2, 3]);
  });

  test('after "done" the focus goes to the next item, else the previous, else none', () => {
    const before = [entry(1), entry(2), entry(3), entry(4)];
    expect(nextFocusAfter(before, [entry(1), entry(3), entry(4)], 2)).toBe(3);
    expect(nextFocusAfter(before, [entry(1), entry(4)], 2)).toBe(4);
    expect(nextFocusAfter(before, [entry(1), entry(2), entry(3)], 4)).toBe(3);
    expect(nextFocusAfter(before, [entry(1), entry(2)], 2)).toBe(2);
    expect(nextFocusAfter(before, [], 2)).toBeNull();
  });

  test('j and k step through the list and stop at its ends', () => {
    const list = [entry(1), entry(2), entry(3)];
    expect(stepFrom(list, null, 1)).toBe(1);
    expect(stepFrom(list, null, -1)).toBe(3);
    expect(stepFrom(list, 1, 1)).toBe(2);
    expect(stepFrom(list, 3, 1)).toBe(3);
    expect(stepFrom(list, 1, -1)).toBe(1);
    expect(stepFrom([], 1, 1)).toBeNull();
  });

  test('an option is named "<author>: <first 80 characters>", emoji kept whole', () => {
    const long = `${'Hallo '.repeat(20)}end`;
    const name = optionName(entry(1, {}, long));
    expect(name.startsWith('Anna Muster: Hallo Hallo')).toBe(true);
    expect(name.length).toBe('Anna Muster: '.length + 80);
    const noName = entry(2);
    noName.item.author = { ...noName.item.author!, displayName: null };
    expect(optionName(noName)).toBe('@anna.example.com: Message 2');
    expect(excerpt('👍🏽'.repeat(50), 3)).toBe('👍🏽👍🏽👍🏽');
    expect(excerpt('🇨🇭🇩🇪🇦🇹', 2)).toBe('🇨🇭🇩🇪');
    expect(excerpt('  two\n\nlines  ')).toBe('two lines');
  });

  test('tags are split by commas, trimmed, lower-cased and deduplicated', () => {
    expect(parseTags(' Billing, VIP ,billing,, ')).toEqual(['billing', 'vip']);
    expect(parseTags('   ')).toEqual([]);
  });

  test('initials come from the first and last word', () => {
    expect(initialsOf('Anna Beispiel')).toBe('AB');
    expect(initialsOf('Anna Maria Beispiel')).toBe('AB');
    expect(initialsOf('Émile')).toBe('É');
  });
});

describe('response clock in words', () => {
  test('durations are split into days, hours and minutes', () => {
    expect(durationParts(25)).toEqual({ kind: 'minutes', minutes: 25 });
    expect(durationParts(70)).toEqual({ kind: 'hours', hours: 1, minutes: 10 });
    expect(durationParts(-70)).toEqual({ kind: 'hours', hours: 1, minutes: 10 });
    expect(durationParts(3 * 24 * 60 + 125)).toEqual({ kind: 'days', days: 3, hours: 2 });
  });

  const week = [{ start: '09:00', end: '17:00' }, { start: '09:00', end: '17:00' }, { start: '09:00', end: '17:00' }, { start: '09:00', end: '17:00' }, { start: '09:00', end: '17:00' }, null, null];
  const base = { goalMinutes: 120, businessHours: week, timeZone: 'Europe/Zurich', firstResponseMs: null, status: 'open' as const };
  // Monday 3 March 2025, 09:00 in Zurich is 08:00 UTC.
  const received = Date.parse('2025-03-03T08:00:00Z');
  const due = Date.parse('2025-03-03T10:00:00Z');

  test('ok, amber ("due soon") and red ("overdue") follow the real clock', () => {
    const ok = clockLine(clockFor({ ...base, receivedMs: received, dueMs: due, nowMs: received + 30 * 60_000 }));
    expect(ok).toEqual({ tone: 'ok', message: 'dueIn', minutes: 90, waited: 30 });
    const amber = clockLine(clockFor({ ...base, receivedMs: received, dueMs: due, nowMs: received + 95 * 60_000 }));
    expect(amber).toEqual({ tone: 'amber', message: 'dueSoon', minutes: 25, waited: 95 });
    const red = clockLine(clockFor({ ...base, receivedMs: received, dueMs: due, nowMs: received + 190 * 60_000 }));
    expect(red).toEqual({ tone: 'red', message: 'overdue', minutes: 70, waited: 190 });
  });

  test('outside business hours the clock says when it runs out, not "due in 2 h"', () => {
    // Saturday 8 March 2025, 20:00 in Zurich: the two hours of the goal are Monday 09:00–11:00.
    const saturday = Date.parse('2025-03-08T19:00:00Z');
    const monday11 = Date.parse('2025-03-10T10:00:00Z');
    const reading = clockFor({ ...base, receivedMs: saturday, dueMs: monday11, nowMs: saturday + 10 * 60_000 });
    expect(clockLine(reading, { dueMs: monday11, nowMs: saturday + 10 * 60_000 })).toEqual({ tone: 'ok', message: 'dueAt', minutes: 120, waited: 0, dueMs: monday11 });
    // Within business hours the two clocks agree: "due in".
    const inHours = clockFor({ ...base, receivedMs: received, dueMs: due, nowMs: received + 30 * 60_000 });
    expect(clockLine(inHours, { dueMs: due, nowMs: received + 30 * 60_000 }).message).toBe('dueIn');
  });

  test('answered shows the response time; closed without a reply says so', () => {
    const answered = clockLine(clockFor({ ...base, receivedMs: received, dueMs: due, nowMs: received + 500 * 60_000, firstResponseMs: received + 45 * 60_000 }));
    expect(answered).toEqual({ tone: 'answered', message: 'answeredAfter', minutes: 45, waited: null });
    const closed = clockLine(clockFor({ ...base, receivedMs: received, dueMs: due, nowMs: received, status: 'done' }));
    expect(closed.message).toBe('closed');
    const none = clockLine(clockFor({ ...base, receivedMs: received, dueMs: null, nowMs: received + 60_000 }));
    expect(none.message).toBe('noGoal');
  });
});

describe('snooze', () => {
  test('presets are computed in the workspace zone, across the DST change', () => {
    // Saturday 29 March 2025, 22:30 in Zurich (CET, UTC+1); DST starts the next night.
    const now = Date.parse('2025-03-29T21:30:00Z');
    const presets = snoozePresets(now, 'Europe/Zurich');
    expect(presets.inOneHour).toBe('2025-03-29T22:30:00.000Z');
    // Sunday 9:00 is already summer time (UTC+2).
    expect(presets.tomorrowNine).toBe('2025-03-30T07:00:00.000Z');
    expect(presets.nextMondayNine).toBe('2025-03-31T07:00:00.000Z');
  });

  test('on a Monday, "next Monday" is a week away', () => {
    const monday = Date.parse('2025-03-03T06:00:00Z');
    expect(snoozePresets(monday, 'Europe/Zurich').nextMondayNine).toBe('2025-03-10T08:00:00.000Z');
    expect(snoozePresets(monday, 'America/New_York').nextMondayNine).toBe('2025-03-10T13:00:00.000Z');
  });

  test('a datetime-local value is wall-clock time in the workspace zone, and back', () => {
    expect(fromLocalInput('2025-07-01T09:15', 'Europe/Zurich')).toBe('2025-07-01T07:15:00.000Z');
    expect(fromLocalInput('', 'Europe/Zurich')).toBeNull();
    expect(fromLocalInput('2025-13-01T09:00', 'Europe/Zurich')).toBeNull();
    expect(toLocalInput('2025-07-01T07:15:00.000Z', 'Europe/Zurich')).toBe('2025-07-01T09:15');
  });
});

describe('inbox keys', () => {
  const key = (k: string, mods: Partial<{ ctrlKey: boolean; shiftKey: boolean; altKey: boolean; metaKey: boolean }> = {}) => ({ key: k, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods });

  test('letters map to triage commands, modifiers do not', () => {
    expect(inboxCommandFor(key('j'))).toBe('next');
    expect(inboxCommandFor(key('ArrowUp'))).toBe('previous');
    expect(inboxCommandFor(key('e'))).toBe('done');
    expect(inboxCommandFor(key('q'))).toBe('acknowledge');
    expect(inboxCommandFor(key('x'))).toBe('toggleSelect');
    expect(inboxCommandFor(key('?', { shiftKey: true }))).toBe('help');
    expect(inboxCommandFor(key('e', { ctrlKey: true }))).toBeNull();
    expect(inboxCommandFor(key('1', { ctrlKey: true }))).toBeNull();
    expect(inboxCommandFor(key('E', { shiftKey: true }))).toBeNull();
    expect(inboxCommandFor(key('z'))).toBeNull();
  });
});

describe('settings forms', () => {
  test('the goal round-trips through hours and minutes and stays within 5 min to 7 days', () => {
    expect(goalParts(135)).toEqual({ hours: 2, minutes: 15 });
    expect(goalFromParts('2', '15')).toBe(135);
    expect(goalFromParts('', '30')).toBe(30);
    expect(goalFromParts('0', '4')).toBeNull();
    expect(goalFromParts('1', '60')).toBeNull();
    expect(goalFromParts('169', '0')).toBeNull();
    expect(goalFromParts('1.5', '0')).toBeNull();
  });

  test('business hours: closed days are null, midnight closes a day, an end before the start names the day', () => {
    const rows = dayRows([{ start: '09:00', end: '17:00' }, null, null, null, null, null, { start: '10:00', end: '24:00' }]);
    expect(rows[1]!.open).toBe(false);
    const midnight = rows.map((row, index) => (index === 6 ? { ...row, end: '00:00' } : row));
    const parsed = businessHoursFrom(midnight);
    expect(parsed).toEqual({ ok: true, hours: [{ start: '09:00', end: '17:00' }, null, null, null, null, null, { start: '10:00', end: '24:00' }] });
    const broken = rows.map((row, index) => (index === 0 ? { ...row, start: '18:00' } : row));
    expect(businessHoursFrom(broken)).toEqual({ ok: false, day: 0 });
  });

  test('a rule form becomes a rule, and a rule its form', () => {
    const parsed = ruleFromForm({ ...EMPTY_RULE_FORM, name: ' Billing ', keywords: 'invoice, Rechnung, invoice', languages: 'DE', minFollowers: '1000', tags: 'Billing, vip', assigneeId: AGENT, networks: ['mastodon'] });
    expect(parsed).toEqual({
      ok: true,
      rule: {
        name: 'Billing',
        enabled: true,
        conditions: { keywords: ['invoice', 'Rechnung'], networks: ['mastodon'], streamIds: [], languages: ['de'], minFollowers: 1000, sentiments: [], inquiryTypes: [] },
        actions: { tags: ['billing', 'vip'], assigneeId: AGENT },
      },
    });
    if (!parsed.ok) throw new Error('expected a rule');
    const back = ruleForm({ id: OTHER, workspaceId: WORKSPACE, position: 0, ...parsed.rule });
    expect(back.keywords).toBe('invoice, Rechnung');
    expect(back.minFollowers).toBe('1000');
    expect(ruleFromForm({ ...EMPTY_RULE_FORM, name: '' })).toEqual({ ok: false, problem: 'name' });
    expect(ruleFromForm({ ...EMPTY_RULE_FORM, name: 'x', tags: 'a', minFollowers: '-3' })).toEqual({ ok: false, problem: 'minFollowers' });
    expect(ruleFromForm({ ...EMPTY_RULE_FORM, name: 'x' })).toEqual({ ok: false, problem: 'noAction' });
  });

  test('sentiment and inquiry-type conditions go into the rule in the vocabulary order, and come back', () => {
    const parsed = ruleFromForm({ ...EMPTY_RULE_FORM, name: 'Angry questions', tags: 'urgent', sentiments: ['negative', 'neutral'], inquiryTypes: ['complaint', 'question'] });
    if (!parsed.ok) throw new Error('expected a rule');
    expect(parsed.rule.conditions.sentiments).toEqual(['neutral', 'negative']);
    expect(parsed.rule.conditions.inquiryTypes).toEqual(['question', 'complaint']);
    // What rules.save accepts (the contract checks the vocabulary).
    expect(ruleConditionsSchema.parse(parsed.rule.conditions)).toEqual(parsed.rule.conditions);
    const back = ruleForm({ id: OTHER, workspaceId: WORKSPACE, position: 0, ...parsed.rule });
    expect(back.sentiments).toEqual(['neutral', 'negative']);
    expect(back.inquiryTypes).toEqual(['question', 'complaint']);
    // A rule saved before the analysis existed has neither (the schema's defaults).
    const old = ruleConditionsSchema.parse({ keywords: [], networks: [], streamIds: [], languages: [], minFollowers: null });
    expect(ruleForm({ id: OTHER, workspaceId: WORKSPACE, position: 0, name: 'Old', enabled: true, conditions: old, actions: { tags: ['x'], assigneeId: null } })).toMatchObject({ sentiments: [], inquiryTypes: [] });
  });
});
