import { useEffect } from 'react';
import { useAppStore } from '../../store/AppStoreProvider';

/** Keeps the outbox, saved replies and agents live while the calling component is on screen. */
export function useComposerEvents(): void {
  const watch = useAppStore((state) => state.watchComposerEvents);
  useEffect(() => watch(), [watch]);
}
