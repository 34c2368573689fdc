import type { FakeAccount, FakeMedia, FakeNotification, FakeStatus } from './entities';

/**
 * The fake instance's data: accounts, statuses, lists, notifications, and what the user follows.
 * Ids are 18-digit decimal strings that grow like Mastodon's snowflakes; statuses and notifications
 * have their own sequences, as on Mastodon.
 */
export interface PostOptions {
  content?: string;
  spoilerText?: string;
  language?: string | null;
  tags?: string[];
  media?: { type?: FakeMedia['type']; description?: string | null }[];
  /** Uploaded attachments (POST /api/v2/media) to attach as they are. */
  attachments?: FakeMedia[];
  sensitive?: boolean;
  inReplyTo?: FakeStatus | null;
  visibility?: FakeStatus['visibility'];
  counts?: { replies?: number; reblogs?: number; favourites?: number };
}

export class FakeState {
  readonly accounts = new Map<string, FakeAccount>();
  readonly statuses = new Map<string, FakeStatus>();
  readonly notifications: FakeNotification[] = [];
  readonly lists = new Map<string, { id: string; title: string; members: Set<string> }>();
  readonly follows = new Set<string>();
  /** Uploaded media by id, with the account that uploaded it and the status it went into. */
  readonly uploads = new Map<string, { media: FakeMedia; accountId: string; statusId: string | null; mimeType: string; size: number }>();
  /** Idempotency-Key per account -> the status it created (Mastodon keeps them for an hour). */
  readonly idempotency = new Map<string, string>();
  readonly me: FakeAccount;
  private nextStatus = 113_000_000_000_000_000n;
  private nextNotification = 200_000_000_000_000_000n;
  private nextSmall = 1;
  private clock = Date.parse('2026-11-01T09:00:00Z');

  constructor() {
    this.me = this.addAccount({ username: 'brand', displayName: 'Brand Team', followersCount: 1200 });
  }

  addAccount(options: { username: string; domain?: string | null; displayName?: string; followersCount?: number }): FakeAccount {
    const account: FakeAccount = {
      id: String(this.nextSmall++),
      username: options.username,
      domain: options.domain ?? null,
      displayName: options.displayName ?? options.username,
      followersCount: options.followersCount ?? 10,
      createdAt: '2024-01-01T00:00:00.000Z',
    };
    this.accounts.set(account.id, account);
    return account;
  }

  follow(account: FakeAccount): void {
    this.follows.add(account.id);
  }

  createList(title: string, members: FakeAccount[]): string {
    const id = String(this.nextSmall++);
    this.lists.set(id, { id, title, members: new Set(members.map((m) => m.id)) });
    return id;
  }

  post(author: FakeAccount, options: PostOptions = {}): FakeStatus {
    const id = this.statusId();
    const status: FakeStatus = {
      id,
      accountId: author.id,
      createdAt: this.tick(),
      content: options.content ?? `<p>Post ${id}</p>`,
      spoilerText: options.spoilerText ?? '',
      language: options.language === undefined ? 'en' : options.language,
      visibility: options.visibility ?? 'public',
      tags: (options.tags ?? []).map((t) => t.toLowerCase()),
      media: [
        ...(options.attachments ?? []),
        ...(options.media ?? []).map((m) => ({ id: String(this.nextSmall++), type: m.type ?? 'image', description: m.description ?? null })),
      ],
      ...(options.sensitive !== undefined ? { sensitive: options.sensitive } : {}),
      inReplyToId: options.inReplyTo?.id ?? null,
      reblogOfId: null,
      repliesCount: options.counts?.replies ?? 0,
      reblogsCount: options.counts?.reblogs ?? 0,
      favouritesCount: options.counts?.favourites ?? 0,
    };
    this.statuses.set(id, status);
    if (options.inReplyTo) options.inReplyTo.repliesCount++;
    return status;
  }

  /** An upload as POST /api/v2/media stores it; `processing` > 0 makes it asynchronous (202). */
  upload(account: FakeAccount, file: { mimeType: string; size: number; description: string | null; processing?: number }): FakeMedia {
    const [kind] = file.mimeType.split('/');
    const type: FakeMedia['type'] = file.mimeType === 'image/gif' ? 'gifv' : kind === 'image' ? 'image' : kind === 'video' ? 'video' : kind === 'audio' ? 'audio' : 'unknown';
    const media: FakeMedia = { id: String(this.nextSmall++), type, description: file.description, ...(file.processing ? { processing: file.processing } : {}) };
    this.uploads.set(media.id, { media, accountId: account.id, statusId: null, mimeType: file.mimeType, size: file.size });
    return media;
  }

  reblog(by: FakeAccount, original: FakeStatus): FakeStatus {
    const status = this.post(by, { content: '', language: null });
    status.reblogOfId = original.id;
    original.reblogsCount++;
    return status;
  }

  notify(type: FakeNotification['type'], from: FakeAccount, status: FakeStatus | null = null): FakeNotification {
    this.nextNotification += 1n;
    const n: FakeNotification = { id: String(this.nextNotification), type, accountId: from.id, statusId: status?.id ?? null, createdAt: this.tick() };
    this.notifications.push(n);
    return n;
  }

  /** Home: the user's own posts and those of the accounts they follow, boosts included. */
  home(): FakeStatus[] {
    return this.all().filter((s) => s.accountId === this.me.id || this.follows.has(s.accountId));
  }

  /** Public: public posts and boosts; `local` only this instance's, `remote` only others'. */
  publicTimeline(scope: { local: boolean; remote: boolean }): FakeStatus[] {
    return this.all().filter((s) => {
      if (s.visibility !== 'public') return false;
      const local = this.accounts.get(s.accountId)!.domain === null;
      return scope.local ? local : scope.remote ? !local : true;
    });
  }

  /** Hashtag: public posts carrying the tag (case-insensitive); boosts are not in tag timelines. */
  tag(name: string): FakeStatus[] {
    const wanted = name.toLowerCase();
    return this.all().filter((s) => s.reblogOfId === null && s.visibility === 'public' && s.tags.includes(wanted));
  }

  list(id: string): FakeStatus[] | null {
    const list = this.lists.get(id);
    return list ? this.all().filter((s) => list.members.has(s.accountId)) : null;
  }

  private all(): FakeStatus[] {
    return [...this.statuses.values()];
  }

  private statusId(): string {
    this.nextStatus += 1n + BigInt(this.nextSmall % 7);
    return String(this.nextStatus);
  }

  private tick(): string {
    this.clock += 61_000;
    return new Date(this.clock).toISOString();
  }
}

export interface PageQuery {
  maxId?: string | null;
  sinceId?: string | null;
  minId?: string | null;
  limit: number;
}

/**
 * Mastodon's id pagination (Paginable#to_a_paginated_by_id): max_id and since_id bound the range;
 * with min_id the page is the `limit` entries immediately newer than min_id. Always newest first.
 */
export function paginate<T extends { id: string }>(entries: T[], q: PageQuery): T[] {
  const n = (id: string) => BigInt(id);
  const inRange = entries.filter(
    (e) =>
      (!q.maxId || n(e.id) < n(q.maxId)) && (!q.sinceId || n(e.id) > n(q.sinceId)) && (!q.minId || n(e.id) > n(q.minId)),
  );
  const ascending = [...inRange].sort((a, b) => (n(a.id) < n(b.id) ? -1 : 1));
  const page = q.minId ? ascending.slice(0, q.limit) : ascending.slice(-q.limit);
  return page.reverse();
}
