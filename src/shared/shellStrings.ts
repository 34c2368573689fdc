import type { Settings } from './contract/domain';

/**
 * The few words the desktop shell shows outside the window (the tray icon and its menu, the
 * startup error box). The
 * renderer has i18next; the main process has only these, so they live in one small table.
 */
export const SHELL_STRINGS = {
  en: {
    trayTooltip: 'Leitstand: publishes scheduled posts in the background',
    open: 'Open Leitstand',
    runInTray: 'Keep running when the window is closed',
    quit: 'Quit Leitstand',
    cannotStart: 'Leitstand cannot start',
  },
  de: {
    trayTooltip: 'Leitstand: veröffentlicht geplante Beiträge im Hintergrund',
    open: 'Leitstand öffnen',
    runInTray: 'Weiterlaufen, wenn das Fenster geschlossen ist',
    quit: 'Leitstand beenden',
    cannotStart: 'Leitstand kann nicht starten',
  },
} as const;

export type ShellLanguage = keyof typeof SHELL_STRINGS;
export type ShellStrings = (typeof SHELL_STRINGS)[ShellLanguage];

/**
 * The language the user chose in Leitstand's settings, or for 'system' the OS locale as
 * Electron reports it (app.getLocale(): "de", "de-CH", "en-US" ...): German for any German
 * locale, English otherwise.
 */
export function shellLanguage(setting: Settings['language'], locale: string): ShellLanguage {
  if (setting !== 'system') return setting;
  return /^de(?:[-_]|$)/i.test(locale.trim()) ? 'de' : 'en';
}

export function shellStrings(setting: Settings['language'], locale: string): ShellStrings {
  return SHELL_STRINGS[shellLanguage(setting, locale)];
}
