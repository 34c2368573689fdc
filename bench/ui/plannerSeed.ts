import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { AccountRepository } from '../../src/main/core/accounts/accountRepository';
import { createCore } from '../../src/main/core/createCore';
import type { Workspace } from '../../src/shared/contract/domain';
import type { ScheduleResult } from '../../src/shared/contract/planner';
import { MemoryVault } from '../../test/support/memoryVault';

export interface PlannerSeed {
  workspaceName: string;
  /** The month the posts fill, "YYYY-MM" (next month: every post is in the future, none is published). */
  month: string;
  /** Posts per day of that month. */
  perDay: Map<string, number>;
  posts: number;
  seedMs: number;
}

const ZONE = 'Europe/Zurich';

/**
 * A workspace with `accounts` Bluesky and Mastodon accounts and `posts` posts scheduled through
 * the core's own schedule.fromDraft (as "Schedule…" does, warnings acknowledged), spread over the
 * days and hours of next month. The accounts are rows only: nothing is due, so no network is asked.
 */
export async function seedPlanner(dataDir: string, { accounts, posts }: { accounts: number; posts: number }): Promise<PlannerSeed> {
  const started = Date.now();
  const core = createCore({ dataDir, appVersion: 'bench', shell: 'headless', vault: new MemoryVault(), connectors: {}, poll: false, log: () => {} });
  const call = async <T>(method: string, params: unknown): Promise<T> => {
    const outcome = await core.dispatcher.call(method, params);
    if (!outcome.ok) throw new Error(`${method}: ${outcome.error.code} ${outcome.error.message}`);
    return outcome.result as T;
  };
  try {
    const workspaceName = 'Planner benchmark';
    const workspace = await call<Workspace>('workspaces.create', { name: workspaceName });
    const repo = new AccountRepository(core.store.db);
    const ids = Array.from({ length: accounts }, (_, i) => repo.create({ workspaceId: workspace.id, network: i % 2 ? 'mastodon' : 'bluesky', handle: `brand${i + 1}.example` }).id);
    const first = DateTime.now().setZone(ZONE).startOf('month').plus({ months: 1 });
    const days = first.daysInMonth!;
    const perDay = new Map<string, number>();
    for (let n = 0; n < posts; n++) {
      // Evenly over the month's days, hours 07:00–21:45 at quarter hours.
      const day = first.plus({ days: Math.floor((n * days) / posts) });
      const minute = 7 * 60 + ((n * 37) % (15 * 60 / 15)) * 15;
      const local = `${day.toISODate()}T${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
      const result = await call<ScheduleResult>('schedule.fromDraft', {
        workspaceId: workspace.id,
        key: `post:${randomUUID()}`,
        accountIds: [ids[n % accounts]!],
        content: { text: `Geplanter Beitrag ${n + 1}: Herbstaktion im Laden, alle Details auf der Website`, spoilerText: null, language: 'de', visibility: null, appendSignature: false },
        at: { local, timeZone: ZONE },
        acknowledgeWarnings: true,
      });
      if (!result.saved) throw new Error(`Post ${n} was not saved.`);
      perDay.set(day.toISODate()!, (perDay.get(day.toISODate()!) ?? 0) + 1);
    }
    return { workspaceName, month: first.toFormat('yyyy-MM'), perDay, posts, seedMs: Date.now() - started };
  } finally {
    core.close();
  }
}
