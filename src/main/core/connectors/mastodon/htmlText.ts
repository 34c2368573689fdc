/**
 * Plain text from Mastodon's status HTML, for display, search and analysis. The result is only ever
 * used as text, never rendered as HTML, so "safe" here means: no markup, no script or style
 * content, entities decoded once. Mastodon's link spans (`<span class="invisible">https://</span>`)
 * simply lose their tags, so links come out whole. No DOM: the core is plain Node.
 */
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', hellip: '…', mdash: '—', ndash: '–' };

export function htmlToText(html: string): string {
  const withBreaks = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(script|style|template)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|blockquote|li|h[1-6]|pre)\s*>/gi, '\n\n')
    .replace(/<li\b[^>]*>/gi, '• ');
  const stripped = withBreaks.replace(/<\/?[a-zA-Z][^>]*>/g, '');
  return decodeEntities(stripped)
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (match, entity: string) => {
    if (entity[0] === '#') {
      const code = entity[1] === 'x' || entity[1] === 'X' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
      // Out-of-range and NUL code points are dropped rather than throwing.
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    }
    return NAMED[entity.toLowerCase()] ?? match;
  });
}
