import { useTranslation } from 'react-i18next';
import { useTabKeys } from '../../components/useTabKeys';
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

/** The text of a post for several networks: the main text, and a variant per network (tabs, arrow keys, Home and End move). */
export function VariantTabs({ tab, networks, panelId, tabId, onTab }: VariantTabsProps) {
  const { t } = useTranslation();
  const tabs: VariantTab[] = ['main', ...networks];
  const tabProps = useTabKeys(tabs, tab, onTab);
  return (
    <div className="composer-variants" role="tablist" aria-label={t('planner.compose.variants')}>
      {tabs.map((kind) => (
        <button
          key={kind}
          {...tabProps(kind)}
          id={tabId(kind)}
          className="composer-variants__tab"
          aria-controls={panelId}
        >
          {kind === 'main' ? t('composer.postLabel') : t('planner.compose.variantTab', { network: NAMES[kind] })}
        </button>
      ))}
    </div>
  );
}
