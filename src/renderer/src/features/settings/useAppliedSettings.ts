import { useEffect } from 'react';
import { useAppStore } from '../../store/AppStoreProvider';
import { applySettings } from './applySettings';

/** Applies language and theme whenever the stored settings change (here or in another window). */
export function useAppliedSettings(): void {
  const settings = useAppStore((state) => state.settings);
  useEffect(() => {
    applySettings(settings);
    // 'system' follows the OS: a language change there arrives as 'languagechange'.
    if (settings.language !== 'system') return;
    const onChange = () => applySettings(settings);
    window.addEventListener('languagechange', onChange);
    return () => window.removeEventListener('languagechange', onChange);
  }, [settings]);
}
