import type { InboxSettings } from '../../../shared/contract/inbox';

export interface SignatureRule {
  /** The draft's own switch. */
  appendSignature: boolean;
  placement: InboxSettings['signaturePlacement'];
  isReply: boolean;
  /** The current agent's signature, if there is an agent. */
  signature: string | null;
}

export function wantsSignature(rule: SignatureRule): boolean {
  if (!rule.appendSignature || !rule.signature?.trim()) return false;
  return rule.placement === 'all' || (rule.placement === 'replies' && rule.isReply);
}

/**
 * The text with the agent's signature ("Danke für den Hinweis! ^AB"): the text loses its
 * trailing whitespace and the signature follows after a space, or on a line of its own when the
 * text ended with a line break (the user closed a block, e.g. a list). A text that already ends
 * with the signature (a saved reply that contains it) is left as it is.
 */
export function withSignature(text: string, rule: SignatureRule): string {
  if (!wantsSignature(rule)) return text;
  const signature = rule.signature!.trim();
  const body = text.trimEnd();
  if (body === '') return signature;
  if (body === signature || (body.endsWith(signature) && /\s/.test(body.charAt(body.length - signature.length - 1)))) return body;
  const separator = /[\r\n]/.test(text.slice(body.length)) ? '\n' : ' ';
  return body + separator + signature;
}
