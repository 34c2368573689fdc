import { useEffect } from 'react';
import { useAppStore } from '../../store/AppStoreProvider';
import { workspaceShortcutNumber } from './shortcuts';

/** Ctrl+1 … Ctrl+9 (or ⌘ on macOS) anywhere in the app, except while a dialog is open. */
export function useWorkspaceShortcuts(): void {
  const switchToNthWorkspace = useAppStore((state) => state.switchToNthWorkspace);
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      const n = workspaceShortcutNumber(event);
      if (n === null) return;
      if (document.querySelector('dialog[open]')) return;
      event.preventDefault();
      void switchToNthWorkspace(n);
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [switchToNthWorkspace]);
}
