import { useMemo } from 'react';
import type { InboxPatch } from '../../../../shared/contract/inbox';
import { useAppStore } from '../../store/AppStoreProvider';
import type { Outcome } from '../../store/outcome';

/** The triage actions, for one item or a bulk selection alike (one `inbox.update` each). */
export interface Triage {
  update(ids: number[], patch: InboxPatch): Promise<Outcome<unknown>>;
  done(ids: number[]): Promise<Outcome<unknown>>;
  reopen(ids: number[]): Promise<Outcome<unknown>>;
  assign(ids: number[], assigneeId: string | null): Promise<Outcome<unknown>>;
  addTags(ids: number[], tags: string[]): Promise<Outcome<unknown>>;
  removeTag(ids: number[], tag: string): Promise<Outcome<unknown>>;
  /** Waits as pending until then, and reopens by itself. */
  snooze(ids: number[], untilIso: string): Promise<Outcome<unknown>>;
  clearFollowUp(ids: number[]): Promise<Outcome<unknown>>;
}

export function useTriage(): Triage {
  const updateInboxItems = useAppStore((state) => state.updateInboxItems);
  return useMemo(() => {
    const update = (ids: number[], patch: InboxPatch) => updateInboxItems(ids, patch);
    return {
      update,
      done: (ids) => update(ids, { status: 'done' }),
      reopen: (ids) => update(ids, { status: 'open' }),
      assign: (ids, assigneeId) => update(ids, { assigneeId }),
      addTags: (ids, tags) => update(ids, { addTags: tags }),
      removeTag: (ids, tag) => update(ids, { removeTags: [tag] }),
      snooze: (ids, untilIso) => update(ids, { status: 'pending', followUpAt: untilIso }),
      clearFollowUp: (ids) => update(ids, { followUpAt: null }),
    };
  }, [updateInboxItems]);
}
