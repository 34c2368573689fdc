import { useEffect, useMemo, useRef, useState } from 'react';
import type { ComposerCheck, MediaView } from '../../../../shared/contract/composer';
import type { AppError } from '../../../../shared/contract/errors';
import { useAppStore } from '../../store/AppStoreProvider';
import type { DraftFields } from './useDraft';

/** How long typing must pause before the core counts again. */
const CHECK_DELAY_MS = 150;

interface CheckState {
  check: ComposerCheck | null;
  error: AppError | null;
  /** True while the shown check is older than the text (typing, or the answer on its way). */
  stale: boolean;
}

interface Answer {
  /** What was asked: the draft as it stood. */
  question: string;
  check: ComposerCheck | null;
  error: AppError | null;
}

/**
 * The core's count and checks for the draft as it stands, asked for ~150 ms after the last
 * change. Answers that arrive after a newer question are dropped, so the counter never jumps back.
 */
export function useComposerCheck(workspaceId: string, draftKey: string, fields: DraftFields, media: readonly MediaView[], enabled: boolean): CheckState {
  const checkDraft = useAppStore((state) => state.checkDraft);
  const [answer, setAnswer] = useState<Answer>({ question: '', check: null, error: null });
  const asked = useRef('');
  // Media come back from the core as new arrays; their ids and alt texts are what matter.
  const mediaKey = media.map((m) => `${m.id}:${m.alt}`).join('|');
  const question = useMemo(() => JSON.stringify([fields.accountId, fields.content, mediaKey]), [fields.accountId, fields.content, mediaKey]);

  useEffect(() => {
    if (!enabled) return;
    asked.current = question;
    const timer = setTimeout(() => {
      void checkDraft({ workspaceId, key: draftKey, accountId: fields.accountId, content: fields.content }).then((outcome) => {
        if (question !== asked.current) return;
        setAnswer(outcome.ok ? { question, check: outcome.value, error: null } : { question, check: null, error: outcome.error });
      });
    }, CHECK_DELAY_MS);
    return () => clearTimeout(timer);
    // The question stands for fields and media.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [checkDraft, workspaceId, draftKey, question, enabled]);

  return { check: answer.check, error: answer.error, stale: answer.question !== question };
}
