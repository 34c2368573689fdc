const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * User-perceived characters (extended grapheme clusters, Unicode's UAX #29), the unit both
 * networks count in: Bluesky's graphemeLen and Ruby's each_grapheme_cluster, which Mastodon's
 * StatusLengthValidator uses, follow the same rules.
 */
export function countGraphemes(text: string): number {
  let count = 0;
  for (const _ of segmenter.segment(text)) count++;
  return count;
}

/** Unicode code points: what Ruby's String#length (Mastodon's alt text limit) counts. */
export function countCodePoints(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}
