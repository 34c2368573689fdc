import type { Network } from '../../../shared/contract/items';
import type { DiscoverFeeds } from '../streams/streamHandlers';
import { ConnectorError, connectorErrorToAppError, type Connector } from './connector';
import { FeedConnector } from './feed';
import { createMastodonConnector, type MastodonCredentials } from './mastodon';
import { BlueskyConnector, type BlueskySessions } from './bluesky';

export interface ConnectorCredentials {
  mastodon(accountId: string): Promise<MastodonCredentials | null>;
  blueskySessions: BlueskySessions;
}

export interface RealConnectors {
  connectors: Partial<Record<Network, Connector>>;
  discoverFeeds: DiscoverFeeds;
}

/** The real connectors of the networks that poll without further set-up, and feed discovery. */
export function createRealConnectors(appVersion: string, credentials: ConnectorCredentials): RealConnectors {
  const feed = new FeedConnector({ appVersion });
  return {
    connectors: {
      feed,
      mastodon: createMastodonConnector({ credentials: credentials.mastodon }),
      bluesky: new BlueskyConnector({ sessions: credentials.blueskySessions }),
    },
    discoverFeeds: async (url) => {
      try {
        return await feed.discover(url);
      } catch (error) {
        throw error instanceof ConnectorError ? connectorErrorToAppError(error) : error;
      }
    },
  };
}
