import type { insightMethods } from '../../../shared/contract/insightMethods';
import type { HandlersFor } from '../featureHandlers';
import type { WorkspaceRepository } from '../workspaces/workspaceRepository';
import type { Analyzer } from './analysis';
import type { DashboardQueries } from './dashboard/dashboardQueries';
import type { AnalysisPipeline } from './pipeline/analysisPipeline';

export type InsightHandlerName = Extract<keyof typeof insightMethods, `dashboard.${string}` | `insight.${string}`>;

export interface InsightHandlerDeps {
  workspaces: WorkspaceRepository;
  dashboard: DashboardQueries;
  pipeline: AnalysisPipeline;
  analyzer: Analyzer;
}

/** dashboard.* and insight.*: params arrive validated by the contract; an unknown workspace is not_found. */
export function createInsightHandlers(deps: InsightHandlerDeps): HandlersFor<InsightHandlerName> {
  const { workspaces, dashboard, pipeline, analyzer } = deps;
  const known = (workspaceId: string): string => workspaces.get(workspaceId).id;
  return {
    'dashboard.volume': ({ workspaceId, range, bucket }) => dashboard.volume(known(workspaceId), range, bucket),
    'dashboard.sentiment': ({ workspaceId, range, bucket }) => dashboard.sentiment(known(workspaceId), range, bucket),
    'dashboard.shareOfVoice': ({ workspaceId, range }) => dashboard.shareOfVoice(known(workspaceId), range),
    'dashboard.responses': ({ workspaceId, range, bucket }) => dashboard.responses(known(workspaceId), range, bucket),
    'dashboard.posting': ({ workspaceId, range, bucket }) => dashboard.posting(known(workspaceId), range, bucket),
    'dashboard.topAuthors': ({ workspaceId, range, limit }) => dashboard.topAuthors(known(workspaceId), range, limit),
    'insight.status': () => ({ modelVersion: analyzer.version, pending: pipeline.pending() }),
    'insight.reanalyze': ({ workspaceId }) => ({ queued: pipeline.queueWorkspace(known(workspaceId)) }),
    // No stored item behind the text, so no language tag: German first, as the market is.
    'insight.analyzeText': ({ workspaceId, text }) => {
      known(workspaceId);
      return analyzer.analyze(text, 'de');
    },
  };
}
