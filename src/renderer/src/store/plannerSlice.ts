import type { StateCreator } from 'zustand';
import type { AppError } from '../../../shared/contract/errors';
import type { LeitstandClient } from '../../../shared/contract/client';
import type { ParamsOf } from '../../../shared/contract/methods';
import type { OutboxState } from '../../../shared/contract/composer';
import type { BestTimes, PostingPlan, PublishingSettings, ScheduleResult, ScheduledPost, WallTime } from '../../../shared/contract/planner';
import { fetchRange, sortedByTime, todayKey, visibleDays, type CalendarMode, type DayKey } from '../features/planner/calendar';
import { attempt, type Outcome } from './outcome';
import { refCounted } from './refCounted';
import type { AppState, StoreDeps } from './types';

type Phase = 'idle' | 'loading' | 'ready' | 'failed';

/** How far ahead the queue looks, and how far back it keeps overdue and failed posts. */
const QUEUE_AHEAD_DAYS = 366;
const QUEUE_BEHIND_DAYS = 30;
/** Events come in bursts (a bulk move sends one per post): one reload after the burst. */
const RELOAD_DELAY_MS = 120;

/** What the calendar shows: the days around the anchor, in week or month layout. */
export interface CalendarState {
  workspaceId: string | null;
  mode: CalendarMode;
  anchor: DayKey;
  /** Null: all accounts. */
  accountId: string | null;
  entries: ScheduledPost[];
  phase: Phase;
  error: AppError | null;
}

/** Upcoming (and overdue or failed) posts, in due order. */
export interface QueueState {
  workspaceId: string | null;
  /** What the entries answer: due in [from, to), of this account (null: all). */
  covers: { from: number; to: number; accountId: string | null } | null;
  entries: ScheduledPost[];
  phase: Phase;
  error: AppError | null;
}

export interface PlannerSlice {
  calendar: CalendarState;
  queue: QueueState;
  setCalendarMode(mode: CalendarMode): void;
  setCalendarAnchor(anchor: DayKey): void;
  setCalendarAccount(accountId: string | null): void;
  /** The calendar (and queue) of a workspace, from the core. */
  loadPlanner(workspaceId: string): Promise<void>;
  loadCalendar(workspaceId: string): Promise<void>;
  loadQueue(workspaceId: string): Promise<void>;
  receiveScheduleChanged(workspaceId: string, entries: ScheduledPost[]): void;

  moveScheduled(params: ParamsOf<'schedule.move'>): Promise<Outcome<ScheduleResult>>;
  scheduleDraft(params: ParamsOf<'schedule.fromDraft'>): Promise<Outcome<ScheduleResult>>;
  getPlan(workspaceId: string, accountId: string): Promise<Outcome<PostingPlan>>;
  setPlan(workspaceId: string, accountId: string, plan: PostingPlan): Promise<Outcome<PostingPlan>>;
  getBestTimes(workspaceId: string, accountId: string): Promise<Outcome<BestTimes>>;
  nextFreeSlot(workspaceId: string, accountId: string): Promise<Outcome<WallTime>>;
  getPublishingSettings(workspaceId: string): Promise<Outcome<PublishingSettings>>;
  setPublishingSettings(workspaceId: string, settings: PublishingSettings): Promise<Outcome<PublishingSettings>>;

  /** Keeps calendar and queue live (schedule.changed, and a reload after a reconnect) while watched. */
  watchPlannerEvents(): () => void;
}

function withEntries(current: readonly ScheduledPost[], changed: readonly ScheduledPost[]): ScheduledPost[] {
  const byId = new Map(current.map((entry) => [entry.id, entry]));
  for (const entry of changed) {
    const known = byId.get(entry.id);
    if (!known || known.updatedAt <= entry.updatedAt) byId.set(entry.id, entry);
  }
  return sortedByTime([...byId.values()]);
}

function queueRange(nowMs: number): { from: string; to: string } {
  const day = 24 * 60 * 60 * 1000;
  return { from: new Date(nowMs - QUEUE_BEHIND_DAYS * day).toISOString(), to: new Date(nowMs + QUEUE_AHEAD_DAYS * day).toISOString() };
}

/** Every state but 'published': what the queue holds. */
const QUEUE_STATES: OutboxState[] = ['scheduled', 'publishing', 'failed'];

/**
 * The calendar's posts. When the queue (kept live by the same events) already holds every
 * unpublished post of the visible days, only the published ones are asked for: paging through
 * a month of thousands of planned posts does not fetch and check them all again.
 */
async function calendarEntries(client: LeitstandClient, workspaceId: string, calendar: CalendarState, queue: QueueState): Promise<ScheduledPost[]> {
  const range = fetchRange(visibleDays(calendar.mode, calendar.anchor));
  const accounts = calendar.accountId ? { accountIds: [calendar.accountId] } : {};
  const from = Date.parse(range.from);
  const to = Date.parse(range.to);
  const covers = queue.workspaceId === workspaceId && queue.phase === 'ready' ? queue.covers : null;
  if (!covers || covers.accountId !== calendar.accountId || covers.from > from || covers.to < to) {
    return (await client.schedule.list({ workspaceId, ...range, ...accounts })).entries;
  }
  const { entries: published } = await client.schedule.list({ workspaceId, ...range, ...accounts, states: ['published'] });
  const planned = queue.entries.filter((entry) => {
    const due = Date.parse(entry.dueAt);
    return due >= from && due < to;
  });
  // A post that went out since the queue was loaded is in both: the published copy is the newer.
  return withEntries(planned, published);
}

export function createPlannerSlice({ client, connection }: StoreDeps): StateCreator<AppState, [], [], PlannerSlice> {
  return (set, get) => {
    let reloadTimer: ReturnType<typeof setTimeout> | null = null;
    // Answers that arrive after a newer question (the user paged on) are dropped.
    let calendarAsked = 0;
    let queueAsked = 0;

    function reloadSoon(workspaceId: string): void {
      if (reloadTimer) clearTimeout(reloadTimer);
      reloadTimer = setTimeout(() => {
        reloadTimer = null;
        void get().loadPlanner(workspaceId);
      }, RELOAD_DELAY_MS);
    }

    function startWatching(): () => void {
      let wasOpen = connection.getState().kind === 'open';
      const stops = [
        client.on('schedule.changed', ({ workspaceId, entries }) => get().receiveScheduleChanged(workspaceId, entries)),
        // Publishing changes state through the outbox too (published, failed).
        client.on('outbox.changed', ({ workspaceId }) => {
          if (get().calendar.workspaceId === workspaceId) reloadSoon(workspaceId);
        }),
        connection.subscribe((state) => {
          const open = state.kind === 'open';
          const workspaceId = get().calendar.workspaceId;
          if (open && !wasOpen && workspaceId) void get().loadPlanner(workspaceId);
          wasOpen = open;
        }),
      ];
      return () => {
        stops.forEach((stop) => stop());
        if (reloadTimer) clearTimeout(reloadTimer);
        reloadTimer = null;
      };
    }

    function reloadAfterChange(workspaceId: string): void {
      if (get().calendar.workspaceId === workspaceId) void get().loadPlanner(workspaceId);
    }

    return {
      calendar: { workspaceId: null, mode: 'week', anchor: todayKey(Date.now()), accountId: null, entries: [], phase: 'idle', error: null },
      queue: { workspaceId: null, covers: null, entries: [], phase: 'idle', error: null },

      setCalendarMode: (mode) => {
        set((state) => ({ calendar: { ...state.calendar, mode } }));
        const workspaceId = get().calendar.workspaceId;
        if (workspaceId) void get().loadCalendar(workspaceId);
      },
      setCalendarAnchor: (anchor) => {
        set((state) => ({ calendar: { ...state.calendar, anchor } }));
        const workspaceId = get().calendar.workspaceId;
        if (workspaceId) void get().loadCalendar(workspaceId);
      },
      setCalendarAccount: (accountId) => {
        set((state) => ({ calendar: { ...state.calendar, accountId } }));
        const workspaceId = get().calendar.workspaceId;
        if (workspaceId) void get().loadPlanner(workspaceId);
      },

      loadPlanner: async (workspaceId) => {
        // The queue first: the calendar takes the planned posts from it.
        await get().loadQueue(workspaceId);
        await get().loadCalendar(workspaceId);
      },

      loadCalendar: async (workspaceId) => {
        const asked = ++calendarAsked;
        set((state) => ({
          calendar:
            state.calendar.workspaceId === workspaceId
              ? { ...state.calendar, phase: state.calendar.phase === 'ready' ? 'ready' : 'loading' }
              : { ...state.calendar, workspaceId, accountId: null, entries: [], phase: 'loading', error: null },
        }));
        const { calendar, queue } = get();
        const outcome = await attempt(() => calendarEntries(client, workspaceId, calendar, queue));
        if (asked !== calendarAsked || get().calendar.workspaceId !== workspaceId) return;
        if (!outcome.ok) {
          set((state) => ({ calendar: { ...state.calendar, phase: 'failed', error: outcome.error } }));
          return;
        }
        set((state) => ({ calendar: { ...state.calendar, entries: sortedByTime(outcome.value), phase: 'ready', error: null } }));
      },

      loadQueue: async (workspaceId) => {
        const asked = ++queueAsked;
        set((state) => ({
          queue: state.queue.workspaceId === workspaceId ? { ...state.queue, phase: state.queue.phase === 'ready' ? 'ready' : 'loading' } : { workspaceId, covers: null, entries: [], phase: 'loading', error: null },
        }));
        const accountId = get().calendar.workspaceId === workspaceId ? get().calendar.accountId : null;
        const range = queueRange(Date.now());
        const outcome = await attempt(() => client.schedule.list({ workspaceId, ...range, states: QUEUE_STATES, ...(accountId ? { accountIds: [accountId] } : {}) }));
        if (asked !== queueAsked || get().queue.workspaceId !== workspaceId) return;
        if (!outcome.ok) {
          set((state) => ({ queue: { ...state.queue, phase: 'failed', error: outcome.error } }));
          return;
        }
        set({ queue: { workspaceId, covers: { from: Date.parse(range.from), to: Date.parse(range.to), accountId }, entries: sortedByTime(outcome.value.entries), phase: 'ready', error: null } });
      },

      receiveScheduleChanged: (workspaceId, entries) => {
        const { calendar, queue } = get();
        if (calendar.workspaceId !== workspaceId && queue.workspaceId !== workspaceId) return;
        // Shown at once where they were; the reload puts moved ones on their new days.
        if (calendar.workspaceId === workspaceId) set({ calendar: { ...calendar, entries: withEntries(calendar.entries, entries.filter((e) => calendar.entries.some((c) => c.id === e.id))) } });
        reloadSoon(workspaceId);
      },

      moveScheduled: async (params) => {
        const outcome = await attempt(() => client.schedule.move(params));
        if (outcome.ok && outcome.value.saved) reloadAfterChange(params.workspaceId);
        return outcome;
      },

      scheduleDraft: async (params) => {
        const outcome = await attempt(() => client.schedule.fromDraft(params));
        if (outcome.ok && outcome.value.saved) reloadAfterChange(params.workspaceId);
        return outcome;
      },

      getPlan: (workspaceId, accountId) => attempt(() => client.plans.get({ workspaceId, accountId })),
      setPlan: (workspaceId, accountId, plan) => attempt(() => client.plans.set({ workspaceId, accountId, plan })),
      getBestTimes: (workspaceId, accountId) => attempt(() => client.planner.bestTimes({ workspaceId, accountId })),
      nextFreeSlot: (workspaceId, accountId) => attempt(() => client.planner.nextFreeSlot({ workspaceId, accountId })),
      getPublishingSettings: (workspaceId) => attempt(() => client.schedule.getSettings({ workspaceId })),
      setPublishingSettings: (workspaceId, settings) => attempt(() => client.schedule.setSettings({ workspaceId, settings })),

      watchPlannerEvents: refCounted(startWatching),
    };
  };
}
