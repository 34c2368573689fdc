import type { Settings } from '../../../../shared/contract/domain';
import { i18n } from '../../i18n';
import { resolveLanguage } from '../../i18n/language';

/**
 * Puts the settings into effect on the document: the UI language (and <html lang>), and the
 * theme as data-theme, which the CSS variables in styles/tokens.css follow ('system' defers to
 * prefers-color-scheme).
 */
export function applySettings(settings: Settings): void {
  const language = resolveLanguage(settings.language);
  if (i18n.language !== language) void i18n.changeLanguage(language);
  document.documentElement.lang = language;
  document.documentElement.dataset.theme = settings.theme;
}
