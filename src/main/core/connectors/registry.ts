import type { Network } from '../../../shared/contract/items';
import type { DiscoverFeeds } from '../streams/streamHandlers';
import { ConnectorError, connectorErrorToAppError, type Connector } from './connector';
import { FeedConnector } from './feed';

export interface RealConnectors {
  connectors: Partial<Record<Network, Connector>>;
  discoverFeeds: DiscoverFeeds;
}

/** The real connectors of the networks that poll without further set-up, and feed discovery. */
export function createRealConnectors(appVersion: string): RealConnectors {
  const feed = new FeedConnector({ appVersion });
  return {
    connectors: { feed },
    discoverFeeds: async (url) => {
      try {
        return await feed.discover(url);
      } catch (error) {
        throw error instanceof ConnectorError ? connectorErrorToAppError(error) : error;
      }
    },
  };
}
