import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NETWORKS, type ItemSearchFilters, type Network, type StoredItem } from '../../../../shared/contract/items';
import { describeError } from '../../i18n/describeError';
import { useAppStore } from '../../store/AppStoreProvider';
import { Icon } from '../deck/Icon';
import { ItemCard } from '../deck/ItemCard';
import { EMPTY_FILTERS, FILTER_LANGUAGES, toSearchFilters, type FilterForm } from './searchFilters';

/** Filters typed into text fields apply after a short pause; choices apply at once. */
const TYPING_PAUSE_MS = 350;

function languageNames(uiLanguage: string): Map<string, string> {
  const names = new Map<string, string>();
  let display: Intl.DisplayNames | null;
  try {
    display = new Intl.DisplayNames(uiLanguage, { type: 'language' });
  } catch {
    display = null;
  }
  for (const code of FILTER_LANGUAGES) names.set(code, display?.of(code) ?? code);
  return names;
}

/** The results of the global search, next to the columns: filters on top, then the items. */
export function SearchPanel({ workspaceId }: { workspaceId: string }) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const filtersId = useId();
  const search = useAppStore((state) => state.search);
  const streams = useAppStore((state) => state.deck.streams);
  const runSearch = useAppStore((state) => state.runSearch);
  const loadMoreResults = useAppStore((state) => state.loadMoreResults);
  const closeSearch = useAppStore((state) => state.closeSearch);
  const setItemsRead = useAppStore((state) => state.setItemsRead);
  const [form, setForm] = useState<FilterForm>(EMPTY_FILTERS);
  const [filtersOpen, setFiltersOpen] = useState(false);
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(() => new Set());
  const languages = useMemo(() => languageNames(i18n.language), [i18n.language]);

  const open = search.workspaceId === workspaceId && search.query !== null;
  const query = search.query;
  const text = query?.text ?? '';
  const parsed = toSearchFilters(form);

  // Filters apply by themselves (text fields after a pause), to the search as it was typed.
  const filtersKey = parsed.ok ? JSON.stringify(parsed.filters) : null;
  const applied = useRef('{}');
  useEffect(() => {
    if (!open || filtersKey === null || filtersKey === applied.current) return;
    const timer = setTimeout(() => {
      applied.current = filtersKey;
      void runSearch(workspaceId, { text, filters: JSON.parse(filtersKey) as ItemSearchFilters });
    }, TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [open, filtersKey, text, runSearch, workspaceId]);

  const update = (patch: Partial<FilterForm>) => setForm((current) => ({ ...current, ...patch }));
  const toggleNetwork = (network: Network, checked: boolean) =>
    setForm((current) => ({
      ...current,
      networks: checked ? [...current.networks, network] : current.networks.filter((value) => value !== network),
    }));

  const toggleExpanded = useCallback(
    (item: StoredItem) => {
      setExpanded((current) => {
        const next = new Set(current);
        if (next.has(item.id)) next.delete(item.id);
        else next.add(item.id);
        return next;
      });
      if (!item.read) void setItemsRead([item.id], true);
    },
    [setItemsRead],
  );
  const toggleRead = useCallback((item: StoredItem) => void setItemsRead([item.id], !item.read), [setItemsRead]);
  const opened = useCallback(
    (item: StoredItem) => {
      if (!item.read) void setItemsRead([item.id], true);
    },
    [setItemsRead],
  );
  const noop = useCallback(() => undefined, []);

  if (!open || !query) return null;

  const title = text ? t('search.resultsFor', { text }) : t('search.resultsFiltered');
  const items = search.items;

  return (
    <section className="search-panel" aria-labelledby={headingId}>
      <header className="search-panel__header">
        <h2 id={headingId} className="search-panel__title" tabIndex={-1}>
          {title}
        </h2>
        <button
          type="button"
          className="icon-button"
          aria-expanded={filtersOpen}
          aria-controls={filtersId}
          onClick={() => setFiltersOpen((value) => !value)}
        >
          <span className="icon-button__text">{t('search.filters')}</span>
        </button>
        <button type="button" className="icon-button" aria-label={t('search.close')} title={t('search.close')} onClick={closeSearch}>
          <Icon name="close" />
        </button>
      </header>
      <div id={filtersId} className="search-filters" hidden={!filtersOpen}>
        <fieldset className="search-filters__group">
          <legend className="search-filters__legend">{t('search.networks')}</legend>
          {NETWORKS.map((network) => (
            <label key={network} className="search-filters__check">
              <input
                type="checkbox"
                checked={form.networks.includes(network)}
                onChange={(event) => toggleNetwork(network, event.target.checked)}
              />
              {t(`deck.networks.${network}`)}
            </label>
          ))}
        </fieldset>
        <label className="search-filters__field">
          <span className="search-filters__label">{t('search.column')}</span>
          <select className="field__input" value={form.streamId} onChange={(event) => update({ streamId: event.target.value })}>
            <option value="">{t('search.anyColumn')}</option>
            {streams.map((stream) => (
              <option key={stream.id} value={stream.id}>
                {stream.title}
              </option>
            ))}
          </select>
        </label>
        <label className="search-filters__field">
          <span className="search-filters__label">{t('search.author')}</span>
          <input
            className="field__input"
            type="text"
            value={form.author}
            maxLength={200}
            placeholder={t('search.authorHint')}
            onChange={(event) => update({ author: event.target.value })}
          />
        </label>
        <div className="search-filters__row">
          <label className="search-filters__field">
            <span className="search-filters__label">{t('search.from')}</span>
            <input
              className="field__input"
              type="date"
              value={form.from}
              aria-invalid={parsed.ok ? undefined : true}
              onChange={(event) => update({ from: event.target.value })}
            />
          </label>
          <label className="search-filters__field">
            <span className="search-filters__label">{t('search.to')}</span>
            <input
              className="field__input"
              type="date"
              value={form.to}
              aria-invalid={parsed.ok ? undefined : true}
              onChange={(event) => update({ to: event.target.value })}
            />
          </label>
        </div>
        {!parsed.ok && (
          <p className="field__error" role="alert">
            {t('search.invalidRange')}
          </p>
        )}
        <label className="search-filters__field">
          <span className="search-filters__label">{t('search.language')}</span>
          <select className="field__input" value={form.language} onChange={(event) => update({ language: event.target.value })}>
            <option value="">{t('search.anyLanguage')}</option>
            {FILTER_LANGUAGES.map((code) => (
              <option key={code} value={code}>
                {languages.get(code)}
              </option>
            ))}
          </select>
        </label>
        <label className="search-filters__check">
          <input type="checkbox" checked={form.hasLink} onChange={(event) => update({ hasLink: event.target.checked })} />
          {t('search.hasLink')}
        </label>
        <button type="button" className="button button--small" onClick={() => setForm(EMPTY_FILTERS)}>
          {t('search.reset')}
        </button>
      </div>
      <div className="search-panel__scroll">
        <p className="search-panel__status" role="status">
          {search.phase === 'loading' ? t('search.searching') : search.phase === 'ready' && items.length === 0 ? t('search.none') : ''}
        </p>
        {search.phase === 'failed' && search.error && (
          <p className="field__error" role="alert">
            {t('search.failed')} {describeError(search.error, t)}
          </p>
        )}
        <div className="search-panel__feed" role="feed" aria-label={t('search.results')} aria-busy={search.phase === 'loading' || search.loadingMore}>
          {items.map((item, index) => (
            <ItemCard
              key={item.id}
              item={item}
              tabStop
              selected={false}
              expanded={expanded.has(item.id)}
              position={index + 1}
              setSize={search.next ? -1 : items.length}
              onSelect={noop}
              onToggleExpanded={toggleExpanded}
              onToggleRead={toggleRead}
              onOpened={opened}
            />
          ))}
        </div>
        {search.next ? (
          <button type="button" className="button button--small search-panel__more" disabled={search.loadingMore} onClick={() => void loadMoreResults()}>
            {search.loadingMore ? t('search.loadingMore') : t('search.loadMore')}
          </button>
        ) : (
          search.phase === 'ready' && items.length > 0 && <p className="search-panel__end">{t('search.end')}</p>
        )}
      </div>
    </section>
  );
}
