import type { Settings } from './contract/domain';

/**
 * The few words the desktop shell shows outside the window (the tray icon and its menu, the
 * startup error box, the desktop notification of a spike alert). The
 * renderer has i18next; the main process has only these, so they live in one small table.
 */
export const SHELL_STRINGS = {
  en: {
    trayTooltip: 'Leitstand: publishes scheduled posts in the background',
    open: 'Open Leitstand',
    runInTray: 'Keep running when the window is closed',
    quit: 'Quit Leitstand',
    cannotStart: 'Leitstand cannot start',
    alertTitle: 'Negative mentions are spiking: {workspace}',
    alertBody: '{count} negative mentions in the hour from {hour} (usually about {usual}). Click to see them.',
  },
  de: {
    trayTooltip: 'Leitstand: veröffentlicht geplante Beiträge im Hintergrund',
    open: 'Leitstand öffnen',
    runInTray: 'Weiterlaufen, wenn das Fenster geschlossen ist',
    quit: 'Leitstand beenden',
    cannotStart: 'Leitstand kann nicht starten',
    alertTitle: 'Negative Erwähnungen häufen sich: {workspace}',
    alertBody: '{count} negative Erwähnungen in der Stunde ab {hour} (sonst etwa {usual}). Klicken Sie, um sie anzusehen.',
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

/** Fills {name} placeholders; an unknown one stays as it is, so a missing value shows rather than vanishes. */
export function fillShellString(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) => values[name] ?? match);
}
