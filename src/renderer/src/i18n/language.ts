import type { Settings } from '../../../shared/contract/domain';

export const UI_LANGUAGES = ['de', 'en'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

/** 'system' follows the browser's or OS's preferred languages: any German variant means German. */
export function resolveLanguage(
  setting: Settings['language'],
  preferred: readonly string[] = typeof navigator === 'undefined' ? [] : navigator.languages,
): UiLanguage {
  if (setting !== 'system') return setting;
  const first = preferred.find((tag) => /^(de|en)\b/i.test(tag));
  return first && /^de\b/i.test(first) ? 'de' : 'en';
}

/** The language name shown next to "System", in that language itself. */
export function languageEndonym(language: UiLanguage): string {
  return language === 'de' ? 'Deutsch' : 'English';
}
