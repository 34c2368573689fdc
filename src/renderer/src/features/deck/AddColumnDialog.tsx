import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldError } from '../../components/FieldError';
import { Modal } from '../../components/Modal';
import { describeError } from '../../i18n/describeError';
import { useAppStore } from '../../store/AppStoreProvider';
import type { DiscoveredFeed } from '../../store/types';
import { normalizeFeedAddress } from './feedAddress';
import { NetworkSourceForm } from './NetworkSourceForm';

/**
 * Where a column's items come from. Feeds need no account; Bluesky and Mastodon columns watch
 * through an account connected to the workspace (NetworkSourceForm asks for one).
 */
const SOURCES = ['feed', 'bluesky', 'mastodon'] as const;
type SourceId = (typeof SOURCES)[number];

/** The longest address the core accepts (feeds.discover). */
const MAX_URL_LENGTH = 2048;

export function AddColumnDialog({ workspaceId, onClose }: { workspaceId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const sourceHintId = useId();
  const [source, setSource] = useState<SourceId>('feed');
  return (
    <Modal title={t('addColumn.title')} onClose={onClose}>
      <div className="modal__form">
        <fieldset className="choice-group choice-group--row" aria-describedby={sourceHintId}>
          <legend className="field__label">{t('addColumn.sourceLegend')}</legend>
          {SOURCES.map((option) => (
            <label key={option} className="choice choice--compact">
              <input type="radio" name="column-source" value={option} checked={source === option} onChange={() => setSource(option)} />
              <span className="choice__title">{t(`addColumn.sources.${option}`)}</span>
            </label>
          ))}
          <p id={sourceHintId} className="field__hint choice-group__hint">
            {t(`addColumn.sources.${source}Hint`)}
          </p>
        </fieldset>
        {source === 'feed' ? (
          <FeedSourceForm workspaceId={workspaceId} onClose={onClose} />
        ) : (
          <NetworkSourceForm key={source} network={source} workspaceId={workspaceId} onClose={onClose} />
        )}
      </div>
    </Modal>
  );
}

/** A web feed: an address; a page that offers several feeds lets the user pick one. */
function FeedSourceForm({ workspaceId, onClose }: { workspaceId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const inputId = useId();
  const hintId = useId();
  const errorId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const discoverFeeds = useAppStore((state) => state.discoverFeeds);
  const addColumn = useAppStore((state) => state.addColumn);
  const [address, setAddress] = useState('');
  const [feeds, setFeeds] = useState<DiscoveredFeed[] | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<'finding' | 'adding' | null>(null);

  async function add(feed: DiscoveredFeed) {
    setBusy('adding');
    const outcome = await addColumn({
      workspaceId,
      network: 'feed',
      kind: 'feed',
      query: feed.url,
      ...(feed.title?.trim() ? { title: feed.title.trim().slice(0, 120) } : {}),
    });
    if (outcome.ok) {
      onClose();
      return;
    }
    setBusy(null);
    setError(describeError(outcome.error, t));
  }

  async function find(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    if (feeds) {
      const feed = feeds.find((candidate) => candidate.url === chosen);
      if (feed) await add(feed);
      return;
    }
    const url = address.trim() ? normalizeFeedAddress(address) : null;
    if (!url) {
      setError(address.trim() ? t('addColumn.urlInvalid') : t('addColumn.urlRequired'));
      inputRef.current?.focus();
      return;
    }
    setBusy('finding');
    setError(null);
    const outcome = await discoverFeeds(url);
    if (!outcome.ok) {
      setBusy(null);
      setError(describeError(outcome.error, t));
      inputRef.current?.focus();
      return;
    }
    const found = outcome.value;
    const [only] = found;
    if (found.length === 0 || !only) {
      setBusy(null);
      setError(t('addColumn.noFeeds'));
      inputRef.current?.focus();
      return;
    }
    if (found.length === 1) {
      await add(only);
      return;
    }
    setBusy(null);
    setFeeds(found);
    setChosen(only.url);
  }

  return (
    <form className="modal__form" onSubmit={(event) => void find(event)} noValidate>
      {feeds ? (
        <fieldset className="choice-group">
          <legend className="field__label">{t('addColumn.chooseLegend')}</legend>
          {feeds.map((feed, index) => (
            <label key={feed.url} className="choice">
              <input
                type="radio"
                name="feed-choice"
                value={feed.url}
                checked={chosen === feed.url}
                onChange={() => setChosen(feed.url)}
                autoFocus={index === 0}
              />
              <span className="choice__text">
                <span className="choice__title">{feed.title?.trim() || t('addColumn.untitled')}</span>
                <span className="choice__hint choice__url">{feed.url}</span>
              </span>
            </label>
          ))}
          <FieldError id={errorId} message={error} />
        </fieldset>
      ) : (
        <div className="field">
          <label htmlFor={inputId} className="field__label">
            {t('addColumn.urlLabel')}
          </label>
          <input
            ref={inputRef}
            id={inputId}
            className="field__input"
            type="url"
            inputMode="url"
            value={address}
            maxLength={MAX_URL_LENGTH}
            autoComplete="url"
            spellCheck={false}
            placeholder="https://"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${errorId} ${hintId}` : hintId}
            onChange={(event) => {
              setAddress(event.target.value);
              if (error) setError(null);
            }}
            data-autofocus
          />
          <p id={hintId} className="field__hint">
            {t('addColumn.urlHint')}
          </p>
          <FieldError id={errorId} message={error} />
        </div>
      )}
      <div className="modal__actions">
        {feeds ? (
          <button
            type="button"
            className="button"
            onClick={() => {
              setFeeds(null);
              setError(null);
            }}
          >
            {t('addColumn.back')}
          </button>
        ) : (
          <button type="button" className="button" onClick={onClose}>
            {t('dialogs.cancel')}
          </button>
        )}
        <button type="submit" className="button button--primary" disabled={busy !== null}>
          {busy === 'finding' ? t('addColumn.finding') : busy === 'adding' ? t('addColumn.adding') : feeds ? t('addColumn.add') : t('addColumn.find')}
        </button>
      </div>
    </form>
  );
}
