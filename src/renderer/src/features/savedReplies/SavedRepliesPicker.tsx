import { useEffect, useId, useMemo, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { InquiryType } from '../../../../shared/contract/analysis';
import type { SavedReply } from '../../../../shared/contract/inbox';
import type { SavedReplyVars } from '../../../../shared/inbox/savedReplyText';
import { Modal } from '../../components/Modal';
import { describeError } from '../../i18n/describeError';
import { useAppStore } from '../../store/AppStoreProvider';
import { useComposerEvents } from '../composer/useComposerEvents';
import { pickerEntries, renderReply } from './replyVariables';
import '../../styles/composer.css';

interface SavedRepliesPickerProps {
  workspaceId: string;
  /** The message being answered: its saved replies are suggested first. */
  messageText: string | null;
  /** The message's inquiry type from the on-device analysis (null or left out while it has none). */
  inquiry?: InquiryType | null;
  vars: SavedReplyVars;
  /** The reply's text with its variables filled in. */
  onInsert(text: string): void;
  onClose(): void;
}

/**
 * The quick picker: a search box over the workspace's saved replies, suggestions for the message
 * first; arrows move, Enter inserts the chosen one (variables filled) at the composer's cursor.
 */
export function SavedRepliesPicker({ workspaceId, messageText, inquiry = null, vars, onInsert, onClose }: SavedRepliesPickerProps) {
  const { t } = useTranslation();
  useComposerEvents();
  const state = useAppStore((s) => s.savedReplies);
  const loadSavedReplies = useAppStore((s) => s.loadSavedReplies);
  const openComposerPanel = useAppStore((s) => s.openComposerPanel);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const listId = useId();
  const hintId = useId();
  const optionId = (reply: SavedReply) => `${listId}-${reply.id}`;

  useEffect(() => {
    void loadSavedReplies(workspaceId);
  }, [loadSavedReplies, workspaceId]);

  const replies = useMemo(() => (state.workspaceId === workspaceId ? state.replies : []), [state, workspaceId]);
  const entries = useMemo(() => pickerEntries(replies, query, messageText, inquiry), [replies, query, messageText, inquiry]);
  const flat = useMemo(() => [...entries.suggested, ...entries.others], [entries]);
  const activeIndex = Math.min(active, Math.max(0, flat.length - 1));
  const activeReply = flat[activeIndex];

  function choose(reply: SavedReply | undefined) {
    if (!reply) return;
    onInsert(renderReply(reply, vars));
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        setActive(Math.min(activeIndex + 1, flat.length - 1));
        break;
      case 'ArrowUp':
        event.preventDefault();
        setActive(Math.max(activeIndex - 1, 0));
        break;
      case 'Home':
        if (event.ctrlKey) {
          event.preventDefault();
          setActive(0);
        }
        break;
      case 'End':
        if (event.ctrlKey) {
          event.preventDefault();
          setActive(flat.length - 1);
        }
        break;
      case 'Enter':
        event.preventDefault();
        choose(activeReply);
        break;
    }
  }

  useEffect(() => {
    if (activeReply) document.getElementById(optionId(activeReply))?.scrollIntoView({ block: 'nearest' });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- optionId only depends on listId
  }, [activeReply, listId]);

  const renderOption = (reply: SavedReply) => {
    const selected = reply === activeReply;
    const excerptId = `${optionId(reply)}-text`;
    return (
      <li
        key={reply.id}
        id={optionId(reply)}
        role="option"
        aria-selected={selected}
        aria-label={reply.title}
        aria-describedby={excerptId}
        className={selected ? 'saved-replies__option saved-replies__option--active' : 'saved-replies__option'}
        onMouseDown={(event) => event.preventDefault()}
        onClick={() => choose(reply)}
      >
        <span className="saved-replies__title">{reply.title}</span>
        <span id={excerptId} className="saved-replies__excerpt">
          {renderReply(reply, vars)}
        </span>
      </li>
    );
  };

  return (
    <Modal title={t('composer.savedReplies.title')} onClose={onClose}>
      <div className="saved-replies">
        <input
          type="search"
          className="field__input saved-replies__search"
          aria-label={t('composer.savedReplies.search')}
          aria-controls={listId}
          aria-activedescendant={activeReply ? optionId(activeReply) : undefined}
          aria-describedby={hintId}
          aria-autocomplete="list"
          role="searchbox"
          value={query}
          data-autofocus
          onChange={(event) => {
            setQuery(event.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
        />
        <p id={hintId} className="saved-replies__hint">
          {t('composer.savedReplies.insertHint')}
        </p>
        {state.phase === 'failed' && state.error && <p role="alert" className="field__error">{t('composer.savedReplies.loadFailed', { reason: describeError(state.error, t) })}</p>}
        <ul id={listId} role="listbox" aria-label={t('composer.savedReplies.list')} className="saved-replies__list">
          {entries.suggested.length > 0 && (
            <li role="presentation" className="saved-replies__group">
              <ul role="group" aria-label={t('composer.savedReplies.suggested')}>
                <li role="presentation" className="saved-replies__group-label" aria-hidden="true">
                  {t('composer.savedReplies.suggested')}
                </li>
                {entries.suggested.map(renderOption)}
              </ul>
            </li>
          )}
          {entries.others.length > 0 && (
            <li role="presentation" className="saved-replies__group">
              <ul role="group" aria-label={t('composer.savedReplies.all')}>
                {entries.suggested.length > 0 && (
                  <li role="presentation" className="saved-replies__group-label" aria-hidden="true">
                    {t('composer.savedReplies.all')}
                  </li>
                )}
                {entries.others.map(renderOption)}
              </ul>
            </li>
          )}
        </ul>
        {state.phase === 'ready' && flat.length === 0 && (
          <p className="saved-replies__empty">{query.trim() ? t('composer.savedReplies.noMatch', { query: query.trim() }) : t('composer.savedReplies.empty')}</p>
        )}
        <div className="modal__actions">
          <button
            type="button"
            className="button button--quiet"
            onClick={() => {
              onClose();
              openComposerPanel({ kind: 'manageSavedReplies', workspaceId });
            }}
          >
            {t('composer.savedReplies.manage')}
          </button>
          <button type="button" className="button" onClick={onClose}>
            {t('composer.close')}
          </button>
        </div>
      </div>
    </Modal>
  );
}
