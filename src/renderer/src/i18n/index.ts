import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { de } from './de';
import { en } from './en';
import type { UiLanguage } from './language';

export const resources = {
  en: { translation: en },
  de: { translation: de },
} as const;

/** Starts i18next once, in the language the UI opens with (settings may change it right after). */
export async function initI18n(language: UiLanguage): Promise<typeof i18n> {
  await i18n.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'en',
    supportedLngs: ['en', 'de'],
    defaultNS: 'translation',
    // React escapes what it renders; escaping here as well would double-escape names.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return i18n;
}

export { i18n };
