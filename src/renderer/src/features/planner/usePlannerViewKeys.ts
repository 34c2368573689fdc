import { useEffect } from 'react';
import { useAppStore } from '../../store/AppStoreProvider';
import { isTypingTarget } from '../deck/keyboard';

const CHORD_MS = 1200;

/**
 * "g p" opens the planner; "g i" and "g d" leave it (the inbox's own handler then picks the view).
 * Listens on window in the capture phase, so it runs before the document-level handler of "g i"
 * and "g d", which stops the event.
 */
export function usePlannerViewKeys(): void {
  const openPlanner = useAppStore((state) => state.openPlanner);
  const closePlanner = useAppStore((state) => state.closePlanner);
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
      if (!chord) return;
      if (event.key === 'p') {
        event.preventDefault();
        openPlanner();
      } else if (event.key === 'i' || event.key === 'd') {
        closePlanner();
      }
    }
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [openPlanner, closePlanner]);
}
