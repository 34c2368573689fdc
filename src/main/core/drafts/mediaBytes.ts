import { MAX_MEDIA_BYTES } from '../../../shared/contract/composer';
import { AppError } from '../../../shared/contract/errors';

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Standard base64 (RFC 4648 §4, padded), nothing lenient: a typo must not become a broken image. */
export function decodeBase64(data: string, fileName: string): Buffer {
  if (data.length % 4 !== 0 || !BASE64.test(data)) {
    throw new AppError('invalid_params', `The data of ${fileName} is not valid base64.`);
  }
  const bytes = Buffer.from(data, 'base64');
  if (bytes.length === 0) throw new AppError('invalid_params', `${fileName} is empty.`);
  if (bytes.length > MAX_MEDIA_BYTES) {
    throw new AppError('invalid_params', `${fileName} has ${bytes.length} bytes; at most ${MAX_MEDIA_BYTES} can be attached.`);
  }
  return bytes;
}

const ALIASES: Record<string, string> = { 'image/jpg': 'image/jpeg', 'image/pjpeg': 'image/jpeg' };

export function normaliseMimeType(mimeType: string): string {
  const lower = mimeType.trim().toLowerCase();
  return ALIASES[lower] ?? lower;
}

function startsWith(bytes: Buffer, signature: readonly number[], at = 0): boolean {
  return bytes.length >= at + signature.length && signature.every((byte, i) => bytes[at + i] === byte);
}

const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

/** The image type the bytes' signature (magic number) says, for the four types networks all take; null for anything else. */
export function sniffImageType(bytes: Buffer): string | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return 'image/gif';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'image/webp';
  return null;
}

const SNIFFABLE = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);

/**
 * Refuses a file whose bytes contradict its declared type: a "PNG" that is not one, or a PNG
 * declared as something else. The network would reject it at publish time, much later.
 */
export function assertTypeMatches(bytes: Buffer, mimeType: string, fileName: string): void {
  const sniffed = sniffImageType(bytes);
  if (sniffed === mimeType) return;
  if (SNIFFABLE.has(mimeType) || sniffed !== null) {
    throw new AppError('invalid_params', `${fileName} is declared as ${mimeType} but its content is ${sniffed ?? 'not that type'}.`);
  }
}
