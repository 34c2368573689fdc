/** Text edits of the composer's text area, kept apart from the DOM so they can be tested. */

export interface TextEdit {
  text: string;
  /** Where the cursor goes afterwards. */
  cursor: number;
}

/**
 * Inserts at the cursor (replacing a selection). Keeps a space between the insert and the words
 * around it, so a saved reply dropped into a sentence does not glue onto it.
 */
export function insertAtCursor(text: string, selectionStart: number, selectionEnd: number, insert: string): TextEdit {
  const start = clamp(Math.min(selectionStart, selectionEnd), 0, text.length);
  const end = clamp(Math.max(selectionStart, selectionEnd), 0, text.length);
  const before = text.slice(0, start);
  const after = text.slice(end);
  const lead = before.length > 0 && !/\s$/.test(before) && insert.length > 0 && !/^\s/.test(insert) ? ' ' : '';
  const trail = after.length > 0 && !/^\s/.test(after) && insert.length > 0 && !/\s$/.test(insert) ? ' ' : '';
  const inserted = lead + insert + trail;
  return { text: before + inserted + after, cursor: before.length + lead.length + insert.length };
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}

/** The base64 part of a data: URL as FileReader.readAsDataURL gives it. */
export function base64FromDataUrl(dataUrl: string): string {
  const comma = dataUrl.indexOf(',');
  if (!dataUrl.startsWith('data:') || comma < 0 || !dataUrl.slice(0, comma).endsWith(';base64')) {
    throw new Error('Not a base64 data URL.');
  }
  return dataUrl.slice(comma + 1);
}
