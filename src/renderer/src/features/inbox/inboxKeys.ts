import type { KeyLike } from '../deck/keyboard';

/** The inbox list's single-key commands, as mail clients and help desks have them. */
export type InboxCommand = 'next' | 'previous' | 'open' | 'reply' | 'assign' | 'tag' | 'done' | 'snooze' | 'acknowledge' | 'toggleSelect' | 'help';

const KEYS: Record<string, InboxCommand> = {
  j: 'next',
  k: 'previous',
  ArrowDown: 'next',
  ArrowUp: 'previous',
  Enter: 'open',
  r: 'reply',
  a: 'assign',
  t: 'tag',
  e: 'done',
  s: 'snooze',
  q: 'acknowledge',
  x: 'toggleSelect',
  '?': 'help',
};

/** Shift is part of "?" on most layouts, so it only blocks the letter commands. */
export function inboxCommandFor(event: KeyLike): InboxCommand | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  const command = KEYS[event.key];
  if (!command) return null;
  if (event.shiftKey && command !== 'help') return null;
  return command;
}

/** The shortcuts the help dialog lists, in its order (keys as shown, and the i18n key of what they do). */
export const INBOX_SHORTCUTS: ReadonlyArray<{ keys: string[]; action: InboxCommand | 'send' | 'close' | 'views' }> = [
  { keys: ['j', '↓'], action: 'next' },
  { keys: ['k', '↑'], action: 'previous' },
  { keys: ['Enter'], action: 'open' },
  { keys: ['r'], action: 'reply' },
  { keys: ['q'], action: 'acknowledge' },
  { keys: ['a'], action: 'assign' },
  { keys: ['t'], action: 'tag' },
  { keys: ['e'], action: 'done' },
  { keys: ['s'], action: 'snooze' },
  { keys: ['x'], action: 'toggleSelect' },
  { keys: ['Ctrl+Enter'], action: 'send' },
  { keys: ['Esc'], action: 'close' },
  { keys: ['g d', 'g i', 'g p', 'g b'], action: 'views' },
  { keys: ['?'], action: 'help' },
];
