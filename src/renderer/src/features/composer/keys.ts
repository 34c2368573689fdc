/** The composer's keyboard: what a key press means, decided without the DOM. */

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

export type ComposerKeyCommand = 'send' | 'savedReplies' | 'close' | null;

/**
 * Ctrl+Enter (Cmd+Enter on a Mac) sends, Ctrl+Shift+S (Cmd+Shift+S) opens the saved replies, Esc
 * closes (the draft stays). `/` at the start of an empty text opens the saved replies too: the
 * caller passes `emptyText`.
 */
export function composerKeyCommand(press: KeyPress, mac: boolean, emptyText: boolean): ComposerKeyCommand {
  const primary = mac ? press.metaKey : press.ctrlKey;
  const other = mac ? press.ctrlKey : press.metaKey;
  if (press.key === 'Enter' && primary && !other && !press.altKey && !press.shiftKey) return 'send';
  if ((press.key === 's' || press.key === 'S') && primary && !other && press.shiftKey && !press.altKey) return 'savedReplies';
  if (press.key === 'Escape' && !press.ctrlKey && !press.metaKey && !press.altKey && !press.shiftKey) return 'close';
  if (press.key === '/' && emptyText && !press.ctrlKey && !press.metaKey && !press.altKey) return 'savedReplies';
  return null;
}
