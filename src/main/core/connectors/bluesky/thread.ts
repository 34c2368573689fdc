import { AppBskyFeedDefs, type Agent } from '@atproto/api';
import { ConnectorError, flattenReplies, THREAD_LIMITS, type PolledItem, type ThreadNode, type ThreadResult } from '../connector';
import { parseAtUri, postToItem } from './toItem';

const POST_COLLECTION = 'app.bsky.feed.post';

/** How far app.bsky.feed.getPostThread reads below and above the post. */
export const THREAD_DEPTH = THREAD_LIMITS.depth;
export const THREAD_PARENT_HEIGHT = THREAD_LIMITS.ancestors;

type ThreadView = AppBskyFeedDefs.ThreadViewPost;

/**
 * The thread around a post with app.bsky.feed.getPostThread (depth THREAD_DEPTH, parentHeight
 * THREAD_PARENT_HEIGHT), mapped with postToItem; each item keeps its PostView as `raw`.
 *
 * NotFoundPost and BlockedPost are dropped, with what hangs below them (they carry no replies):
 * - a missing or blocked parent ends the ancestors there, so `ancestors[0]` may then not be the
 *   root; its replyToRemoteId still names the missing parent, which the UI can show as
 *   "post unavailable";
 * - a missing or blocked reply is left out of `replies`.
 * Only posts have threads: another record's URI (a like, a repost, a follow from the
 * notifications column) is not_found. Errors are the caller's to map (toConnectorError).
 */
export async function fetchPostThread(agent: Agent, uri: string, signal: AbortSignal): Promise<ThreadResult> {
  if (parseAtUri(uri)?.collection !== POST_COLLECTION) {
    throw new ConnectorError('not_found', `Only Bluesky posts have threads; ${uri} is not a post.`);
  }
  const res = await agent.app.bsky.feed.getPostThread({ uri, depth: THREAD_DEPTH, parentHeight: THREAD_PARENT_HEIGHT }, { signal });
  const thread = res.data.thread;
  if (!AppBskyFeedDefs.isThreadViewPost(thread)) {
    const why = AppBskyFeedDefs.isBlockedPost(thread) ? 'blocked' : 'not found';
    throw new ConnectorError('not_found', `The Bluesky post ${uri} is ${why}.`);
  }
  return {
    ancestors: ancestorsOf(thread),
    item: toItem(thread),
    replies: flattenReplies(childrenOf(thread)),
  };
}

function toItem(view: ThreadView): PolledItem {
  return { ...postToItem(view.post), raw: view.post };
}

/** Root first, down to the parent; stops at a missing or blocked parent. */
function ancestorsOf(view: ThreadView): PolledItem[] {
  const chain: PolledItem[] = [];
  let parent = view.parent;
  while (AppBskyFeedDefs.isThreadViewPost(parent) && chain.length < THREAD_LIMITS.ancestors) {
    chain.push(toItem(parent));
    parent = parent.parent;
  }
  return chain.reverse();
}

function childrenOf(view: ThreadView): ThreadNode[] {
  return (view.replies ?? []).filter((reply) => AppBskyFeedDefs.isThreadViewPost(reply)).map((reply) => ({ item: toItem(reply), children: childrenOf(reply) }));
}
