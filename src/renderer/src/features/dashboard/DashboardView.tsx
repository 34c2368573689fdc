import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Workspace } from '../../../../shared/contract/domain';
import type { DashboardChartId } from '../../../../shared/contract/insight';
import { useAppStore } from '../../store/AppStoreProvider';
import type { ChartState } from '../../store/dashboardSlice';
import { AlertHistory } from '../alerts/AlertHistory';
import { AlertSettingsDialog } from '../alerts/AlertSettingsDialog';
import { ChartCard } from './ChartCard';
import { PostingDrawing, ResponsesDrawing, SentimentDrawing, ShareOfVoiceDrawing, VolumeDrawing } from './ChartViews';
import { formatMinutes, formatNumber, formatWithinGoal, postingView, responsesView, sentimentView, shareOfVoiceView, topAuthorsView, volumeView, type Context, type VolumeMode } from './charts';
import { formatRange, rangeSlug } from './range';
import { RangePicker } from './RangePicker';
import { TopAuthorsTable } from './TopAuthorsTable';
import { usePalette, type Palette } from './usePalette';
import '../../styles/dashboard.css';

/** The zone of this browser, for when the inbox settings (which hold the workspace's zone) cannot be loaded. */
const LOCAL_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/** The workspace's time zone from its inbox settings, once they are there. */
function useWorkspaceZone(workspaceId: string): string | null {
  return useAppStore((state) => {
    const meta = state.inboxMeta;
    if (meta.workspaceId !== workspaceId) return null;
    if (meta.settings) return meta.settings.timeZone;
    return meta.phase === 'failed' ? LOCAL_ZONE : null;
  });
}

/** The dashboard of a workspace: a date range, six cards of charts and tables, and the alert history. */
export function DashboardView({ workspace }: { workspace: Workspace }) {
  const { t } = useTranslation();
  const workspaceId = workspace.id;
  const timeZone = useWorkspaceZone(workspaceId);
  const dashboard = useAppStore((state) => state.dashboard);
  const openDashboard = useAppStore((state) => state.openDashboard);
  const setRange = useAppStore((state) => state.setDashboardRange);
  const reload = useAppStore((state) => state.reloadDashboard);
  const watch = useAppStore((state) => state.watchDashboardEvents);
  const palette = usePalette();
  const [settingsOpen, setSettingsOpen] = useState(false);

  useEffect(() => watch(), [watch]);
  useEffect(() => {
    if (timeZone) void openDashboard(workspaceId, timeZone);
  }, [openDashboard, workspaceId, timeZone]);

  const current = dashboard.workspaceId === workspaceId ? dashboard : null;
  return (
    <section className="dashboard" aria-label={t('dashboard.title')}>
      <div className="dashboard__toolbar">
        <h2 className="dashboard__title">{t('dashboard.title')}</h2>
        {current?.selection && (
          <RangePicker key={workspaceId} selection={current.selection} problem={current.problem} timeZone={current.timeZone ?? LOCAL_ZONE} onChange={(selection) => void setRange(selection)} />
        )}
        <div className="dashboard__actions">
          <button type="button" className="button button--small" onClick={() => void reload()} disabled={!current}>
            {t('dashboard.refresh')}
          </button>
          <button type="button" className="button button--small" onClick={() => setSettingsOpen(true)}>
            {t('dashboard.alerts.settings')}
          </button>
        </div>
      </div>
      {!current ? (
        <p className="chart-card__state" role="status">
          {t('dashboard.loading')}
        </p>
      ) : (
        <Cards workspace={workspace} palette={palette} />
      )}
      <AlertHistory workspaceId={workspaceId} />
      {settingsOpen && <AlertSettingsDialog workspaceId={workspaceId} onClose={() => setSettingsOpen(false)} />}
    </section>
  );
}

function useChartContext<K extends DashboardChartId>(chart: ChartState<K>): Context | null {
  const { t, i18n } = useTranslation();
  return useMemo(() => (chart.range ? { t, language: i18n.language, range: chart.range } : null), [chart.range, t, i18n.language]);
}

const CHART_TITLES = {
  volume: 'dashboard.charts.volume',
  sentiment: 'dashboard.charts.sentiment',
  shareOfVoice: 'dashboard.charts.shareOfVoice',
  responses: 'dashboard.charts.responses',
  posting: 'dashboard.charts.posting',
  topAuthors: 'dashboard.charts.topAuthors',
} as const satisfies Record<DashboardChartId, string>;

/** Shared props of every card: state, retry, file name parts and the range in words. */
function useCardBase<K extends DashboardChartId>(id: K, workspace: Workspace, palette: Palette) {
  const { t, i18n } = useTranslation();
  const chart = useAppStore((state) => state.dashboard.charts[id]) as ChartState<K>;
  const bucket = useAppStore((state) => state.dashboard.bucket);
  const reloadChart = useAppStore((state) => state.reloadChart);
  const key: (typeof CHART_TITLES)[DashboardChartId] = CHART_TITLES[id];
  const title = t(key);
  const range = chart.range;
  return {
    chart,
    title,
    base: {
      title,
      phase: chart.phase,
      error: chart.error,
      fileParts: [workspace.name, title, range ? rangeSlug(range) : ''],
      rangeText: range ? formatRange(range, bucket, i18n.language) : '',
      background: palette.surface,
      onRetry: () => void reloadChart(id),
    },
  };
}

function Cards({ workspace, palette }: { workspace: Workspace; palette: Palette }) {
  return (
    <div className="dashboard__grid">
      <VolumeCard workspace={workspace} palette={palette} />
      <SentimentCard workspace={workspace} palette={palette} />
      <ShareOfVoiceCard workspace={workspace} palette={palette} />
      <ResponsesCard workspace={workspace} palette={palette} />
      <PostingCard workspace={workspace} palette={palette} />
      <TopAuthorsCard workspace={workspace} palette={palette} />
    </div>
  );
}

function VolumeCard({ workspace, palette }: { workspace: Workspace; palette: Palette }) {
  const { t } = useTranslation();
  const { chart, base } = useCardBase('volume', workspace, palette);
  const [mode, setMode] = useState<VolumeMode>('network');
  const ctx = useChartContext(chart);
  const view = useMemo(() => (chart.data && ctx ? volumeView(chart.data, mode, ctx) : null), [chart.data, ctx, mode]);
  const controls = (
    <div className="chart-card__toggle" role="group" aria-label={t('dashboard.volume.by')}>
      {(['network', 'stream'] as const).map((kind) => (
        <button key={kind} type="button" className="button button--small" aria-pressed={mode === kind} onClick={() => setMode(kind)}>
          {kind === 'network' ? t('dashboard.volume.byNetwork') : t('dashboard.volume.byStream')}
        </button>
      ))}
    </div>
  );
  return (
    <ChartCard {...base} table={view?.table ?? null} summary={view?.summary ?? ''} empty={view?.empty ?? false} controls={controls} wide>
      {view && <VolumeDrawing view={view} palette={palette} />}
    </ChartCard>
  );
}

function SentimentCard({ workspace, palette }: { workspace: Workspace; palette: Palette }) {
  const { chart, base } = useCardBase('sentiment', workspace, palette);
  const ctx = useChartContext(chart);
  const view = useMemo(() => (chart.data && ctx ? sentimentView(chart.data, ctx) : null), [chart.data, ctx]);
  return (
    <ChartCard {...base} table={view?.table ?? null} summary={view?.summary ?? ''} empty={view?.empty ?? false}>
      {view && <SentimentDrawing view={view} palette={palette} />}
    </ChartCard>
  );
}

function ShareOfVoiceCard({ workspace, palette }: { workspace: Workspace; palette: Palette }) {
  const { t } = useTranslation();
  const { chart, base } = useCardBase('shareOfVoice', workspace, palette);
  const ctx = useChartContext(chart);
  const view = useMemo(() => (chart.data && ctx ? shareOfVoiceView(chart.data, ctx) : null), [chart.data, ctx]);
  const noTerms = chart.data !== null && chart.data.terms.length === 0;
  return (
    <ChartCard {...base} table={view?.table ?? null} summary={view?.summary ?? ''} empty={view?.empty ?? false} emptyText={noTerms ? t('dashboard.shareOfVoice.noTerms') : undefined}>
      {view && <ShareOfVoiceDrawing view={view} palette={palette} />}
    </ChartCard>
  );
}

function ResponsesCard({ workspace, palette }: { workspace: Workspace; palette: Palette }) {
  const { t, i18n } = useTranslation();
  const { chart, base } = useCardBase('responses', workspace, palette);
  const ctx = useChartContext(chart);
  const view = useMemo(() => (chart.data && ctx ? responsesView(chart.data, ctx) : null), [chart.data, ctx]);
  const language = i18n.language;
  const data = chart.data;
  const facts = data && (
    <dl className="chart-facts">
      {(
        [
          ['backlogOpen', t('dashboard.responses.open'), formatNumber(data.backlog.open, language)],
          ['backlogPending', t('dashboard.responses.pending'), formatNumber(data.backlog.pending, language)],
          ['backlogOverdue', t('dashboard.responses.overdue'), formatNumber(data.backlog.overdue, language)],
          ['received', t('dashboard.responses.received'), formatNumber(data.summary.received, language)],
          ['median', t('dashboard.responses.median'), formatMinutes(data.summary.medianFirstResponseMinutes, t, language)],
          ['p90', t('dashboard.responses.p90'), formatMinutes(data.summary.p90FirstResponseMinutes, t, language)],
          ['withinGoal', t('dashboard.responses.withinGoal'), formatWithinGoal(data.summary.withinGoalShare, t, language)],
        ] as const
      ).map(([key, label, value]) => (
        <div key={key} className={`chart-facts__item${key === 'backlogOverdue' && data.backlog.overdue > 0 ? ' chart-facts__item--alert' : ''}`}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
  return (
    <ChartCard {...base} table={view?.table ?? null} summary={view?.summary ?? ''} empty={view?.empty ?? false} facts={facts} wide>
      {view && <ResponsesDrawing view={view} palette={palette} />}
    </ChartCard>
  );
}

function PostingCard({ workspace, palette }: { workspace: Workspace; palette: Palette }) {
  const { t } = useTranslation();
  const { chart, base } = useCardBase('posting', workspace, palette);
  const ctx = useChartContext(chart);
  const view = useMemo(() => (chart.data && ctx ? postingView(chart.data, ctx) : null), [chart.data, ctx]);
  return (
    <ChartCard {...base} table={view?.table ?? null} summary={view?.summary ?? ''} empty={view?.empty ?? false} emptyText={t('dashboard.posting.noAccounts')}>
      {view && <PostingDrawing view={view} palette={palette} />}
    </ChartCard>
  );
}

function TopAuthorsCard({ workspace, palette }: { workspace: Workspace; palette: Palette }) {
  const { t } = useTranslation();
  const { chart, base } = useCardBase('topAuthors', workspace, palette);
  const ctx = useChartContext(chart);
  const view = useMemo(() => (chart.data && ctx ? topAuthorsView(chart.data.authors, ctx) : null), [chart.data, ctx]);
  return (
    <ChartCard
      {...base}
      table={view?.table ?? null}
      summary={view?.summary ?? ''}
      empty={view?.empty ?? false}
      tableOnly
      wide
      renderTable={(captionId) => view && <TopAuthorsTable authors={view.points} table={view.table} caption={t('dashboard.topAuthors.caption', { range: base.rangeText })} captionId={captionId} />}
    />
  );
}
