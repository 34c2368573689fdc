export { createMastodonConnector, type MastodonConnectorOptions, type MastodonCredentials } from './mastodonConnector';
export { connectWithLoopback, beginOob, completeOob, type MastodonConnection, type PendingOobAuthorization } from './connect';
export { revokeToken, verifyCredentials, OOB_REDIRECT_URI, type AppRegistration, type MastodonAccountInfo } from './oauth';
export { fetchInstanceLimits, MASTODON_DEFAULT_LIMITS, type InstanceLimits } from './instance';
export { normalizeInstanceUrl } from './instanceUrl';
export { NOTIFICATION_ITEM_TYPES } from './endpoints';

/** The stream kinds a Mastodon column can watch (`query`: hashtag for hashtag, list id for list, "remote" for federated). */
export const MASTODON_STREAM_KINDS = ['home', 'notifications', 'hashtag', 'local', 'federated', 'list'] as const;
export type MastodonStreamKind = (typeof MASTODON_STREAM_KINDS)[number];
