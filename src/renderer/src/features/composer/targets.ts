import type { AccountView } from '../../../../shared/contract/accounts';
import type { DraftContent } from '../../../../shared/contract/composer';

export type PostNetwork = 'bluesky' | 'mastodon';

/** The accounts a new post goes to: the draft's list, or its one account. */
export function targetIdsOf(content: DraftContent, accountId: string | null): string[] {
  if (content.targetAccountIds && content.targetAccountIds.length > 0) return content.targetAccountIds;
  return accountId ? [accountId] : [];
}

/** The networks of the chosen accounts, Bluesky first. */
export function targetNetworks(targetIds: readonly string[], accounts: readonly AccountView[]): PostNetwork[] {
  const networks = new Set(accounts.filter((a) => targetIds.includes(a.id)).map((a) => a.network));
  return (['bluesky', 'mastodon'] as const).filter((network) => networks.has(network));
}

/** The text a network's accounts get: its variant, or the main text. */
export function textFor(content: DraftContent, network: PostNetwork | null): string {
  return (network && content.variants?.[network]?.text) ?? content.text;
}

/** The content with a network's variant set (or, when it equals the main text or is cleared, removed). */
export function withVariant(content: DraftContent, network: PostNetwork, text: string | null): Pick<DraftContent, 'variants'> {
  const variants = { ...content.variants };
  if (text === null) delete variants[network];
  else variants[network] = { text };
  return { variants: Object.keys(variants).length > 0 ? variants : undefined };
}

/** Ticking an account on or off; the first ticked one is the draft's account (its checks and autosave). */
export function toggledTargets(targetIds: readonly string[], id: string, on: boolean): string[] {
  const without = targetIds.filter((t) => t !== id);
  return on ? [...without, id] : without;
}
