import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../store/AppStoreProvider';
import { Icon } from '../deck/Icon';
import { isTypingTarget } from '../deck/keyboard';

/** The search field of a workspace (a search landmark); "/" anywhere outside a text field focuses it. */
export function SearchBox({ workspaceId }: { workspaceId: string }) {
  const { t } = useTranslation();
  const inputId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const search = useAppStore((state) => state.search);
  const runSearch = useAppStore((state) => state.runSearch);
  const [text, setText] = useState('');

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
      if (isTypingTarget(event.target) || document.querySelector('dialog[open]')) return;
      event.preventDefault();
      inputRef.current?.focus();
      inputRef.current?.select();
    }
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const filters = search.workspaceId === workspaceId && search.query ? search.query.filters : {};
    void runSearch(workspaceId, { text: text.trim(), filters });
  }

  return (
    <form role="search" aria-label={t('search.label')} className="search-box" onSubmit={submit}>
      <label htmlFor={inputId} className="sr-only">
        {t('search.fieldLabel')}
      </label>
      <Icon name="search" className="search-box__icon" />
      <input
        ref={inputRef}
        id={inputId}
        className="search-box__input"
        type="search"
        value={text}
        maxLength={500}
        placeholder={t('search.placeholder')}
        aria-keyshortcuts="/"
        autoComplete="off"
        spellCheck={false}
        onChange={(event) => setText(event.target.value)}
      />
      <kbd className="search-box__kbd" aria-hidden="true" title={t('search.shortcutHint')}>
        /
      </kbd>
      <button type="submit" className="sr-only-focusable button button--small">
        {t('search.submit')}
      </button>
    </form>
  );
}
