import createDOMPurify from 'dompurify';
import { defuseForParsing } from './htmlPrefilter';

/**
 * Remote HTML (a post, a feed entry) is never trusted. It goes through DOMPurify with an allow
 * list of harmless text markup: no scripts, no event handlers, no style, no classes or ids (so a
 * post cannot dress up as part of the app or clobber its elements), no forms, frames, media
 * players or SVG. Links open outside the app; images load lazily, without a referrer, and only
 * over https (the renderer's CSP would block anything else).
 */
const ALLOWED_TAGS = [
  'a', 'abbr', 'b', 'blockquote', 'br', 'cite', 'code', 'dd', 'del', 'div', 'dl', 'dt', 'em', 'figcaption',
  'figure', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'i', 'img', 'ins', 'li', 'mark', 'ol', 'p', 'pre', 'q',
  's', 'small', 'span', 'strong', 'sub', 'sup', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'time', 'tr',
  'u', 'ul',
];
const ALLOWED_ATTR = ['href', 'src', 'alt', 'title', 'lang', 'dir', 'datetime', 'colspan', 'rowspan'];
const SAFE_LINK = /^(?:https?:|mailto:)/i;
const SAFE_IMAGE = /^https:\/\//i;

let purifier: ReturnType<typeof createDOMPurify> | null = null;

function getPurifier(): ReturnType<typeof createDOMPurify> {
  // Its own instance, so that no other use of DOMPurify sees this configuration.
  purifier ??= createDOMPurify(window);
  return purifier;
}

/** A sanitized copy of remote HTML as a fragment, ready to be appended (never re-parsed). */
export function sanitizeHtml(html: string): DocumentFragment {
  const fragment = getPurifier().sanitize(defuseForParsing(html), {
    ALLOWED_TAGS,
    ALLOWED_ATTR,
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
    ALLOWED_URI_REGEXP: /^(?:https?:|mailto:)/i,
    RETURN_DOM_FRAGMENT: true,
  });
  for (const link of fragment.querySelectorAll('a')) {
    const href = link.getAttribute('href');
    if (!href || !SAFE_LINK.test(href.trim())) {
      link.removeAttribute('href');
      continue;
    }
    // The desktop shell turns a new window into the system browser.
    link.setAttribute('target', '_blank');
    link.setAttribute('rel', 'noopener noreferrer');
  }
  for (const image of fragment.querySelectorAll('img')) {
    const src = image.getAttribute('src');
    if (!src || !SAFE_IMAGE.test(src.trim())) {
      image.remove();
      continue;
    }
    image.setAttribute('loading', 'lazy');
    image.setAttribute('decoding', 'async');
    image.setAttribute('referrerpolicy', 'no-referrer');
    // No alt text: decoration, which screen readers skip.
    if (!image.hasAttribute('alt')) image.setAttribute('alt', '');
  }
  return fragment;
}

/** An http(s) address to link to, or null (javascript:, data: and the like are never linked). */
export function safeHttpUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** An image the CSP lets the renderer load (https only), or null. */
export function safeImageUrl(url: string | null | undefined): string | null {
  const safe = safeHttpUrl(url);
  return safe && safe.startsWith('https://') ? safe : null;
}
