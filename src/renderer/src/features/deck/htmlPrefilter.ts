/**
 * Chromium checks the Content-Security-Policy while it PARSES html, even into an inert document
 * (DOMParser, as DOMPurify uses): an onclick or style attribute, or a <style> element, in a post
 * logs a CSP violation there, although nothing runs and DOMPurify removes it right after.
 * So before parsing, such attributes are renamed (to data-defused-…, which DOMPurify then drops)
 * and <style> elements go. This is not the sanitizer, only quiet: whatever slips past these
 * patterns is still removed by DOMPurify, at worst with a line in the console.
 */
const STYLE_ELEMENT = /<style\b[^>]*>[\s\S]*?<\/style\s*>/gi;
/** A start tag, with quoted attribute values (which may contain ">") read as a whole. */
const START_TAG = /<[a-zA-Z][^\s/>]*(?:"[^"]*"|'[^']*'|[^>"'])*>/g;
const RISKY_ATTRIBUTE = /([\s/"'])(on[a-z]+|style)(?=\s*=|[\s/>]|$)/gi;

export function defuseForParsing(html: string): string {
  return html.replace(STYLE_ELEMENT, '').replace(START_TAG, (tag) => tag.replace(RISKY_ATTRIBUTE, '$1data-defused-$2'));
}
