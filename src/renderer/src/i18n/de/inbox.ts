import type { Messages } from '../en';

/** Deutsche Texte für Posteingang, Unterhaltung, Kontaktspalte und Posteingangs-Einstellungen. */
export const inboxDe = {
  title: 'Posteingang',
} as const satisfies Messages['inbox'];
