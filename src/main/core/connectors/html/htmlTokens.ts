import { decodeHTML, decodeHTMLAttribute } from 'entities';

/**
 * A small, DOM-free HTML tokenizer for reading remote markup: plain text of feed entries and
 * <link> tags of web pages. It follows the parts of the WHATWG tokenizer that decide what is
 * markup and what is text, so nothing a browser would treat as script or markup ends up as
 * text and no tag is missed because of quotes, comments or raw-text elements:
 *  - quoted attribute values may contain ">" and "<";
 *  - comments, doctypes, processing instructions and CDATA sections are recognized;
 *  - the contents of script, style and the other raw-text elements are never tokenized
 *    (a "</p>" inside a script is not a tag), and "<script/>" still opens a script;
 *  - a "<" that does not start a tag is text; a tag cut off by the end of input is dropped.
 * It builds no tree; callers keep whatever little state they need.
 */
export type HtmlToken =
  | { type: 'text'; text: string }
  /** Contents of a raw-text element (script, style ...) as one token, entities not decoded. */
  | { type: 'rawtext'; text: string; element: string }
  | { type: 'open'; name: string; attributes: Map<string, string>; selfClosing: boolean }
  | { type: 'close'; name: string };

/** Their contents are text up to the matching end tag; nothing in them is markup. */
const RAW_TEXT = new Set(['script', 'style', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript']);
/** Contents are text with entities, up to the matching end tag. */
const ESCAPABLE_RAW_TEXT = new Set(['title', 'textarea']);

export function* htmlTokens(html: string): Generator<HtmlToken> {
  const length = html.length;
  let i = 0;
  let textStart = 0;

  function* flushText(end: number): Generator<HtmlToken> {
    if (end > textStart) yield { type: 'text', text: decodeHTML(html.slice(textStart, end)) };
  }

  while (i < length) {
    const lt = html.indexOf('<', i);
    if (lt === -1) break;
    const next = html.charCodeAt(lt + 1);

    if (html.startsWith('<!--', lt)) {
      yield* flushText(lt);
      const end = html.indexOf('-->', lt + 4);
      i = textStart = end === -1 ? length : end + 3;
      continue;
    }
    if (html.startsWith('<![CDATA[', lt)) {
      // Not HTML, but feed authors paste XHTML with CDATA into content; its text is literal.
      yield* flushText(lt);
      const end = html.indexOf(']]>', lt + 9);
      const text = html.slice(lt + 9, end === -1 ? length : end);
      if (text) yield { type: 'text', text };
      i = textStart = end === -1 ? length : end + 3;
      continue;
    }
    if (next === 0x21 /* ! */ || next === 0x3f /* ? */ || (next === 0x2f /* / */ && !isAsciiLetter(html.charCodeAt(lt + 2)))) {
      // Doctype, processing instruction or bogus comment: skipped up to the next ">".
      yield* flushText(lt);
      const end = html.indexOf('>', lt + 2);
      i = textStart = end === -1 ? length : end + 1;
      continue;
    }
    if (next === 0x2f /* / */) {
      yield* flushText(lt);
      const nameEnd = scanName(html, lt + 2);
      const end = html.indexOf('>', nameEnd);
      if (end === -1) return; // an end tag cut off by the end of input is dropped
      yield { type: 'close', name: html.slice(lt + 2, nameEnd).toLowerCase() };
      i = textStart = end + 1;
      continue;
    }
    if (!isAsciiLetter(next)) {
      i = lt + 1; // a lone "<" is text
      continue;
    }

    yield* flushText(lt);
    const tag = readStartTag(html, lt);
    if (!tag) return; // a start tag cut off by the end of input is dropped
    // The self-closing flag means nothing on raw-text elements: "<script/>" opens a script.
    const raw = RAW_TEXT.has(tag.name) || ESCAPABLE_RAW_TEXT.has(tag.name);
    yield { type: 'open', name: tag.name, attributes: tag.attributes, selfClosing: tag.selfClosing && !raw };
    i = textStart = tag.end;

    if (raw) {
      const close = findEndTag(html, tag.name, i);
      const content = html.slice(i, close === -1 ? length : close);
      if (RAW_TEXT.has(tag.name)) {
        if (content) yield { type: 'rawtext', text: content, element: tag.name };
      } else if (content) {
        yield { type: 'text', text: decodeHTML(content) };
      }
      if (close === -1) return;
      const end = html.indexOf('>', close);
      yield { type: 'close', name: tag.name };
      i = textStart = end === -1 ? length : end + 1;
    }
  }
  yield* flushText(length);
}

interface StartTag {
  name: string;
  attributes: Map<string, string>;
  selfClosing: boolean;
  /** Index just after the closing ">". */
  end: number;
}

function readStartTag(html: string, lt: number): StartTag | null {
  const nameEnd = scanName(html, lt + 1);
  const name = html.slice(lt + 1, nameEnd).toLowerCase();
  const attributes = new Map<string, string>();
  let i = nameEnd;
  let selfClosing = false;
  while (i < html.length) {
    const c = html[i]!;
    if (c === '>') return { name, attributes, selfClosing, end: i + 1 };
    if (isSpace(c)) {
      i++;
      continue;
    }
    if (c === '/') {
      selfClosing = html[i + 1] === '>';
      i++;
      continue;
    }
    selfClosing = false;
    // Attribute name: anything up to whitespace, "/", ">" or "=" (a leading "=" belongs to it).
    const attrStart = i;
    i++;
    while (i < html.length && !isSpace(html[i]!) && html[i] !== '/' && html[i] !== '>' && html[i] !== '=') i++;
    const attrName = html.slice(attrStart, i).toLowerCase();
    while (i < html.length && isSpace(html[i]!)) i++;
    let value = '';
    if (html[i] === '=') {
      i++;
      while (i < html.length && isSpace(html[i]!)) i++;
      const quote = html[i];
      if (quote === '"' || quote === "'") {
        const close = html.indexOf(quote, i + 1);
        if (close === -1) return null;
        value = html.slice(i + 1, close);
        i = close + 1;
      } else {
        const valueStart = i;
        while (i < html.length && !isSpace(html[i]!) && html[i] !== '>') i++;
        value = html.slice(valueStart, i);
      }
    }
    // The first of duplicate attributes wins, as in browsers.
    if (!attributes.has(attrName)) attributes.set(attrName, decodeHTMLAttribute(value));
  }
  return null;
}

/** Index of "</name" (any case) that ends a raw-text element, or -1. */
function findEndTag(html: string, name: string, from: number): number {
  // Searched case-insensitively in place: lower-casing the text first could shift indexes.
  const pattern = new RegExp(`</${name}(?=[\\s/>]|$)`, 'gi');
  pattern.lastIndex = from;
  return pattern.exec(html)?.index ?? -1;
}

function scanName(html: string, from: number): number {
  let i = from;
  while (i < html.length && !isSpace(html[i]!) && html[i] !== '/' && html[i] !== '>') i++;
  return i;
}

function isAsciiLetter(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

function isSpace(c: string): boolean {
  return c === ' ' || c === '\n' || c === '\t' || c === '\r' || c === '\f';
}
