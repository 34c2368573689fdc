export { BlueskyConnector } from './blueskyConnector';
export { BlueskySessions, normalizeServiceUrl, type BlueskySessionsOptions, type ConnectedAccount } from './session';
export { BLUESKY_STREAM_KINDS, type BlueskyStreamKind } from './streams';
