import { htmlTokens } from './htmlTokens';

/**
 * Elements whose contents are never text a reader sees (code, embedded documents, fallbacks).
 * Not <head>: its end tag is optional, and an unclosed one would hide the whole body.
 */
const HIDDEN = new Set(['script', 'style', 'template', 'noscript', 'iframe', 'noembed', 'noframes', 'object', 'svg', 'math', 'canvas', 'title']);
/** Elements that end a line. */
const LINE = new Set(['li', 'dt', 'dd', 'tr', 'div', 'section', 'article', 'header', 'footer', 'main', 'nav', 'aside', 'figure', 'figcaption', 'address', 'details', 'summary', 'form', 'fieldset', 'legend', 'caption', 'hr']);
/** Elements set off by a blank line. */
const PARAGRAPH = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'ul', 'ol', 'dl', 'table']);
const CELL = new Set(['td', 'th']);

/**
 * Plain text of remote HTML, for display, search and analysis: tags dropped, entities decoded,
 * scripts, styles and other hidden contents left out, blocks on lines of their own, runs of
 * white space collapsed. The result is text, never markup: a "&lt;b&gt;" in the source becomes
 * the characters "<b>", which is what the author wrote.
 */
export function htmlToText(html: string): string {
  const out: string[] = [];
  /** Open hidden elements, innermost last; text is dropped while any is open. */
  const hidden: string[] = [];
  let preDepth = 0;

  for (const token of htmlTokens(html)) {
    if (token.type === 'rawtext') continue; // script, style ... contents
    if (token.type === 'text') {
      if (hidden.length) continue;
      const text = token.text.replace(/[\uFDD0\uFDD1]/g, ''); // reserved for the break markers below
      out.push(preDepth > 0 ? text : text.replace(/[ \t\n\r\f]+/g, ' '));
      continue;
    }
    const name = token.name;
    if (hidden.length) {
      // Only the matching end tag counts while hidden; nested elements of the same name nest.
      if (token.type === 'open' && name === hidden[hidden.length - 1] && !token.selfClosing) hidden.push(name);
      else if (token.type === 'close' && name === hidden[hidden.length - 1]) hidden.pop();
      continue;
    }
    if (token.type === 'open' && HIDDEN.has(name)) {
      if (!token.selfClosing) hidden.push(name);
      continue;
    }
    if (name === 'pre') preDepth = Math.max(0, preDepth + (token.type === 'open' ? 1 : -1));
    if (name === 'br') out.push('\n'); // a hard break: two of them make a blank line
    else if (PARAGRAPH.has(name)) out.push(PARAGRAPH_BREAK);
    else if (LINE.has(name)) out.push(LINE_BREAK);
    else if (CELL.has(name) && token.type === 'open') out.push(' ');
  }
  return tidy(out.join(''));
}

// Soft breaks around blocks, as markers (noncharacters, removed from the text itself):
// "</li><li>" is one line break, not two, and a paragraph break absorbs line breaks next to it.
const LINE_BREAK = '\uFDD0';
const PARAGRAPH_BREAK = '\uFDD1';

function tidy(text: string): string {
  const lines = text
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t\f]*[\uFDD0\uFDD1][\s\uFDD0\uFDD1]*/g, (run) => (run.includes(PARAGRAPH_BREAK) ? '\n\n' : run.includes('\n') ? run.replace(/[^\n]/g, '') : '\n'))
    .split('\n')
    .map((line) => line.replace(/[ \t\f\u00a0]+/g, ' ').trim());
  return stripControlCharacters(lines.join('\n').replace(/\n{3,}/g, '\n\n').trim());
}

/** C0 controls other than tab and newline, and DEL, never belong in displayed text. */
export function stripControlCharacters(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
}
