import type { TFunction } from 'i18next';
import type { ComposerCheck, ComposerProblem } from '../../../../shared/contract/composer';

/**
 * A problem in the UI language. The numbers come from the problem's params where the core gives
 * them (a Bluesky text can be too long in bytes while its graphemes fit; an image type can have a
 * size limit of its own), else from the check's rules; a file name says which attachment is meant.
 */
export function problemText(problem: ComposerProblem, check: Pick<ComposerCheck, 'length' | 'limit' | 'media' | 'network'>, t: TFunction): string {
  const fileName = typeof problem.params?.fileName === 'string' ? problem.params.fileName : null;
  const withFile = (text: string) => (fileName ? t('composer.problems.withFile', { text, fileName }) : text);
  const param = (name: string): number | null => {
    const value = problem.params?.[name];
    return typeof value === 'number' && Number.isFinite(value) ? value : null;
  };
  switch (problem.code) {
    case 'empty':
      return t('composer.problems.empty');
    case 'too_long': {
      const length = param('length') ?? check.length;
      const limit = param('limit') ?? check.limit;
      const count = Math.max(1, length - limit);
      return problem.params?.unit === 'bytes' ? t('composer.problems.tooLongBytes', { count, limit }) : t('composer.problems.tooLong', { count, limit });
    }
    case 'too_many_media':
      return t('composer.problems.tooManyMedia', { count: param('max') ?? check.media.maxCount });
    case 'media_too_large':
      return withFile(t('composer.problems.mediaTooLarge', { size: formatBytes(param('max') ?? check.media.maxBytes) }));
    case 'media_type_not_allowed':
      return withFile(t('composer.problems.mediaTypeNotAllowed', { types: check.media.types.map(shortType).join(', ') }));
    case 'alt_text_missing':
      return withFile(t('composer.problems.altTextMissing'));
    case 'alt_text_too_long':
      return withFile(t('composer.problems.altTextTooLong', { count: param('max') ?? check.media.maxAltLength }));
    case 'mixed_media':
      return t('composer.problems.mixedMedia');
    case 'spoiler_not_supported':
      return t('composer.problems.spoilerNotSupported');
    case 'no_account':
      return t('composer.problems.noAccount');
    case 'account_needs_reconnect':
      return t('composer.problems.accountNeedsReconnect');
  }
}

/** "image/png" -> "PNG". */
export function shortType(mime: string): string {
  return (mime.split('/')[1] ?? mime).toUpperCase();
}

/** Bytes as people read them (1 MB = 1,000,000 bytes, as the networks state their limits). */
export function formatBytes(bytes: number): string {
  if (bytes >= 1_000_000) return `${trim(bytes / 1_000_000)} MB`;
  if (bytes >= 1000) return `${trim(bytes / 1000)} kB`;
  return `${bytes} B`;
}

function trim(value: number): string {
  return (Math.round(value * 10) / 10).toString();
}
