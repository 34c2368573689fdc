/** The language tags offered in the composer (the post's language, as the networks store it). */
export const COMMON_LANGUAGES = ['de', 'en', 'fr', 'it', 'rm', 'es', 'pt', 'nl', 'pl', 'cs', 'da', 'sv', 'nb', 'fi', 'tr', 'el', 'uk', 'ru', 'ar', 'he', 'ja', 'zh', 'ko'] as const;

export interface LanguageOption {
  code: string;
  label: string;
}

/**
 * The options in the UI language, the common ones first in their fixed order; a tag the draft
 * already has (e.g. de-CH from an older draft) is kept as an option so it is never lost.
 */
export function languageOptions(uiLanguage: string, current: string | null): LanguageOption[] {
  let names: Intl.DisplayNames | null = null;
  try {
    names = new Intl.DisplayNames([uiLanguage], { type: 'language' });
  } catch {
    names = null;
  }
  const label = (code: string) => {
    const name = names?.of(code);
    return name && name !== code ? `${name} (${code})` : code;
  };
  const codes: string[] = [...COMMON_LANGUAGES];
  if (current && !codes.includes(current)) codes.unshift(current);
  return codes.map((code) => ({ code, label: label(code) }));
}
