import type { ComposerCheck, ComposerProblem, DraftContent } from '../../../shared/contract/composer';
import type { InboxSettings } from '../../../shared/contract/inbox';
import { blueskyText } from './blueskyText';
import { countCodePoints, countGraphemes } from './graphemes';
import { BLUESKY_RULES, isImage, mastodonRules, type PostRules } from './limits';
import { mastodonFacets, mastodonLength } from './mastodonText';
import { withSignature } from './signature';

export type PostingNetwork = 'bluesky' | 'mastodon';

export function isPostingNetwork(network: string): network is PostingNetwork {
  return network === 'bluesky' || network === 'mastodon';
}

export interface CheckMedia {
  fileName: string;
  mimeType: string;
  size: number;
  alt: string;
}

export interface CheckInput {
  network: PostingNetwork;
  /** The account that will post; null when none is chosen or it is not in the workspace. */
  account: { handle: string; status: string; serverLimits: unknown } | null;
  content: DraftContent;
  media: readonly CheckMedia[];
  /** A reply (to an inbox item or any item), not a new post: decides the 'replies' signature placement. */
  isReply: boolean;
  settings: Pick<InboxSettings, 'signaturePlacement' | 'requireAltText'>;
  /** The current agent's signature, if there is a current agent. */
  signature: string | null;
}

export function rulesFor(network: PostingNetwork, serverLimits: unknown): PostRules {
  return network === 'bluesky' ? BLUESKY_RULES : mastodonRules(serverLimits);
}

/**
 * Checks a draft for one account by the rules of its network, before anything is sent: the text
 * as it will be posted (with the signature), its length as the network counts it, the facets
 * the network will make of it, and every reason it cannot go out. Pure: the caller reads the
 * account, settings and media.
 */
export function checkDraft(input: CheckInput): ComposerCheck {
  const { network, account, content, media } = input;
  const rules = rulesFor(network, account?.serverLimits ?? null);
  const finalText = withSignature(content.text, {
    appendSignature: content.appendSignature,
    placement: input.settings.signaturePlacement,
    isReply: input.isReply,
    signature: input.signature,
  });
  const spoiler = content.spoilerText?.trim() ? content.spoilerText : '';
  const problems: ComposerProblem[] = [];

  if (!account) problems.push({ code: 'no_account', message: `Choose a ${network} account of this workspace to post from.`, params: { network } });
  else if (account.status === 'reconnect_needed') {
    problems.push({ code: 'account_needs_reconnect', message: `The account ${account.handle} must be reconnected before it can post.`, params: { handle: account.handle } });
  }

  if (content.text.trim() === '' && media.length === 0) problems.push({ code: 'empty', message: 'Write something or attach a file.' });

  let length: number;
  let facets;
  if (network === 'bluesky') {
    const counted = blueskyText(finalText);
    length = counted.graphemes;
    facets = counted.facets;
    if (spoiler) problems.push({ code: 'spoiler_not_supported', message: 'Bluesky has no content warnings; remove it or post to Mastodon.' });
    if (rules.maxBytes !== null && counted.bytes > rules.maxBytes) {
      problems.push({
        code: 'too_long',
        message: `The text takes ${counted.bytes} bytes; Bluesky allows ${rules.maxBytes}.`,
        params: { length: counted.bytes, limit: rules.maxBytes, unit: 'bytes' },
      });
    }
  } else {
    length = mastodonLength(finalText, spoiler, rules.urlLength);
    facets = mastodonFacets(finalText);
  }
  if (length > rules.maxLength) {
    problems.push({
      code: 'too_long',
      message: `The post is ${length} characters long; ${network === 'bluesky' ? 'Bluesky' : 'this server'} allows ${rules.maxLength}.`,
      params: { length, limit: rules.maxLength, unit: 'characters' },
    });
  }

  problems.push(...mediaProblems(network, rules, media, input.settings.requireAltText));

  return {
    network,
    finalText,
    length,
    limit: rules.maxLength,
    facets,
    problems,
    media: { maxCount: rules.media.maxCount, maxBytes: rules.media.maxBytes, types: rules.media.types, maxAltLength: rules.media.maxAltLength },
  };
}

function mediaProblems(network: PostingNetwork, rules: PostRules, media: readonly CheckMedia[], requireAltText: boolean): ComposerProblem[] {
  const problems: ComposerProblem[] = [];
  const name = network === 'bluesky' ? 'Bluesky' : 'This server';
  if (media.length > rules.media.maxCount) {
    problems.push({
      code: 'too_many_media',
      message: `${name} allows ${rules.media.maxCount} attachments per post; this one has ${media.length}.`,
      params: { count: media.length, max: rules.media.maxCount },
    });
  }
  if (rules.media.videoAlone && media.length > 1 && media.some((file) => !isImage(file.mimeType))) {
    problems.push({ code: 'mixed_media', message: 'A video or audio file must be the only attachment of a Mastodon post.' });
  }
  media.forEach((file, index) => {
    const position = index + 1;
    if (!rules.media.types.includes(file.mimeType)) {
      problems.push({
        code: 'media_type_not_allowed',
        message: `${name} does not accept ${file.mimeType} (${file.fileName}).`,
        params: { fileName: file.fileName, position, mimeType: file.mimeType },
      });
    } else if (file.size > rules.media.maxBytesFor(file.mimeType)) {
      const max = rules.media.maxBytesFor(file.mimeType);
      problems.push({
        code: 'media_too_large',
        message: `${file.fileName} has ${file.size} bytes; ${name.toLowerCase()} accepts at most ${max}.`,
        params: { fileName: file.fileName, position, size: file.size, max },
      });
    }
    const altLength = network === 'bluesky' ? countGraphemes(file.alt) : countCodePoints(file.alt);
    if (requireAltText && file.alt.trim() === '') {
      problems.push({ code: 'alt_text_missing', message: `${file.fileName} needs a description (alt text).`, params: { fileName: file.fileName, position } });
    } else if (altLength > rules.media.maxAltLength) {
      problems.push({
        code: 'alt_text_too_long',
        message: `The description of ${file.fileName} is ${altLength} characters long; at most ${rules.media.maxAltLength} are allowed.`,
        params: { fileName: file.fileName, position, length: altLength, max: rules.media.maxAltLength },
      });
    }
  });
  return problems;
}
