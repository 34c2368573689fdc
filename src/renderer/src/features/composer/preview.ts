import type { ComposerCheck } from '../../../../shared/contract/composer';

export type ComposerFacet = ComposerCheck['facets'][number];

/** A run of the preview text: plain, or what the network will turn into a mention, link or tag. */
export interface PreviewSegment {
  text: string;
  kind: ComposerFacet['kind'] | null;
  /** The facet's target (a DID or handle, a URL, a tag) for a title. */
  value?: string;
}

/**
 * Splits the final text into plain and highlighted runs by the facets (UTF-16 offsets). Facets
 * that overlap an earlier one, run past the end or are empty are ignored rather than trusted:
 * the preview must never drop or repeat a character of the text.
 */
export function previewSegments(text: string, facets: readonly ComposerFacet[]): PreviewSegment[] {
  const ordered = [...facets].filter((f) => f.start < f.end && f.start >= 0 && f.end <= text.length).sort((a, b) => a.start - b.start);
  const segments: PreviewSegment[] = [];
  let at = 0;
  for (const facet of ordered) {
    if (facet.start < at) continue;
    if (facet.start > at) segments.push({ text: text.slice(at, facet.start), kind: null });
    segments.push({ text: text.slice(facet.start, facet.end), kind: facet.kind, value: facet.value });
    at = facet.end;
  }
  if (at < text.length) segments.push({ text: text.slice(at), kind: null });
  return segments;
}
