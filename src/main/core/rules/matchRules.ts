import type { InquiryType, Sentiment } from '../../../shared/contract/analysis';
import type { InboxRule, RuleOutcome, RuleSample } from '../../../shared/contract/inbox';

/**
 * What a rule sees of a message: the sample, and what the on-device analysis made of its text
 * (null when it could not be analysed: then sentiment and inquiry-type conditions do not hold).
 */
export interface RuleSubject extends RuleSample {
  analysis?: { sentiment: Sentiment; inquiry: InquiryType } | null;
}

/**
 * Lower case for comparing words people type against what others wrote: composed (NFC) first so
 * that "Zürich" typed with a combining mark matches the precomposed one, then Unicode lower case
 * (String#toLowerCase is locale-independent, so a Turkish machine does not change the result),
 * and ß as ss, as Unicode case folding does, so "STRASSE" finds "Straße" (Swiss German has no ß).
 */
function foldCase(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(/ß/g, 'ss');
}

/** "de" matches de, de-CH and de_AT; "de-CH" matches only de-CH. */
export function languageMatches(wanted: string, actual: string | null): boolean {
  if (!actual) return false;
  const want = wanted.trim().toLowerCase().replace(/_/g, '-');
  const have = actual.trim().toLowerCase().replace(/_/g, '-');
  return have === want || have.startsWith(`${want}-`);
}

/** Every given condition of the rule holds for the sample (empty lists and null mean "any"). */
function ruleMatches(rule: InboxRule, sample: RuleSubject): boolean {
  const { keywords, networks, streamIds, languages, minFollowers, sentiments, inquiryTypes } = rule.conditions;
  if (keywords.length > 0) {
    const text = foldCase(sample.text);
    if (!keywords.some((keyword) => text.includes(foldCase(keyword)))) return false;
  }
  if (networks.length > 0 && !networks.includes(sample.network)) return false;
  if (streamIds.length > 0 && (sample.streamId === null || !streamIds.includes(sample.streamId))) return false;
  if (languages.length > 0 && !languages.some((language) => languageMatches(language, sample.language))) return false;
  if (minFollowers !== null && (sample.followers === null || sample.followers < minFollowers)) return false;
  if (sentiments.length > 0 && (!sample.analysis || !sentiments.includes(sample.analysis.sentiment))) return false;
  if (inquiryTypes.length > 0 && (!sample.analysis || !inquiryTypes.includes(sample.analysis.inquiry))) return false;
  return true;
}

/**
 * Runs the rules in the order given (callers pass them by position): enabled ones only. Tags
 * accumulate in the order the rules add them; a later rule's assignee wins over an earlier one.
 */
export function applyRules(rules: readonly InboxRule[], sample: RuleSubject): RuleOutcome {
  const outcome: RuleOutcome = { matched: [], tags: [], assigneeId: null };
  for (const rule of rules) {
    if (!rule.enabled || !ruleMatches(rule, sample)) continue;
    outcome.matched.push({ ruleId: rule.id, name: rule.name });
    for (const tag of rule.actions.tags) if (!outcome.tags.includes(tag)) outcome.tags.push(tag);
    if (rule.actions.assigneeId !== null) outcome.assigneeId = rule.actions.assigneeId;
  }
  return outcome;
}
