/** The deck's single-key commands (no modifiers), as TweetDeck and mail clients have them. */
export type DeckCommand =
  | 'next'
  | 'previous'
  | 'columnLeft'
  | 'columnRight'
  | 'open'
  | 'thread'
  | 'expand'
  | 'toggleRead'
  | 'refresh';

const KEYS: Record<string, DeckCommand> = {
  j: 'next',
  k: 'previous',
  h: 'columnLeft',
  l: 'columnRight',
  ArrowLeft: 'columnLeft',
  ArrowRight: 'columnRight',
  o: 'open',
  Enter: 'thread',
  m: 'toggleRead',
  r: 'refresh',
};

/** Shift+Enter shows all of the item in place (as its "Show more" button does). */
const SHIFTED: Record<string, DeckCommand> = {
  Enter: 'expand',
};

/** Commands that act on the selected item, so they only apply when an item has the focus. */
const ITEM_ONLY: ReadonlySet<DeckCommand> = new Set(['thread', 'expand']);

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey?: boolean;
}

export function deckCommandFor(event: KeyLike, targetIsItem: boolean): DeckCommand | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  const command = (event.shiftKey ? SHIFTED[event.key] : undefined) ?? KEYS[event.key];
  if (!command) return null;
  if (ITEM_ONLY.has(command) && !targetIsItem) return null;
  return command;
}

/** Keys must never fire while the user types (inputs, text areas, selects, editable content). */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!target || typeof (target as Element).closest !== 'function') return false;
  const element = target as HTMLElement;
  if (element.isContentEditable) return true;
  return element.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]') !== null;
}
