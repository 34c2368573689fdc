/** English strings of the composer, drafts, saved-reply picker and outbox. */
export const composerEn = {
  title: 'Composer',
} as const;
