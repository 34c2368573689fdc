import type { Connector, PollRequest, PollResult, PublishRequest, PublishResult } from '../../../src/main/core/connectors/connector';

export interface KillHooks {
  /** Called inside publishPost after the outbox committed 'publishing', before the network is asked. */
  beforeNetwork(request: PublishRequest): void;
  /** Called after the network answered, before the outbox sees the answer (and writes 'published'). */
  afterNetwork(request: PublishRequest, result: PublishResult): void;
}

/**
 * The real connector of a network with two places to pull the plug: publishPost is the only
 * call the outbox makes between committing 'publishing' and committing 'published', so a hook
 * before the delegate is "after 'publishing' was written" and one after it is "the post exists,
 * 'published' is not written". findPublished (Bluesky's reconciliation) is passed through
 * untouched, and only when the delegate has one: the outbox treats its absence as "repeat with
 * the same key".
 */
export function killingConnector(delegate: Connector, hooks: KillHooks): Connector {
  const wrapped: Connector = {
    network: delegate.network,
    poll: (request: PollRequest): Promise<PollResult> => delegate.poll(request),
    async publishPost(request: PublishRequest): Promise<PublishResult> {
      if (!delegate.publishPost) throw new Error(`the ${delegate.network} connector cannot publish`);
      hooks.beforeNetwork(request);
      const result = await delegate.publishPost(request);
      hooks.afterNetwork(request, result);
      return result;
    },
  };
  if (delegate.fetchThread) wrapped.fetchThread = (request) => delegate.fetchThread!(request);
  if (delegate.findPublished) wrapped.findPublished = (request) => delegate.findPublished!(request);
  return wrapped;
}
