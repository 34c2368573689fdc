import { describe, expect, it } from 'vitest';
import {
  foldForMatching,
  renderSavedReply,
  savedReplyScore,
  searchSavedReplies,
  suggestSavedReplies,
  type SavedReplyVars,
} from '../../src/shared/inbox/savedReplyText';

const everyone: SavedReplyVars = {
  author: { name: 'Bob Keller', handle: 'bob.bsky.social' },
  agent: { name: 'Anna Berg', initials: 'AB', signature: '^AB' },
  workspace: { name: 'Migros' },
};
const nobody: SavedReplyVars = {};

describe('renderSavedReply', () => {
  it.each([
    ['Hallo {{author.name}}, danke!', everyone, 'Hallo Bob Keller, danke!'],
    ['Hallo {{ author.name }}, danke!', everyone, 'Hallo Bob Keller, danke!'],
    ['@{{author.handle}} Danke! {{agent.signature}}', everyone, '@bob.bsky.social Danke! ^AB'],
    ['{{agent.name}} ({{agent.initials}}) von {{workspace.name}}', everyone, 'Anna Berg (AB) von Migros'],
    ['Hallo {{author.name}}, danke!', nobody, 'Hallo, danke!'],
    ['Hallo {{author.name}}!', { author: { name: null } }, 'Hallo!'],
    ['Hallo {{author.name}} und willkommen', { author: { name: '   ' } }, 'Hallo und willkommen'],
    ['@{{author.handle}} Danke für den Hinweis.', nobody, 'Danke für den Hinweis.'],
    ['Danke! {{agent.signature}}', nobody, 'Danke!'],
    ['Danke!\n{{agent.signature}}', nobody, 'Danke!'],
    ['Danke!\n\n{{agent.name}} {{agent.signature}}\nIhr Team', nobody, 'Danke!\n\nIhr Team'],
    ['Hi {{author.name}} {{agent.name}} hier', nobody, 'Hi hier'],
    ['Grüsse ({{agent.initials}})', nobody, 'Grüsse'],
    ['Grüsse ({{agent.initials}}) und [{{workspace.name}}] Team', nobody, 'Grüsse und Team'],
    ['Grüsse ({{agent.initials}})', everyone, 'Grüsse (AB)'],
    ['{{unknown.thing}} Danke {{author.nickname}}.', everyone, 'Danke.'],
    ['Kein Platzhalter,  aber  zwei Leerzeichen', nobody, 'Kein Platzhalter,  aber  zwei Leerzeichen'],
    ['{{author.name}}', { author: { name: '{{agent.name}}' } }, '{{agent.name}}'],
  ])('%j', (body, vars, expected) => {
    const rendered = renderSavedReply(body, vars);
    expect(rendered).toBe(expected);
    expect(rendered).not.toMatch(/undefined|null|\uE000/);
  });
});

describe('suggestSavedReplies', () => {
  const replies = [
    { id: 'ack', title: 'Danke, wir kümmern uns', body: 'Danke!', keywords: [] },
    { id: 'hours', title: 'Öffnungszeiten', body: 'Mo–Sa 8–20 Uhr', keywords: ['geöffnet', 'offen'] },
    { id: 'delivery', title: 'Lieferung verspätet', body: 'Die Lieferung…', keywords: ['lieferzeit', 'paket', 'wo bleibt'] },
    { id: 'street', title: 'Adresse der Filiale', body: 'Bahnhofstrasse 1', keywords: ['Straße', 'app'] },
  ];
  const ids = (message: string) => suggestSavedReplies(replies, message).map((r) => r.id);

  it.each([
    ['Wann habt ihr am Samstag geöffnet?', ['hours', 'ack', 'delivery', 'street']],
    ['WANN HABT IHR GEÖFFNET', ['hours', 'ack', 'delivery', 'street']],
    ['wann habt ihr geoeffnet', ['hours', 'ack', 'delivery', 'street']],
    ['Was sind eure Oeffnungszeiten?', ['hours', 'ack', 'delivery', 'street']],
    ['Wo bleibt mein Paket? Die Lieferzeiten sind eine Katastrophe', ['delivery', 'ack', 'hours', 'street']],
    ['In welcher Strasse ist die Filiale?', ['street', 'ack', 'hours', 'delivery']],
    ['Ich liebe Apple', ['ack', 'hours', 'delivery', 'street']],
    ['Die App stürzt ab', ['street', 'ack', 'hours', 'delivery']],
    ['', ['ack', 'hours', 'delivery', 'street']],
  ])('%j', (message, expected) => {
    expect(ids(message)).toEqual(expected);
  });

  it('scores keyword hits above title words, and several hits above one', () => {
    const message = 'Lieferung verspätet, wo bleibt mein Paket?';
    expect(savedReplyScore(replies[2]!, message)).toBe(3 + 3 + 1 + 1);
    expect(savedReplyScore(replies[0]!, message)).toBe(0);
    expect(savedReplyScore(replies[1]!, 'ist die Filiale offen')).toBe(3);
  });

  it('folds case, umlauts, ß and accents the same way on both sides', () => {
    expect(foldForMatching('Straße ÖFFNUNGSZEITEN Café Müller')).toBe('strasse oeffnungszeiten cafe mueller');
  });
});

describe('suggestSavedReplies with the message\'s inquiry type', () => {
  const replies = [
    { id: 'ack', title: 'Danke, wir kümmern uns', body: 'Danke!', keywords: [] },
    { id: 'hours', title: 'Öffnungszeiten', body: 'Mo–Sa 8–20 Uhr', keywords: ['geöffnet', 'offen', 'öffnungszeiten'], inquiryTypes: ['question' as const] },
    { id: 'sorry', title: 'Entschuldigung', body: 'Das tut uns leid.', keywords: ['kaputt'], inquiryTypes: ['complaint' as const] },
    { id: 'hours-any', title: 'Filialen', body: 'Alle Filialen', keywords: ['öffnungszeiten'] },
  ];
  const ids = (message: string, inquiry?: 'question' | 'complaint' | 'praise' | 'other' | null) =>
    suggestSavedReplies(replies, message, inquiry).map((r) => r.id);

  it('ranks a reply made for the type higher than one for any type with the same words', () => {
    expect(ids('Was sind eure Öffnungszeiten?', 'question')).toEqual(['hours', 'hours-any', 'ack', 'sorry']);
    expect(savedReplyScore(replies[1]!, 'Was sind eure Öffnungszeiten?', 'question')).toBe(savedReplyScore(replies[1]!, 'Was sind eure Öffnungszeiten?') + 2);
  });

  it('does not suggest a reply made for other types on its keywords alone', () => {
    // A complaint about the opening hours is not a question the opening-hours reply answers.
    const message = 'Eure Öffnungszeiten sind eine Frechheit';
    expect(savedReplyScore(replies[1]!, message, 'complaint')).toBe(0);
    expect(ids(message, 'complaint')).toEqual(['hours-any', 'sorry', 'ack', 'hours']);
    expect(savedReplyScore(replies[3]!, message, 'complaint')).toBeGreaterThan(0);
  });

  it('suggests a reply made for the type even without a keyword, below keyword hits', () => {
    expect(savedReplyScore(replies[2]!, 'Ich bin sehr enttäuscht', 'complaint')).toBe(2);
    expect(ids('Ich bin sehr enttäuscht', 'complaint')).toEqual(['sorry', 'ack', 'hours', 'hours-any']);
  });

  it('ranks by words alone without a type, as callers that pass none always did', () => {
    expect(ids('Was sind eure Öffnungszeiten?')).toEqual(ids('Was sind eure Öffnungszeiten?', null));
    expect(ids('Was sind eure Öffnungszeiten?')).toEqual(['hours', 'hours-any', 'ack', 'sorry']);
    expect(ids('', 'question')).toEqual(['ack', 'hours', 'sorry', 'hours-any']);
  });
});

describe('searchSavedReplies', () => {
  const replies = [
    { id: 'a', title: 'Adresse', body: 'Unsere Filiale liegt an der Bahnhofstrasse.', keywords: ['standort'] },
    { id: 'b', title: 'Filiale geschlossen', body: 'Heute bleibt sie zu.', keywords: [] },
    { id: 'c', title: 'Danke', body: 'Danke für Ihre Nachricht.', keywords: ['lob'] },
  ];
  const ids = (query: string) => searchSavedReplies(replies, query).map((r) => r.id);

  it.each([
    ['', ['a', 'b', 'c']],
    ['filiale', ['b', 'a']],
    ['FILIALE bahnhofstraße', ['a']],
    ['standort', ['a']],
    ['danke nachricht', ['c']],
    ['danke filiale', []],
    ['  lob  ', ['c']],
  ])('%j', (query, expected) => {
    expect(ids(query)).toEqual(expected);
  });
});
