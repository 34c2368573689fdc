import { useCallback, useEffect, useRef, useState } from 'react';
import type { DraftContent, MediaView } from '../../../../shared/contract/composer';
import type { AppError } from '../../../../shared/contract/errors';
import { useAppStore } from '../../store/AppStoreProvider';
import { createAutosave, type Autosave, type AutosaveStatus } from './autosave';

/** What is saved with every keystroke (media are saved by their own calls). */
export interface DraftFields {
  accountId: string | null;
  content: DraftContent;
}

export interface DraftState extends DraftFields {
  phase: 'loading' | 'ready' | 'failed';
  loadError: AppError | null;
  media: MediaView[];
}

interface UseDraftOptions {
  workspaceId: string;
  draftKey: string;
  /** Used when there is no stored draft yet. */
  initial: DraftFields;
}

/** Errors a second attempt cannot fix: the next change or flush tries again. */
const PERMANENT = new Set(['invalid_params', 'not_found', 'unknown_method']);

/**
 * One draft, never lost: restored from the core on mount, every change autosaved (debounced,
 * at most a second of typing at risk), flushed on blur, close, unmount and when the page goes
 * away. The caller renders a fresh instance per draft key.
 */
export function useDraft({ workspaceId, draftKey, initial }: UseDraftOptions) {
  const getDraft = useAppStore((state) => state.getDraft);
  const saveDraft = useAppStore((state) => state.saveDraft);
  const [state, setState] = useState<DraftState>({ ...initial, phase: 'loading', loadError: null, media: [] });
  const [saveStatus, setSaveStatus] = useState<AutosaveStatus>({ kind: 'idle' });
  const [attempt, setAttempt] = useState(0);
  const fieldsRef = useRef<DraftFields>(initial);
  const initialRef = useRef(initial);

  const [autosave] = useState<Autosave<DraftFields>>(() =>
    createAutosave<DraftFields>({
      save: async (fields) => {
        const outcome = await saveDraft({ workspaceId, key: draftKey, accountId: fields.accountId, content: fields.content });
        if (!outcome.ok) throw outcome.error;
      },
      onStatus: setSaveStatus,
      shouldRetry: (error) => !(error && typeof error === 'object' && 'code' in error && PERMANENT.has(String(error.code))),
    }),
  );

  useEffect(() => {
    let live = true;
    void getDraft(workspaceId, draftKey).then((outcome) => {
      if (!live) return;
      if (!outcome.ok) {
        setState((current) => ({ ...current, phase: 'failed', loadError: outcome.error }));
        return;
      }
      const draft = outcome.value;
      const fields: DraftFields = draft ? { accountId: draft.accountId ?? initialRef.current.accountId, content: draft.content } : initialRef.current;
      fieldsRef.current = fields;
      setState({ ...fields, phase: 'ready', loadError: null, media: draft?.media ?? [] });
    });
    return () => {
      live = false;
    };
  }, [getDraft, workspaceId, draftKey, attempt]);

  // Unmount and the page going away (tab closed, reload, app quit) save what is unsaved.
  useEffect(() => {
    const onPageHide = () => void autosave.flush();
    window.addEventListener('pagehide', onPageHide);
    return () => {
      window.removeEventListener('pagehide', onPageHide);
      void autosave.flush();
    };
  }, [autosave]);

  const update = useCallback(
    (patch: { accountId?: string | null; content?: Partial<DraftContent> }) => {
      const current = fieldsRef.current;
      const next: DraftFields = {
        accountId: patch.accountId !== undefined ? patch.accountId : current.accountId,
        content: patch.content ? { ...current.content, ...patch.content } : current.content,
      };
      fieldsRef.current = next;
      setState((s) => ({ ...s, ...next }));
      autosave.change(next);
    },
    [autosave],
  );

  const setMedia = useCallback((media: MediaView[]) => setState((s) => ({ ...s, media })), []);

  /** Saves now; resolves true when everything is saved (a draft row exists for media calls). */
  const flush = useCallback(async (): Promise<boolean> => {
    await autosave.flush();
    return !autosave.hasUnsaved();
  }, [autosave]);

  /** Makes sure the draft exists in the core (media are attached to a stored draft). */
  const ensureStored = useCallback(async (): Promise<AppError | null> => {
    const fields = fieldsRef.current;
    await autosave.flush();
    const outcome = await saveDraft({ workspaceId, key: draftKey, accountId: fields.accountId, content: fields.content });
    return outcome.ok ? null : outcome.error;
  }, [autosave, saveDraft, workspaceId, draftKey]);

  /** After a successful send the core deleted the draft: no later save may bring it back to life. */
  const stop = useCallback(() => {
    autosave.dispose();
  }, [autosave]);

  const retryLoad = useCallback(() => {
    setState((s) => ({ ...s, phase: 'loading', loadError: null }));
    setAttempt((n) => n + 1);
  }, []);

  return { state, fieldsRef, saveStatus, update, setMedia, flush, ensureStored, stop, retryLoad };
}
