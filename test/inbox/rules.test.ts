import { describe, expect, it } from 'vitest';
import type { InboxRule, RuleSample } from '../../src/shared/contract/inbox';
import { applyRules, languageMatches } from '../../src/main/core/rules/matchRules';
import { withAnalysis } from '../../src/main/core/rules/ruleAnalysis';
import { createAnalyzer } from '../../src/main/core/insight/analysis';
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
    conditions: { sentiments: [], inquiryTypes: [], ...ANY, ...conditions },
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

  it.each([
    ['sentiment', { sentiments: ['negative' as const] }, { sentiment: 'negative' as const, inquiry: 'complaint' as const }, true],
    ['other sentiment', { sentiments: ['negative' as const] }, { sentiment: 'positive' as const, inquiry: 'praise' as const }, false],
    ['any of several sentiments', { sentiments: ['neutral' as const, 'negative' as const] }, { sentiment: 'neutral' as const, inquiry: 'other' as const }, true],
    ['inquiry type', { inquiryTypes: ['question' as const, 'complaint' as const] }, { sentiment: 'negative' as const, inquiry: 'complaint' as const }, true],
    ['other inquiry type', { inquiryTypes: ['question' as const] }, { sentiment: 'positive' as const, inquiry: 'praise' as const }, false],
    ['both must hold', { sentiments: ['negative' as const], inquiryTypes: ['question' as const] }, { sentiment: 'negative' as const, inquiry: 'complaint' as const }, false],
    ['no analysis: analysis conditions do not hold', { sentiments: ['negative' as const] }, null, false],
    ['no analysis: other conditions still work', { keywords: ['rechnung'] }, null, true],
  ])('analysis condition: %s', (_why, conditions, analysis, expected) => {
    expect(applyRules([rule('r', conditions, { tags: ['x'] })], { ...sample, analysis }).matched.length === 1).toBe(expected);
  });

  it('analyses the text as the pipeline does, and a failing analysis loses nothing', () => {
    const subject = withAnalysis(sample, (text, fallback) => ({ language: fallback, sentiment: text.includes('falsch') ? 'negative' : 'neutral', score: 0, inquiry: 'complaint', modelVersion: 't' }));
    expect(subject).toEqual({ ...sample, analysis: { sentiment: 'negative', inquiry: 'complaint' } });
    const messages: string[] = [];
    const failed = withAnalysis(sample, () => { throw new Error('model missing'); }, (message) => messages.push(message));
    expect(failed).toEqual({ ...sample, analysis: null });
    expect(messages).toEqual([expect.stringContaining('model missing')]);
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

  it('look at the analysed sentiment and inquiry type on intake and in the tester; rules stored without them keep working', async () => {
    const analyzer = createAnalyzer();
    const question = 'Wann habt ihr am Samstag geöffnet?';
    const complaint = 'Schon wieder eine falsche Rechnung, das ist eine Frechheit';
    const praise = 'Danke, super Beratung heute in der Filiale! 😊';
    // What the real analyzer says about them; the rules below must follow it.
    expect(analyzer.analyze(question, 'de').inquiry).toBe('question');
    expect(analyzer.analyze(complaint, 'de')).toMatchObject({ sentiment: 'negative', inquiry: 'complaint' });
    expect(analyzer.analyze(praise, 'de')).toMatchObject({ sentiment: 'positive', inquiry: 'praise' });

    const started = startCore();
    const { core } = started;
    const workspaceId = await workspace(core);
    const forum = await column(started, workspaceId);
    // A rule as stored before issue 6: its JSON has neither sentiments nor inquiryTypes.
    core.store.db
      .prepare(
        `INSERT INTO inbox_rules (id, workspace_id, position, name, enabled, conditions, actions, created_at, updated_at)
         VALUES ('00000000-0000-4000-8000-00000000000a', ?, 0, 'Alt', 1, ?, ?, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')`,
      )
      .run(workspaceId, JSON.stringify({ keywords: ['rechnung'], networks: [], streamIds: [], languages: [], minFollowers: null }), JSON.stringify({ tags: ['billing'], assigneeId: null }));
    const [old] = (await call<{ rules: InboxRule[] }>(core, 'rules.list', { workspaceId })).rules;
    expect(old).toMatchObject({ name: 'Alt', enabled: true, conditions: { keywords: ['rechnung'], sentiments: [], inquiryTypes: [] } });

    const complaints = await call<InboxRule>(core, 'rules.save', {
      workspaceId,
      name: 'Beschwerden',
      enabled: true,
      conditions: { ...ANY, sentiments: ['negative'], inquiryTypes: ['complaint'] },
      actions: { tags: ['beschwerde'], assigneeId: null },
    });
    const questions = await call<InboxRule>(core, 'rules.save', {
      workspaceId,
      name: 'Fragen',
      enabled: true,
      conditions: { ...ANY, inquiryTypes: ['question'] },
      actions: { tags: ['frage'], assigneeId: null },
    });
    expect(complaints.conditions).toMatchObject({ sentiments: ['negative'], inquiryTypes: ['complaint'] });

    const at = new Date(started.clock.ms - 60_000).toISOString();
    const arrived = inboxChanged(core, workspaceId);
    await deliver(started, forum, [
      anItem({ remoteId: 'q', text: question, createdAt: at }),
      anItem({ remoteId: 'c', text: complaint, createdAt: at }),
      anItem({ remoteId: 'p', text: praise, createdAt: at }),
    ]);
    await arrived;
    const tagsByText = Object.fromEntries((await listAll(core, workspaceId)).map((entry) => [entry.item.text, entry.tags]));
    expect(tagsByText).toEqual({ [question]: ['frage'], [complaint]: ['beschwerde', 'billing'], [praise]: [] });

    // The tester analyses the sample text the same way.
    const sampleOf = (text: string) => ({ text, network: 'feed', streamId: null, language: 'de', followers: null });
    expect(await call(core, 'rules.test', { workspaceId, sample: sampleOf(complaint) })).toEqual({
      matched: [
        { ruleId: old!.id, name: 'Alt' },
        { ruleId: complaints.id, name: 'Beschwerden' },
      ],
      tags: ['billing', 'beschwerde'],
      assigneeId: null,
    });
    expect(await call(core, 'rules.test', { workspaceId, sample: sampleOf(question) })).toMatchObject({ matched: [{ ruleId: questions.id }], tags: ['frage'] });
    expect(await call(core, 'rules.test', { workspaceId, sample: sampleOf(praise) })).toMatchObject({ matched: [], tags: [] });
  });
});
