import type { Messages } from '../en';

/** Deutsche Texte für Editor, Entwürfe, Textbausteine und Postausgang. */
export const composerDe = {
  title: 'Editor',
} as const satisfies Messages['composer'];
