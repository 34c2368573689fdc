export { createFeedConnector, FeedConnector, type FeedConnectorOptions } from './feedConnector';
export { discoverFeeds, feedLinks, type DiscoveredFeed } from './discoverFeeds';
export { parseFeed } from './parseFeed';
export type { ParsedFeed, FeedEntry } from './feedModel';
