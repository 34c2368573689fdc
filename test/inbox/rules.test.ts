import { describe, expect, it } from 'vitest';
import type { InboxRule, RuleSample } from '../../src/shared/contract/inbox';
import { applyRules, languageMatches } from '../../src/main/core/rules/matchRules';
import { call, nextEvent } from '../support/core';
import { anItem } from '../support/items';
import { column, deliver, inboxChanged, listAll, startCore, workspace } from './support';

const ANY = { keywords: [], networks: [], streamIds: [], languages: [], minFollowers: null };
const NONE = { tags: [], assigneeId: null };

describe('rule matching', () => {
  const rule = (id: string, conditions: Partial<InboxRule['conditions']>, actions: Partial<InboxRule['actions']>, enabled = true): InboxRule => ({
    id,
    workspaceId: 'w',
    name: id,
    position: 0,
    enabled,
    conditions: { ...ANY, ...conditions },
    actions: { ...NONE, ...actions },
  });
  const sample: RuleSample = { text: 'Die RECHNUNG aus ZÜRICH ist falsch', network: 'mastodon', streamId: 's1', language: 'de-CH', followers: 50 };

  it.each([
    ['keyword, any case, umlauts folded', { keywords: ['rechnung'] }, true],
    ['keyword with umlaut typed in lower case', { keywords: ['zürich'] }, true],
    ['keyword with a combining diaeresis', { keywords: ['zu\u0308rich'] }, true],
    ['ß and ss are the same letters', { keywords: ['STRASSE'] }, true, 'Baustelle an der Hauptstraße'],
    ['any of several keywords', { keywords: ['kündigung', 'falsch'] }, true],
    ['missing keyword', { keywords: ['kündigung'] }, false],
    ['network', { networks: ['mastodon' as const] }, true],
    ['other network', { networks: ['bluesky' as const] }, false],
    ['stream', { streamIds: ['s1'] }, true],
    ['other stream', { streamIds: ['s2'] }, false],
    ['language prefix de matches de-CH', { languages: ['de'] }, true],
    ['language en', { languages: ['en'] }, false],
    ['followers at least', { minFollowers: 50 }, true],
    ['followers too few', { minFollowers: 51 }, false],
    ['all conditions must hold', { keywords: ['rechnung'], networks: ['bluesky' as const] }, false],
    ['no conditions match everything', {}, true],
  ])('%s', (_why, conditions, expected, text?: string) => {
    expect(applyRules([rule('r', conditions, { tags: ['x'] })], { ...sample, text: text ?? sample.text }).matched.length === 1).toBe(expected);
  });

  it('accumulates tags in order, lets the last assignee win, and skips disabled rules', () => {
    const outcome = applyRules(
      [
        rule('a', { keywords: ['rechnung'] }, { tags: ['billing'], assigneeId: 'agent-1' }),
        rule('b', { languages: ['de'] }, { tags: ['deutsch', 'billing'], assigneeId: 'agent-2' }),
        rule('c', {}, { tags: ['never'], assigneeId: 'agent-3' }, false),
        rule('d', { minFollowers: 10 }, { tags: ['reach'] }),
      ],
      sample,
    );
    expect(outcome).toEqual({
      matched: [
        { ruleId: 'a', name: 'a' },
        { ruleId: 'b', name: 'b' },
        { ruleId: 'd', name: 'd' },
      ],
      tags: ['billing', 'deutsch', 'reach'],
      assigneeId: 'agent-2',
    });
  });

  it('compares language codes by prefix only', () => {
    expect(languageMatches('de', 'de_AT')).toBe(true);
    expect(languageMatches('de', 'dex')).toBe(false);
    expect(languageMatches('de-CH', 'de')).toBe(false);
    expect(languageMatches('de', null)).toBe(false);
  });
});

describe('rules in a workspace', () => {
  it('are saved, ordered, moved, tested and removed, with events', async () => {
    const started = startCore();
    const { core } = started;
    const workspaceId = await workspace(core);
    const anna = await call<{ id: string }>(core, 'agents.create', { workspaceId, agent: { name: 'Anna Muster', initials: 'AM', signature: '^AM' } });
    const ben = await call<{ id: string }>(core, 'agents.create', { workspaceId, agent: { name: 'Ben Ro', initials: 'BR', signature: '^BR' } });
    const forum = await column(started, workspaceId);

    const announced = nextEvent(core, 'rules.changed');
    const billing = await call<InboxRule>(core, 'rules.save', {
      workspaceId,
      name: 'Rechnungen',
      enabled: true,
      conditions: { ...ANY, keywords: ['Rechnung'] },
      actions: { tags: ['Billing'], assigneeId: anna.id },
    });
    expect(billing).toMatchObject({ position: 0, actions: { tags: ['billing'], assigneeId: anna.id } });
    expect(await announced).toMatchObject({ workspaceId, rules: [{ id: billing.id }] });
    const german = await call<InboxRule>(core, 'rules.save', {
      workspaceId,
      name: 'Deutsch',
      enabled: true,
      conditions: { ...ANY, languages: ['de'], streamIds: [forum] },
      actions: { tags: ['deutsch'], assigneeId: ben.id },
    });
    const off = await call<InboxRule>(core, 'rules.save', { workspaceId, name: 'Aus', enabled: false, conditions: ANY, actions: { tags: ['aus'], assigneeId: null } });
    expect([billing.position, german.position, off.position]).toEqual([0, 1, 2]);

    // Applied once on intake, in order: Ben (later rule) wins, tags from both.
    const arrived = inboxChanged(core, workspaceId);
    await deliver(started, forum, [anItem({ remoteId: 'r1', text: 'Meine rechnung stimmt nicht', language: 'de-CH', createdAt: new Date(started.clock.ms - 60_000).toISOString() })]);
    const [id] = (await arrived).ids;
    const [entry] = await listAll(core, workspaceId);
    expect(entry).toMatchObject({ id, tags: ['billing', 'deutsch'], assigneeId: ben.id });

    // Moving the German rule first: now the billing rule's assignee wins.
    const moved = await call<{ rules: InboxRule[] }>(core, 'rules.move', { workspaceId, id: german.id, position: 0 });
    expect(moved.rules.map((r) => [r.name, r.position])).toEqual([
      ['Deutsch', 0],
      ['Rechnungen', 1],
      ['Aus', 2],
    ]);
    const tested = await call(core, 'rules.test', { workspaceId, sample: { inboxItemId: id } });
    expect(tested).toEqual({
      matched: [
        { ruleId: german.id, name: 'Deutsch' },
        { ruleId: billing.id, name: 'Rechnungen' },
      ],
      tags: ['deutsch', 'billing'],
      assigneeId: anna.id,
    });
    // Intake ran once: the item keeps what it got.
    expect((await call<{ entry: { assigneeId: string } }>(core, 'inbox.get', { workspaceId, id })).entry.assigneeId).toBe(ben.id);

    const sample = await call(core, 'rules.test', { workspaceId, sample: { text: 'Frage zur Rechnung', network: 'feed', streamId: null, language: 'en', followers: null } });
    expect(sample).toEqual({ matched: [{ ruleId: billing.id, name: 'Rechnungen' }], tags: ['billing'], assigneeId: anna.id });

    // Replacing keeps the place; a foreign agent or stream is refused.
    const renamed = await call<InboxRule>(core, 'rules.save', { workspaceId, id: billing.id, name: 'Billing', enabled: true, conditions: billing.conditions, actions: billing.actions });
    expect(renamed).toMatchObject({ name: 'Billing', position: 1 });
    await expect(
      call(core, 'rules.save', { workspaceId, name: 'X', enabled: true, conditions: ANY, actions: { tags: [], assigneeId: '00000000-0000-4000-8000-000000000000' } }),
    ).rejects.toMatchObject({ code: 'invalid_params' });
    await expect(
      call(core, 'rules.save', { workspaceId, name: 'X', enabled: true, conditions: { ...ANY, streamIds: ['00000000-0000-4000-8000-000000000000'] }, actions: NONE }),
    ).rejects.toMatchObject({ code: 'invalid_params' });

    const left = await call<{ rules: InboxRule[] }>(core, 'rules.remove', { workspaceId, id: german.id });
    expect(left.rules.map((r) => [r.name, r.position])).toEqual([
      ['Billing', 0],
      ['Aus', 1],
    ]);

    // Removing an agent takes it out of the rules that assigned to it.
    const rulesChanged = nextEvent(core, 'rules.changed');
    await call(core, 'agents.remove', { workspaceId, id: anna.id });
    expect(await rulesChanged).toMatchObject({ rules: [{ name: 'Billing', actions: { assigneeId: null } }, { name: 'Aus' }] });
  });
});
