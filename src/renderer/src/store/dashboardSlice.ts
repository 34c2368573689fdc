import type { StateCreator } from 'zustand';
import type { LeitstandClient } from '../../../shared/contract/client';
import type { AppError } from '../../../shared/contract/errors';
import type { Alert, AlertSettings, BucketSize, DashboardChartId, DateRange } from '../../../shared/contract/insight';
import type { StoredItem } from '../../../shared/contract/items';
import type { ResultOf } from '../../../shared/contract/methods';
import { bucketFor, defaultSelection, resolveRange, type RangeProblem, type RangeSelection } from '../features/dashboard/range';
import { attempt, type Outcome } from './outcome';
import { refCounted } from './refCounted';
import type { AppState, StoreDeps } from './types';

type Phase = 'idle' | 'loading' | 'ready' | 'failed';

export interface ChartDataMap {
  volume: ResultOf<'dashboard.volume'>;
  sentiment: ResultOf<'dashboard.sentiment'>;
  shareOfVoice: ResultOf<'dashboard.shareOfVoice'>;
  responses: ResultOf<'dashboard.responses'>;
  posting: ResultOf<'dashboard.posting'>;
  topAuthors: ResultOf<'dashboard.topAuthors'>;
}

export interface ChartState<K extends DashboardChartId> {
  /** Loading keeps the previous data on screen (marked busy) until the new answer arrives. */
  phase: Phase;
  data: ChartDataMap[K] | null;
  /** The range the data answers (null before the first answer). */
  range: DateRange | null;
  error: AppError | null;
}

export type ChartStates = { [K in DashboardChartId]: ChartState<K> };

export interface DashboardState {
  workspaceId: string | null;
  timeZone: string | null;
  selection: RangeSelection | null;
  /** The range asked for; null while the selection has a problem (then `problem` says which). */
  range: DateRange | null;
  bucket: BucketSize;
  problem: RangeProblem | null;
  charts: ChartStates;
}

export interface AlertsState {
  workspaceId: string | null;
  /** Newest first. */
  alerts: Alert[];
  phase: Phase;
  error: AppError | null;
}

/** The alert whose items are shown in a dialog (from the banner, the history or a desktop notification). */
export interface AlertItemsRequest {
  workspaceId: string;
  alertId: string;
}

export interface DashboardSlice {
  dashboard: DashboardState;
  alerts: AlertsState;
  alertItemsRequest: AlertItemsRequest | null;
  /** Opens the dashboard of a workspace in its time zone (keeps the chosen range when only the zone is new). */
  openDashboard(workspaceId: string, timeZone: string): Promise<void>;
  setDashboardRange(selection: RangeSelection): Promise<void>;
  /** Every chart afresh for the current range (the presets move with the clock). */
  reloadDashboard(): Promise<void>;
  reloadChart(chart: DashboardChartId): Promise<void>;
  /** Keeps the charts live (`dashboard.changed`, throttled; a reload after a reconnect) while watched. */
  watchDashboardEvents(): () => void;

  loadAlerts(workspaceId: string): Promise<void>;
  receiveAlert(workspaceId: string, alert: Alert): void;
  acknowledgeAlert(workspaceId: string, alertId: string): Promise<Outcome<Alert>>;
  alertItems(workspaceId: string, alertId: string): Promise<Outcome<StoredItem[]>>;
  getAlertSettings(workspaceId: string): Promise<Outcome<AlertSettings>>;
  setAlertSettings(workspaceId: string, settings: AlertSettings): Promise<Outcome<AlertSettings>>;
  openAlertItems(request: AlertItemsRequest): void;
  closeAlertItems(): void;
}

/** The core sends `dashboard.changed` at most every few seconds; the charts reload at most this often. */
export const DASHBOARD_RELOAD_MS = 5_000;
const ALERT_HISTORY = 50;

const idleChart = { phase: 'idle', data: null, range: null, error: null } as const;
const IDLE_CHARTS: ChartStates = {
  volume: idleChart,
  sentiment: idleChart,
  shareOfVoice: idleChart,
  responses: idleChart,
  posting: idleChart,
  topAuthors: idleChart,
};

async function fetchChart<K extends DashboardChartId>(client: LeitstandClient, chart: K, workspaceId: string, range: DateRange, bucket: BucketSize): Promise<ChartDataMap[K]> {
  const params = { workspaceId, range, bucket };
  // Each branch returns its own chart's type; the map ties the name to it.
  switch (chart) {
    case 'volume':
      return (await client.dashboard.volume(params)) as ChartDataMap[K];
    case 'sentiment':
      return (await client.dashboard.sentiment(params)) as ChartDataMap[K];
    case 'shareOfVoice':
      return (await client.dashboard.shareOfVoice({ workspaceId, range })) as ChartDataMap[K];
    case 'responses':
      return (await client.dashboard.responses(params)) as ChartDataMap[K];
    case 'posting':
      return (await client.dashboard.posting(params)) as ChartDataMap[K];
    default:
      return (await client.dashboard.topAuthors({ workspaceId, range, limit: 20 })) as ChartDataMap[K];
  }
}

const CHART_IDS: readonly DashboardChartId[] = ['volume', 'sentiment', 'shareOfVoice', 'responses', 'posting', 'topAuthors'];

function newestFirst(alerts: Alert[]): Alert[] {
  return [...alerts].sort((a, b) => Date.parse(b.startedAt) - Date.parse(a.startedAt));
}

export function createDashboardSlice({ client, connection }: StoreDeps): StateCreator<AppState, [], [], DashboardSlice> {
  return (set, get) => {
    // Answers to an older question (the user picked another range meanwhile) are dropped.
    const asked: Record<DashboardChartId, number> = { volume: 0, sentiment: 0, shareOfVoice: 0, responses: 0, posting: 0, topAuthors: 0 };
    let lastReload = 0;
    let reloadTimer: ReturnType<typeof setTimeout> | null = null;

    function setChart<K extends DashboardChartId>(chart: K, next: Partial<ChartState<K>>): void {
      set((state) => ({ dashboard: { ...state.dashboard, charts: { ...state.dashboard.charts, [chart]: { ...state.dashboard.charts[chart], ...next } } } }));
    }

    async function loadChart(chart: DashboardChartId): Promise<void> {
      const { workspaceId, range, bucket } = get().dashboard;
      if (!workspaceId || !range) return;
      const question = ++asked[chart];
      setChart(chart, { phase: 'loading' });
      const outcome = await attempt(() => fetchChart(client, chart, workspaceId, range, bucket));
      if (question !== asked[chart] || get().dashboard.workspaceId !== workspaceId) return;
      if (outcome.ok) setChart(chart, { phase: 'ready', data: outcome.value, range, error: null });
      else setChart(chart, { phase: 'failed', error: outcome.error });
    }

    /** Resolves the selection against the clock now (presets move) and asks for every chart. */
    async function loadAll(): Promise<void> {
      const { selection, timeZone, workspaceId } = get().dashboard;
      if (!selection || !timeZone || !workspaceId) return;
      lastReload = Date.now();
      const resolved = resolveRange(selection, Date.now(), timeZone);
      if ('problem' in resolved) {
        set((state) => ({ dashboard: { ...state.dashboard, problem: resolved.problem } }));
        return;
      }
      set((state) => ({ dashboard: { ...state.dashboard, range: resolved.range, bucket: bucketFor(resolved.range), problem: null } }));
      await Promise.all(CHART_IDS.map((chart) => loadChart(chart)));
    }

    /** At most one reload per DASHBOARD_RELOAD_MS: the first change at once, a burst's last one at the end of the window. */
    function reloadThrottled(): void {
      if (reloadTimer) return;
      const wait = Math.max(0, lastReload + DASHBOARD_RELOAD_MS - Date.now());
      reloadTimer = setTimeout(() => {
        reloadTimer = null;
        void loadAll();
      }, wait);
    }

    function startWatching(): () => void {
      let wasOpen = connection.getState().kind === 'open';
      const stops = [
        client.on('dashboard.changed', ({ workspaceId }) => {
          if (get().dashboard.workspaceId === workspaceId) reloadThrottled();
        }),
        connection.subscribe((state) => {
          const open = state.kind === 'open';
          if (open && !wasOpen && get().dashboard.workspaceId) void loadAll();
          wasOpen = open;
        }),
      ];
      return () => {
        stops.forEach((stop) => stop());
        if (reloadTimer) clearTimeout(reloadTimer);
        reloadTimer = null;
      };
    }

    return {
      dashboard: { workspaceId: null, timeZone: null, selection: null, range: null, bucket: 'day', problem: null, charts: IDLE_CHARTS },
      alerts: { workspaceId: null, alerts: [], phase: 'idle', error: null },
      alertItemsRequest: null,

      openDashboard: async (workspaceId, timeZone) => {
        const current = get().dashboard;
        const sameWorkspace = current.workspaceId === workspaceId;
        if (sameWorkspace && current.timeZone === timeZone && current.range) {
          // Back on the tab: the data is there; a preset may have moved on with the clock.
          await loadAll();
          return;
        }
        const selection = sameWorkspace && current.selection ? current.selection : defaultSelection(Date.now(), timeZone);
        set({
          dashboard: { workspaceId, timeZone, selection, range: null, bucket: 'day', problem: null, charts: sameWorkspace ? current.charts : IDLE_CHARTS },
        });
        await loadAll();
      },

      setDashboardRange: async (selection) => {
        set((state) => ({ dashboard: { ...state.dashboard, selection } }));
        await loadAll();
      },

      reloadDashboard: () => loadAll(),
      reloadChart: (chart) => loadChart(chart),
      watchDashboardEvents: refCounted(startWatching),

      loadAlerts: async (workspaceId) => {
        set((state) => ({
          alerts: state.alerts.workspaceId === workspaceId ? { ...state.alerts, phase: 'loading' } : { workspaceId, alerts: [], phase: 'loading', error: null },
        }));
        const outcome = await attempt(() => client.alerts.list({ workspaceId, limit: ALERT_HISTORY }));
        if (get().alerts.workspaceId !== workspaceId) return;
        if (!outcome.ok) {
          set((state) => ({ alerts: { ...state.alerts, phase: 'failed', error: outcome.error } }));
          return;
        }
        set({ alerts: { workspaceId, alerts: newestFirst(outcome.value.alerts), phase: 'ready', error: null } });
      },

      receiveAlert: (workspaceId, alert) => {
        const current = get().alerts;
        if (current.workspaceId !== workspaceId) return;
        const known = current.alerts.find((a) => a.id === alert.id);
        // An older copy never replaces a newer one (events and answers may cross).
        if (known && known.acknowledgedAt && !alert.acknowledgedAt) alert = { ...alert, acknowledgedAt: known.acknowledgedAt };
        set({ alerts: { ...current, alerts: newestFirst([alert, ...current.alerts.filter((a) => a.id !== alert.id)]) } });
      },

      acknowledgeAlert: async (workspaceId, alertId) => {
        const outcome = await attempt(() => client.alerts.acknowledge({ workspaceId, alertId }));
        if (outcome.ok) get().receiveAlert(workspaceId, outcome.value);
        return outcome;
      },

      alertItems: async (workspaceId, alertId) => {
        const outcome = await attempt(() => client.alerts.items({ workspaceId, alertId, limit: 200 }));
        return outcome.ok ? { ok: true, value: outcome.value.items } : outcome;
      },

      getAlertSettings: (workspaceId) => attempt(() => client.alerts.getSettings({ workspaceId })),
      setAlertSettings: (workspaceId, settings) => attempt(() => client.alerts.setSettings({ workspaceId, settings })),
      openAlertItems: (request) => set({ alertItemsRequest: request }),
      closeAlertItems: () => set({ alertItemsRequest: null }),
    };
  };
}

/** Alerts arrive in every view of the workspace (the banner), so they are applied app-wide. */
export function subscribeAlertEvents(getState: () => AppState, client: LeitstandClient): () => void {
  const stops = [
    client.on('alerts.raised', ({ workspaceId, alert }) => getState().receiveAlert(workspaceId, alert)),
    client.on('alerts.changed', ({ workspaceId, alert }) => getState().receiveAlert(workspaceId, alert)),
    // A click on the desktop notification: the shell has already made the workspace active.
    client.on('alerts.open', (request) => getState().openAlertItems(request)),
  ];
  return () => stops.forEach((stop) => stop());
}
