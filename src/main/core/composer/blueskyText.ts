import { AppBskyRichtextFacet, RichText } from '@atproto/api';
import type { ComposerFacet } from './types';

const decoder = new TextDecoder();

export interface BlueskyText {
  graphemes: number;
  bytes: number;
  facets: ComposerFacet[];
}

/**
 * Counts and facets exactly as @atproto/api's RichText will when the post is published:
 * graphemes for the limit, mentions, links and hashtags detected without resolving handles.
 * RichText's facet offsets are UTF-8 byte offsets; the contract's are UTF-16 indexes.
 */
export function blueskyText(text: string): BlueskyText {
  const rich = new RichText({ text });
  rich.detectFacetsWithoutResolution();
  const utf8 = rich.unicodeText.utf8;
  const toUtf16 = (byteIndex: number) => decoder.decode(utf8.subarray(0, byteIndex)).length;
  const facets: ComposerFacet[] = [];
  for (const facet of rich.facets ?? []) {
    const feature = facet.features[0];
    const start = toUtf16(facet.index.byteStart);
    const end = toUtf16(facet.index.byteEnd);
    if (!feature) continue;
    // Unresolved mentions carry the handle where the DID will go.
    if (AppBskyRichtextFacet.isMention(feature)) facets.push({ kind: 'mention', start, end, value: feature.did });
    else if (AppBskyRichtextFacet.isLink(feature)) facets.push({ kind: 'link', start, end, value: feature.uri });
    else if (AppBskyRichtextFacet.isTag(feature)) facets.push({ kind: 'tag', start, end, value: feature.tag });
  }
  return { graphemes: rich.graphemeLength, bytes: rich.length, facets: facets.sort((a, b) => a.start - b.start) };
}
