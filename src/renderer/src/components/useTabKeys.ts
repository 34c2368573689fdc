import { useRef, type KeyboardEvent } from 'react';

/** What the button of one tab gets from useTabKeys (its id, class and panel are the caller's). */
export interface TabProps {
  ref(element: HTMLButtonElement | null): void;
  type: 'button';
  role: 'tab';
  'aria-selected': boolean;
  tabIndex: number;
  onClick(): void;
  onKeyDown(event: KeyboardEvent<HTMLButtonElement>): void;
}

/**
 * A tablist whose selection follows focus (WAI-ARIA tabs): only the current tab is in the tab
 * order; the arrow keys move to the neighbouring tab, wrapping around, Home and End to the first
 * and the last; the tab moved to is chosen and focused.
 */
export function useTabKeys<T>(tabs: readonly T[], current: T, choose: (tab: T) => void): (tab: T) => TabProps {
  const refs = useRef(new Map<T, HTMLButtonElement>());
  function onKeyDown(event: KeyboardEvent<HTMLButtonElement>) {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    const target =
      event.key === 'Home' ? tabs[0] : event.key === 'End' ? tabs[tabs.length - 1] : step ? tabs[(tabs.indexOf(current) + step + tabs.length) % tabs.length] : undefined;
    if (target === undefined) return;
    event.preventDefault();
    choose(target);
    refs.current.get(target)?.focus();
  }
  return (tab) => ({
    ref: (element) => {
      if (element) refs.current.set(tab, element);
      else refs.current.delete(tab);
    },
    type: 'button',
    role: 'tab',
    'aria-selected': tab === current,
    tabIndex: tab === current ? 0 : -1,
    onClick: () => choose(tab),
    onKeyDown,
  });
}
