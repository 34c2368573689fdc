/** Draft keys: 'reply:<inboxItemId>', 'item:<itemId>' or 'post:<uuid>' (see draftKeySchema). */

export type DraftKind = 'reply' | 'post';

/** A reply (to an inbox item or any item) or a new post: decides the text area's name. */
export function draftKindOf(key: string): DraftKind {
  return key.startsWith('post:') ? 'post' : 'reply';
}

export function newPostKey(uuid: string = crypto.randomUUID()): string {
  return `post:${uuid}`;
}

export function isNewPostKey(key: string): boolean {
  return /^post:[0-9a-f-]{36}$/.test(key);
}
