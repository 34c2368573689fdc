import { useCallback, useState } from 'react';
import type { ParamsOf } from '../../../../shared/contract/methods';
import type { AppError } from '../../../../shared/contract/errors';
import type { ScheduleResult } from '../../../../shared/contract/planner';
import { useAppStore } from '../../store/AppStoreProvider';

type MoveTo = ParamsOf<'schedule.move'>['to'];

export interface PendingMove {
  ids: string[];
  to: MoveTo;
  warnings: ScheduleResult['warnings'];
}

/**
 * Moving posts: asks the core without acknowledging; when the plan would break, nothing is saved
 * and the warnings wait in `pending` until the user moves anyway or cancels.
 */
export function useMoveFlow(workspaceId: string) {
  const moveScheduled = useAppStore((state) => state.moveScheduled);
  const [pending, setPending] = useState<PendingMove | null>(null);
  const [error, setError] = useState<AppError | null>(null);

  /** Resolves true once moved (false: warnings are pending, or it failed). */
  const move = useCallback(
    async (ids: string[], to: MoveTo, acknowledgeWarnings = false): Promise<boolean> => {
      setError(null);
      const outcome = await moveScheduled({ workspaceId, ids, to, acknowledgeWarnings });
      if (!outcome.ok) {
        setError(outcome.error);
        return false;
      }
      if (!outcome.value.saved) {
        setPending({ ids, to, warnings: outcome.value.warnings });
        return false;
      }
      setPending(null);
      return true;
    },
    [moveScheduled, workspaceId],
  );

  const confirm = useCallback(async (): Promise<boolean> => {
    if (!pending) return false;
    const moved = await move(pending.ids, pending.to, true);
    setPending(null);
    return moved;
  }, [move, pending]);

  return { move, pending, confirm, cancel: () => setPending(null), error, clearError: () => setError(null) };
}
