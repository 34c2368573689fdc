import { AppBskyRichtextFacet, RichText, type AppBskyFeedDefs, type Agent, type AppBskyEmbedImages, type AppBskyFeedPost, type ComAtprotoRepoStrongRef } from '@atproto/api';
import { ConnectorError, type PolledItem, type PublishRequest, type PublishResult } from '../connector';
import { toConnectorError } from './errors';
import { parseAtUri, postToItem, postUrl } from './toItem';

const POST_COLLECTION = 'app.bsky.feed.post';

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Who is posting: the session's DID and handle. */
export interface Poster {
  did: string;
  handle: string;
}

/**
 * Publishes a post with com.atproto.repo.createRecord under the record key we chose (the outbox
 * entry's idempotency key, a TID). Why createRecord and not agent.post(): only createRecord takes
 * our rkey, and the rkey is what makes a repeat safe: the same key can hold one record only.
 * - Text: RichText with detectFacets(agent), so mentions resolve to DIDs, links and hashtags
 *   become facets the way the Bluesky app makes them.
 * - Reply: strong refs (uri + cid) for root and parent, from the stored PostView of the item
 *   replied to (the parent's own record.reply.root when it is itself a reply, else the parent is
 *   the root); when the stored payload lacks them, the post is read with getPosts.
 * - Images: uploadBlob each, app.bsky.embed.images with the alt text.
 * - A create that fails for any reason but auth, rate limit or an unreachable server is checked
 *   with getRecord: if our rkey holds a record, an earlier attempt (or this one, before its answer
 *   got lost) published it, and that record is the answer.
 * The item returned is built from the record we wrote (the AppView may not have indexed the post
 * yet); its `raw` is a PostView-shaped object with uri, cid, author and record, which is all a
 * later reply to it needs.
 */
export async function publishPost(agent: Agent, poster: Poster, request: PublishRequest): Promise<PublishResult> {
  const { signal } = request;
  const rt = new RichText({ text: request.text });
  await rt.detectFacets(agent);
  // A handle that does not resolve is left with an empty DID, which the PDS refuses: such a
  // mention stays plain text, as in the Bluesky app.
  rt.facets = rt.facets
    ?.map((facet) => ({ ...facet, features: facet.features.filter((f) => !(AppBskyRichtextFacet.isMention(f) && !f.did)) }))
    .filter((facet) => facet.features.length > 0);
  const reply = request.replyTo ? await replyRefs(agent, request.replyTo, signal) : undefined;
  const embed = request.media.length > 0 ? await uploadImages(agent, request, signal) : undefined;

  const record = {
    $type: 'app.bsky.feed.post' as const,
    text: rt.text,
    createdAt: new Date().toISOString(),
    ...(rt.facets && rt.facets.length > 0 ? { facets: rt.facets } : {}),
    ...(request.language ? { langs: [request.language] } : {}),
    ...(reply ? { reply } : {}),
    ...(embed ? { embed } : {}),
  } satisfies Omit<AppBskyFeedPost.Record, 'embed'> & { embed?: AppBskyEmbedImages.Main };
  try {
    const res = await agent.com.atproto.repo.createRecord(
      { repo: poster.did, collection: POST_COLLECTION, rkey: request.idempotencyKey, record: record as unknown as Json },
      { signal },
    );
    return resultOf(poster, res.data.uri, res.data.cid, record as unknown as AppBskyFeedPost.Record);
  } catch (error) {
    const failure = toConnectorError(error, { signal });
    if (failure.kind === 'auth' || failure.kind === 'rate_limited' || failure.kind === 'network' || failure.kind === 'timeout') throw failure;
    // "Record already exists" (or whatever the server says about a taken rkey) means published.
    const found = await findPost(agent, poster, request).catch(() => null);
    if (found) return found;
    throw failure;
  }
}

/** The post under our rkey, if there is one: com.atproto.repo.getRecord; RecordNotFound is null. */
export async function findPost(agent: Agent, poster: Poster, request: PublishRequest): Promise<PublishResult | null> {
  try {
    const res = await agent.com.atproto.repo.getRecord(
      { repo: poster.did, collection: POST_COLLECTION, rkey: request.idempotencyKey },
      { signal: request.signal },
    );
    if (!res.data.cid || !isObject(res.data.value)) return null;
    return resultOf(poster, res.data.uri, res.data.cid, res.data.value as unknown as AppBskyFeedPost.Record);
  } catch (error) {
    const failure = toConnectorError(error, { signal: request.signal });
    if (failure.kind === 'not_found') return null;
    throw failure;
  }
}

function resultOf(poster: Poster, uri: string, cid: string, record: AppBskyFeedPost.Record): PublishResult {
  const view: AppBskyFeedDefs.PostView = {
    $type: 'app.bsky.feed.defs#postView',
    uri,
    cid,
    author: { did: poster.did, handle: poster.handle },
    record: record as unknown as Json,
    indexedAt: typeof record.createdAt === 'string' ? record.createdAt : new Date().toISOString(),
  };
  // JSON round trip: blob refs become their JSON form, as in a PostView from the network.
  const raw = JSON.parse(JSON.stringify(view)) as AppBskyFeedDefs.PostView;
  const item: PolledItem = { ...postToItem(raw), raw };
  return { remoteId: uri, url: postUrl(uri, poster.handle), item };
}

/** root and parent strong refs for a reply to `replyTo`. */
async function replyRefs(agent: Agent, replyTo: { remoteId: string; raw: unknown }, signal: AbortSignal): Promise<AppBskyFeedPost.ReplyRef> {
  if (parseAtUri(replyTo.remoteId)?.collection !== POST_COLLECTION) {
    throw new ConnectorError('not_found', `Only a Bluesky post can be replied to; ${replyTo.remoteId} is not one.`);
  }
  let view = postViewOf(replyTo.raw, replyTo.remoteId);
  if (!view) {
    const res = await agent.app.bsky.feed.getPosts({ uris: [replyTo.remoteId] }, { signal });
    const found = res.data.posts.find((p) => p.uri === replyTo.remoteId);
    if (!found) throw new ConnectorError('not_found', `The Bluesky post ${replyTo.remoteId} being replied to is gone.`);
    view = { uri: found.uri, cid: found.cid, record: isObject(found.record) ? found.record : {} };
  }
  const parent: ComAtprotoRepoStrongRef.Main = { uri: view.uri, cid: view.cid };
  const root = strongRef(isObject(view.record.reply) ? view.record.reply.root : undefined) ?? parent;
  return { root, parent };
}

/** uri, cid and record of a stored PostView, if the payload is one for this URI. */
function postViewOf(raw: unknown, uri: string): { uri: string; cid: string; record: Json } | null {
  if (!isObject(raw) || raw.uri !== uri || typeof raw.cid !== 'string' || raw.cid.length === 0) return null;
  return { uri, cid: raw.cid, record: isObject(raw.record) ? raw.record : {} };
}

function strongRef(value: unknown): ComAtprotoRepoStrongRef.Main | null {
  if (!isObject(value) || typeof value.uri !== 'string' || typeof value.cid !== 'string') return null;
  return { uri: value.uri, cid: value.cid };
}

async function uploadImages(agent: Agent, request: PublishRequest, signal: AbortSignal): Promise<AppBskyEmbedImages.Main> {
  const images: AppBskyEmbedImages.Image[] = [];
  for (const media of request.media) {
    if (!media.mimeType.startsWith('image/')) {
      throw new ConnectorError('http', `Bluesky posts take images only here, not ${media.mimeType}.`, { status: 400 });
    }
    const res = await agent.uploadBlob(media.bytes, { encoding: media.mimeType, signal });
    images.push({ image: res.data.blob, alt: media.alt });
  }
  return { $type: 'app.bsky.embed.images', images };
}
