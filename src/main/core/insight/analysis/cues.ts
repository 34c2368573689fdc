// Word lists written for this project (function words and common phrases, no third-party lexicon).
// Changing any list changes what the analyzer says: bump RULES_VERSION in index.ts.

export type Lang = 'de' | 'en';

/**
 * Cue phrases are matched against the token line of tokenize.ts: the tokens' words joined by single
 * spaces, padded with a space ("␠die␠verspätung␠ist␠ärgerlich␠!␠"). In a phrase, a space is a word
 * boundary and `*` at a word's end means "and any ending" ("verspät*" matches "verspätung").
 * A whole list becomes one pattern, so each list costs one scan.
 */
function phrases(list: readonly string[], flags = 'u'): RegExp {
  const escape = (text: string) => text.replace(/[.+?^${}()|[\]\\]/gu, '\\$&');
  const alternatives = list.map((phrase) => ` ${phrase.split('*').map(escape).join('[^ ]*')} `);
  return new RegExp(alternatives.join('|'), flags);
}

/** Words that open a negation scope; German `kein*` is matched by prefix in tokenize.ts. */
export const NEGATORS: Record<Lang, ReadonlySet<string>> = {
  de: new Set(['nicht', 'nich', 'net', 'nie', 'niemals', 'ohne', 'weder', 'nix', 'nichts']),
  en: new Set(['not', 'no', 'never', 'without', 'nor', 'cannot', 'dont', 'doesnt', 'didnt', 'isnt', 'wasnt', 'cant', 'wont', 'aint', 'nothing']),
};

/** Words that end a negation scope early ("nicht teuer, aber gut" / "not cheap but good"). */
export const SCOPE_BREAKERS: ReadonlySet<string> = new Set(['aber', 'sondern', 'doch', 'but', 'however']);

export const INTENSIFIERS: Record<Lang, ReadonlySet<string>> = {
  de: new Set(['sehr', 'total', 'mega', 'voll', 'echt', 'so', 'extrem', 'richtig', 'super', 'absolut', 'ziemlich', 'unglaublich']),
  en: new Set(['very', 'so', 'really', 'totally', 'extremely', 'super', 'absolutely', 'incredibly', 'truly', 'soo']),
};

/** Emoji and emoticons whose polarity is plain; the model learns the rest from data. */
export const POSITIVE_EMOJI: ReadonlySet<string> = new Set([
  '😀', '😃', '😄', '😁', '😆', '😊', '😍', '🥰', '😘', '😻', '🤩', '👍', '👏', '🙌', '💪', '🎉', '🥳', '❤', '♥', '💕', '💖', '💗',
  '💙', '💚', '💛', '💜', '🧡', '😂', '🤣', '😎', '🙂', '😉', '✨', '🌟', '⭐', '💯', '🔥', '🙏', '☺',
  ':)', ':-)', ':d', ':-d', ';)', ';-)', '=)', '<3', ':p', ':-p', 'xd',
]);
export const NEGATIVE_EMOJI: ReadonlySet<string> = new Set([
  '😠', '😡', '🤬', '😤', '😞', '😟', '😢', '😭', '😩', '😫', '😒', '🙁', '☹', '😣', '😖', '😔', '😕', '💔', '👎', '🤮', '🤢',
  '😱', '😨', '😰', '🙄', '🤦', '😑', '😐',
  ':(', ':-(', ":'(", ';(', ':/', ':-/', '</3', 'd:',
]);

/** Cheap irony markers: an eye roll, or set phrases that say the opposite of their words. */
export const IRONY_EMOJI: ReadonlySet<string> = new Set(['🙄', '🙃', '😏']);
export const IRONY_PHRASES: Record<Lang, RegExp> = {
  de: phrases(['na toll', 'na super', 'na prima', 'na klasse', 'ganz toll', 'danke auch', 'ja klar', 'vielen dank auch', 'läuft bei euch']),
  en: phrases(['yeah right', 'oh great', 'just great', 'thanks a lot', 'just what i needed', 'not !*', 'as if', 'sure thing', 'oh joy']),
};

/** Question words and verb-first openers ("Kann ich …", "Can I …"). */
export const QUESTION_OPENERS: Record<Lang, ReadonlySet<string>> = {
  de: new Set([
    'wer', 'wie', 'was', 'wann', 'wo', 'woher', 'wohin', 'warum', 'wieso', 'weshalb', 'welche', 'welcher', 'welches', 'welchen',
    'wem', 'wen', 'wozu', 'womit', 'kann', 'kannst', 'könnt', 'können', 'könnte', 'könntet', 'habt', 'hast', 'haben', 'gibt',
    'ist', 'sind', 'seid', 'bist', 'wird', 'werdet', 'muss', 'müssen', 'darf', 'dürfen', 'ob', 'weiß', 'wisst', 'hat', 'geht',
  ]),
  en: new Set([
    'who', 'what', 'when', 'where', 'why', 'how', 'which', 'whom', 'whose', 'can', 'could', 'do', 'does', 'did', 'is', 'are',
    'will', 'would', 'should', 'shall', 'may', 'have', 'has', 'anyone', 'anybody',
  ]),
};
/** Phrases that ask without a question mark. */
export const QUESTION_PHRASES: Record<Lang, RegExp> = {
  de: phrases(['weiß jemand', 'kennt jemand', 'hat jemand', 'ich hätte eine frage', 'ich habe eine frage', 'kurze frage', 'frage an', 'bitte um info', 'bitte um auskunft', 'bitte um rückmeldung', 'wüsste gern*']),
  en: phrases(['does anyone know', 'any idea', 'quick question', 'i have a question', 'i was wondering', 'please advise', 'please let me know', "i'd like to know", 'wondering if']),
};
/** Questions that do not want an answer ("echt jetzt?"); when these are the only questions, it is not a question. */
export const RHETORICAL: Record<Lang, RegExp> = {
  de: phrases(['echt jetzt ?*', 'ernsthaft ?*', 'ernsthaft jetzt ?*', 'wirklich jetzt ?*', 'wtf ?*', 'warum immer ich ?*', "geht's noch ?*", 'gehts noch ?*', 'wie geil ist das denn ?*', 'hallo ?*'], 'gu'),
  en: phrases(['seriously ?*', 'really ?*', 'wtf ?*', 'are you kidding ?*', 'are you kidding me ?*', 'why me ?*', 'who cares ?*', 'how cool is that ?*'], 'gu'),
};

/** Problem and service cues: with negative sentiment they make a complaint; the strong ones do alone. */
export const COMPLAINT_CUES: Record<Lang, RegExp> = {
  de: phrases([
    'immer noch', 'noch immer', 'seit tagen', 'seit wochen', 'seit stunden', 'seit monaten', 'warte*', 'kaputt*', 'erstatt*', 'störung*',
    'verspät*', 'ausgefallen', 'ausfall', 'defekt*', 'reklamation*', 'beschwerde*', 'kundenservice', 'kundendienst', 'hotline', 'support',
    'stornier*', 'kündig*', 'funktioniert nicht', 'geht nicht', 'klappt nicht', 'keine antwort', 'nicht erreichbar', 'falsch*', 'verloren',
    'bestellung', 'lieferung', 'paket', 'rechnung', 'problem*', 'fehler*',
  ]),
  en: phrases([
    'still', 'waiting', 'refund*', 'broken', 'delay*', 'cancel*', 'support', 'customer service', 'complain*', "doesn't work", 'doesnt work',
    'not working', 'stopped working', 'no response', 'no answer', 'charged', 'missing', 'defective', 'faulty', 'outage', 'order', 'delivery',
    'package', 'bill*', 'wrong', 'problem*', 'issue*', 'error*',
  ]),
};
export const STRONG_COMPLAINT_CUES: Record<Lang, RegExp> = {
  de: phrases(['nie wieder', 'frechheit', 'unverschämt*', 'zumutung', 'skandal*', 'abzocke*', 'sauerei', 'katastroph*', 'geld zurück']),
  en: phrases(['never again', 'worst', 'ridiculous', 'unacceptable', 'scam*', 'rip off', 'ripoff', 'disgrace*', 'fix this', 'fix it', 'want my money back']),
};

/** Gratitude and recommendation cues: with positive sentiment they make praise. */
export const PRAISE_CUES: Record<Lang, RegExp> = {
  de: phrases([
    'dank*', 'top', 'super', 'klasse', 'spitze', 'empfehl*', 'weiter so', 'liebe*', 'toll*', 'großartig*', 'perfekt*', 'genial*', 'beste*',
    'hammer', 'geil*', 'hilfreich*', 'lob', 'gratulation', 'glückwunsch*',
  ]),
  en: phrases([
    'thank*', 'thx', 'love*', 'great', 'recommend*', 'awesome', 'amazing', 'best', 'excellent', 'fantastic', 'perfect', 'keep it up',
    'well done', 'kudos', 'helpful', 'congrat*',
  ]),
};
