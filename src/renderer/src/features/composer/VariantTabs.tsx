import { useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PostNetwork } from './targets';

export type VariantTab = 'main' | PostNetwork;

interface VariantTabsProps {
  tab: VariantTab;
  networks: readonly PostNetwork[];
  panelId: string;
  tabId(tab: VariantTab): string;
  onTab(tab: VariantTab): void;
}

const NAMES: Record<PostNetwork, string> = { bluesky: 'Bluesky', mastodon: 'Mastodon' };

/** The text of a post for several networks: the main text, and a variant per network (tabs, arrow keys move). */
export function VariantTabs({ tab, networks, panelId, tabId, onTab }: VariantTabsProps) {
  const { t } = useTranslation();
  const tabs: VariantTab[] = ['main', ...networks];
  const refs = useRef(new Map<VariantTab, HTMLButtonElement>());
  function onKeyDown(event: KeyboardEvent<HTMLButtonElement>) {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    event.preventDefault();
    const next = tabs[(tabs.indexOf(tab) + step + tabs.length) % tabs.length]!;
    onTab(next);
    refs.current.get(next)?.focus();
  }
  return (
    <div className="composer-variants" role="tablist" aria-label={t('planner.compose.variants')}>
      {tabs.map((kind) => (
        <button
          key={kind}
          ref={(element) => {
            if (element) refs.current.set(kind, element);
            else refs.current.delete(kind);
          }}
          type="button"
          role="tab"
          id={tabId(kind)}
          className="composer-variants__tab"
          aria-selected={tab === kind}
          aria-controls={panelId}
          tabIndex={tab === kind ? 0 : -1}
          onClick={() => onTab(kind)}
          onKeyDown={onKeyDown}
        >
          {kind === 'main' ? t('composer.postLabel') : t('planner.compose.variantTab', { network: NAMES[kind] })}
        </button>
      ))}
    </div>
  );
}
