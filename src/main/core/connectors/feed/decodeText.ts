import iconv from 'iconv-lite';

/**
 * Bytes of a feed or web page to text. The charset comes from, in order: a byte order mark,
 * the Content-Type header, the XML declaration, an HTML <meta charset> (pages only), UTF-8.
 *
 * A BOM goes first although a header usually outranks the document: it cannot occur by
 * accident at the start of a Latin-1 text, while a server's default "charset=ISO-8859-1" on
 * a UTF-8 file with a BOM is a common misconfiguration (WHATWG encoding sniffing does the same).
 */
export function decodeText(bytes: Uint8Array, contentType: string | null | undefined, options: { html?: boolean } = {}): DecodedText {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const label =
    bomCharset(buffer) ??
    charsetFromContentType(contentType) ??
    xmlDeclarationCharset(buffer) ??
    (options.html ? metaCharset(buffer) : null) ??
    'utf-8';
  const charset = supportedCharset(label);
  // iconv-lite strips a BOM of the charset it decodes with.
  return { text: iconv.decode(buffer, charset), charset };
}

export interface DecodedText {
  text: string;
  /** The charset actually used (after label mapping and fallback). */
  charset: string;
}

/** The charset parameter of a Content-Type header, if any. */
export function charsetFromContentType(contentType: string | null | undefined): string | null {
  if (!contentType) return null;
  const match = /;\s*charset\s*=\s*("?)([^";,\s]+)\1/i.exec(contentType);
  return match?.[2] ?? null;
}

function bomCharset(buffer: Buffer): string | null {
  if (buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) return 'utf-8';
  if (buffer[0] === 0xfe && buffer[1] === 0xff) return 'utf-16be';
  if (buffer[0] === 0xff && buffer[1] === 0xfe) return 'utf-16le';
  return null;
}

/** encoding="..." of an XML declaration; the declaration is ASCII in every ASCII-compatible charset. */
function xmlDeclarationCharset(buffer: Buffer): string | null {
  const head = buffer.subarray(0, 512).toString('latin1');
  const match = /^\s*<\?xml\s[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head);
  return match?.[1] ?? null;
}

/** The HTML prescan, reduced to its two forms: <meta charset=x> and http-equiv Content-Type. */
function metaCharset(buffer: Buffer): string | null {
  const head = buffer.subarray(0, 2048).toString('latin1');
  const match = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)/i.exec(head);
  return match?.[1] ?? null;
}

/**
 * Maps a declared label to a charset iconv-lite decodes, falling back to UTF-8 for unknown
 * labels (a wrong label must not make a feed unreadable). As browsers do, Latin-1 and ASCII
 * labels decode as windows-1252: servers send those labels for text with curly quotes and €.
 */
function supportedCharset(label: string): string {
  const normalized = label.trim().toLowerCase();
  if (LATIN1_LABELS.has(normalized)) return 'windows-1252';
  return iconv.encodingExists(normalized) ? normalized : 'utf-8';
}

const LATIN1_LABELS = new Set([
  'iso-8859-1',
  'iso8859-1',
  'iso_8859-1',
  'latin1',
  'l1',
  'ascii',
  'us-ascii',
  'iso-ir-100',
  'cp819',
  'ibm819',
  'csisolatin1',
  'x-cp1252',
  'cp1252',
]);
