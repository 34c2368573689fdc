/**
 * Wire JSON (snake_case) of the entities the fake serves, built only from fields the OpenAPI
 * document declares (the validator rejects any other). The document's own examples are not used as
 * fixtures: many of them fail its schemas (missing `uri`, `group_key`, `vapid_key`, extra `size`).
 */
export interface FakeAccount {
  id: string;
  username: string;
  /** null for the fake's own (local) users. */
  domain: string | null;
  displayName: string;
  followersCount: number;
  createdAt: string;
}

export interface FakeMedia {
  id: string;
  type: 'image' | 'gifv' | 'video' | 'audio' | 'unknown';
  description: string | null;
  /** Uploads only: GET /api/v1/media/:id answers 206 (still processing) this many more times. */
  processing?: number;
}

export interface FakeStatus {
  id: string;
  accountId: string;
  createdAt: string;
  content: string;
  spoilerText: string;
  language: string | null;
  visibility: 'public' | 'unlisted' | 'private' | 'direct';
  tags: string[];
  media: FakeMedia[];
  inReplyToId: string | null;
  reblogOfId: string | null;
  /** Set by the author; otherwise a content warning implies it. */
  sensitive?: boolean;
  repliesCount: number;
  reblogsCount: number;
  favouritesCount: number;
}

export interface FakeNotification {
  id: string;
  type: 'mention' | 'status' | 'reblog' | 'favourite' | 'follow' | 'poll' | 'update' | 'quote';
  accountId: string;
  statusId: string | null;
  createdAt: string;
}

type Json = Record<string, unknown>;

export interface Lookup {
  /** Origin of the fake, e.g. http://127.0.0.1:4321. */
  origin: string;
  account(id: string): FakeAccount;
  status(id: string): FakeStatus;
}

function accountBase(a: FakeAccount, origin: string): { web: string; acct: string; uri: string } {
  const host = a.domain ? `https://${a.domain}` : origin;
  return { web: `${host}/@${a.username}`, acct: a.domain ? `${a.username}@${a.domain}` : a.username, uri: `${host}/users/${a.username}` };
}

export function accountJson(a: FakeAccount, origin: string): Json {
  const { web, acct, uri } = accountBase(a, origin);
  const image = `${origin}/system/accounts/avatars/${a.id}.png`;
  return {
    id: a.id,
    username: a.username,
    acct,
    display_name: a.displayName,
    locked: false,
    bot: false,
    discoverable: true,
    indexable: true,
    group: false,
    created_at: a.createdAt,
    note: '',
    url: web,
    uri,
    avatar: image,
    avatar_static: image,
    header: `${origin}/headers/original/missing.png`,
    header_static: `${origin}/headers/original/missing.png`,
    followers_count: a.followersCount,
    following_count: 0,
    statuses_count: 0,
    last_status_at: null,
    emojis: [],
    fields: [],
  };
}

export function credentialAccountJson(a: FakeAccount, origin: string): Json {
  return {
    ...accountJson(a, origin),
    source: { privacy: 'public', sensitive: false, language: 'en', note: '', fields: [], follow_requests_count: 0, indexable: true },
    role: { id: '-99', name: '', permissions: '0', color: '', highlighted: false },
  };
}

export function statusJson(s: FakeStatus, lookup: Lookup): Json {
  const author = lookup.account(s.accountId);
  const { web, uri } = accountBase(author, lookup.origin);
  const reblog = s.reblogOfId ? statusJson(lookup.status(s.reblogOfId), lookup) : null;
  const parent = s.inReplyToId ? lookup.status(s.inReplyToId) : null;
  return {
    id: s.id,
    created_at: s.createdAt,
    in_reply_to_id: parent?.id ?? null,
    in_reply_to_account_id: parent?.accountId ?? null,
    sensitive: s.sensitive ?? s.spoilerText.length > 0,
    spoiler_text: s.spoilerText,
    visibility: s.visibility,
    language: reblog ? null : s.language,
    uri: reblog ? `${uri}/statuses/${s.id}/activity` : `${uri}/statuses/${s.id}`,
    url: reblog ? null : `${web}/${s.id}`,
    replies_count: s.repliesCount,
    reblogs_count: s.reblogsCount,
    favourites_count: s.favouritesCount,
    quotes_count: 0,
    edited_at: null,
    favourited: false,
    reblogged: false,
    muted: false,
    bookmarked: false,
    content: reblog ? '' : s.content,
    filtered: [],
    reblog,
    account: accountJson(author, lookup.origin),
    media_attachments: s.media.map((m) => mediaJson(m, lookup.origin)),
    mentions: parent && parent.accountId !== s.accountId ? [mentionJson(lookup.account(parent.accountId), lookup.origin)] : [],
    tags: s.tags.map((name) => ({ name, url: `${lookup.origin}/tags/${encodeURIComponent(name)}` })),
    emojis: [],
    card: null,
    poll: null,
  };
}

export function mediaJson(m: FakeMedia, origin: string): Json {
  const ext = m.type === 'image' ? 'png' : m.type === 'audio' ? 'mp3' : 'mp4';
  return {
    id: m.id,
    type: m.type,
    // Still processing: no URL yet, as Mastodon's 202 answer says.
    url: m.processing ? null : `${origin}/system/media_attachments/files/${m.id}/original/file.${ext}`,
    preview_url: `${origin}/system/media_attachments/files/${m.id}/small/file.png`,
    remote_url: null,
    meta: { original: { width: 640, height: 480, aspect: 4 / 3 }, small: { width: 400, height: 300, aspect: 4 / 3 } },
    description: m.description,
    blurhash: 'UFBWY:8_0Jxv4mx]t8t64.%M-:IUWGWAt6M}',
  };
}

function mentionJson(a: FakeAccount, origin: string): Json {
  const { web, acct } = accountBase(a, origin);
  return { id: a.id, username: a.username, acct, url: web };
}

export function notificationJson(n: FakeNotification, lookup: Lookup): Json {
  return {
    id: n.id,
    type: n.type,
    group_key: n.statusId ? `${n.type}-${n.statusId}` : `ungrouped-${n.id}`,
    created_at: n.createdAt,
    account: accountJson(lookup.account(n.accountId), lookup.origin),
    status: n.statusId ? statusJson(lookup.status(n.statusId), lookup) : null,
  };
}

export interface FakeLimits {
  maxCharacters: number;
  charactersReservedPerUrl: number;
  maxMediaAttachments: number;
  imageSizeLimit: number;
  videoSizeLimit: number;
  descriptionLimit: number;
  supportedMimeTypes: string[];
}

export const DEFAULT_FAKE_LIMITS: FakeLimits = {
  maxCharacters: 500,
  charactersReservedPerUrl: 23,
  maxMediaAttachments: 4,
  imageSizeLimit: 16_777_216,
  videoSizeLimit: 103_809_024,
  descriptionLimit: 1500,
  supportedMimeTypes: ['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'video/mp4', 'audio/mpeg'],
};

const media = (l: FakeLimits) => ({
  image_matrix_limit: 33_177_600,
  image_size_limit: l.imageSizeLimit,
  supported_mime_types: l.supportedMimeTypes,
  video_frame_rate_limit: 120,
  video_matrix_limit: 8_294_400,
  video_size_limit: l.videoSizeLimit,
});
const polls = { max_characters_per_option: 50, max_expiration: 2_629_746, max_options: 4, min_expiration: 300 };

export function instanceV2Json(origin: string, domain: string, l: FakeLimits): Json {
  return {
    domain,
    title: 'Leitstand test instance',
    version: '4.5.0',
    source_url: 'https://github.com/mastodon/mastodon',
    description: 'An in-memory stand-in for a Mastodon server.',
    usage: { users: { active_month: 3 } },
    thumbnail: { url: `${origin}/packs/media/images/preview.png`, blurhash: null, versions: null },
    icon: [{ src: `${origin}/packs/media/icons/android-chrome-36x36.png`, size: '36x36' }],
    languages: ['en', 'de'],
    configuration: {
      urls: { streaming: origin.replace(/^http/, 'ws'), status: null, about: `${origin}/about`, privacy_policy: null, terms_of_service: null },
      accounts: { max_featured_tags: 10, max_pinned_statuses: 5 },
      statuses: { max_characters: l.maxCharacters, max_media_attachments: l.maxMediaAttachments, characters_reserved_per_url: l.charactersReservedPerUrl },
      media_attachments: { ...media(l), description_limit: l.descriptionLimit },
      polls,
      translation: { enabled: false },
    },
    registrations: { enabled: false, approval_required: false, message: null, url: null },
    api_versions: { mastodon: 6 },
    contact: { email: 'admin@example.com', account: null },
    rules: [],
  };
}

export function instanceV1Json(origin: string, domain: string, l: FakeLimits): Json {
  return {
    uri: domain,
    title: 'Leitstand test instance',
    short_description: 'An in-memory stand-in for a Mastodon server.',
    description: '',
    email: 'admin@example.com',
    version: '3.5.3',
    urls: { streaming_api: origin.replace(/^http/, 'ws') },
    stats: { user_count: 3, status_count: 0, domain_count: 1 },
    thumbnail: null,
    languages: ['en'],
    registrations: false,
    approval_required: false,
    invites_enabled: false,
    configuration: {
      accounts: { max_featured_tags: 10 },
      statuses: { max_characters: l.maxCharacters, max_media_attachments: l.maxMediaAttachments, characters_reserved_per_url: l.charactersReservedPerUrl },
      media_attachments: media(l),
      polls,
    },
    contact_account: null,
    rules: [],
  };
}
