import { useEffect } from 'react';
import { useAppStore } from '../../store/AppStoreProvider';
import type { WorkspaceViewKind } from '../../store/inboxSlice';
import { isTypingTarget } from '../deck/keyboard';

/** How long "g" waits for its second key. */
const CHORD_MS = 1200;

const CHORD_VIEWS: Partial<Record<string, WorkspaceViewKind>> = { i: 'inbox', d: 'deck', p: 'planner', b: 'dashboard' };

/** "g i" opens the inbox, "g d" the deck, "g p" the planner and "g b" the dashboard (board), as in mail clients (Ctrl+1..9 switch workspaces). */
export function useViewKeys(): void {
  const setView = useAppStore((state) => state.setWorkspaceView);
  useEffect(() => {
    let pendingSince = 0;
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTypingTarget(event.target)) return;
      if (document.querySelector('dialog[open]')) return;
      if (event.key === 'g') {
        pendingSince = Date.now();
        return;
      }
      const chord = Date.now() - pendingSince < CHORD_MS;
      pendingSince = 0;
      const view = chord ? CHORD_VIEWS[event.key] : undefined;
      if (!view) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      setView(view);
    }
    // Capture: the second key must not also reach the list's own keys ("d" is free, but "i" may not stay so).
    document.addEventListener('keydown', onKeyDown, true);
    return () => document.removeEventListener('keydown', onKeyDown, true);
  }, [setView]);
}
