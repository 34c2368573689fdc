/** English strings of the inbox, conversation, contact panel and inbox settings. */
export const inboxEn = {
  title: 'Inbox',
} as const;
