/**
 * Turns what a person types into a safe FTS5 query: every word becomes a quoted phrase, so
 * FTS5's own syntax (AND, NEAR, column filters, unbalanced quotes) can neither break the query
 * nor be abused. A trailing * on a word keeps its meaning: prefix search.
 * Returns null when nothing searchable is left.
 */
export function toFtsQuery(input: string): string | null {
  const words = input
    .normalize('NFC')
    // FTS5 ends a string at NUL and chokes on other control characters.
    .replace(/\p{Cc}/gu, ' ')
    .split(/\s+/)
    .map((word) => {
      const prefix = word.endsWith('*');
      const core = word.replace(/[*"]/g, '').replace(/^[#@]/, '');
      return core ? `"${core}"${prefix ? '*' : ''}` : null;
    })
    .filter((word): word is string => word !== null)
    .slice(0, 32);
  return words.length > 0 ? words.join(' ') : null;
}
