import { AppError } from '../../../shared/contract/errors';
import type { RuleActions, RuleConditions, RuleSample } from '../../../shared/contract/inbox';
import type { CoreEvents } from '../events';
import type { HandlersFor } from '../featureHandlers';
import type { WorkspaceRepository } from '../workspaces/workspaceRepository';
import { applyRules } from './matchRules';
import { analyzeWithModel, withAnalysis, type AnalyzeText } from './ruleAnalysis';
import type { RuleRepository } from './ruleRepository';

export type RuleMethodName = 'rules.list' | 'rules.save' | 'rules.remove' | 'rules.move' | 'rules.test';

export interface RuleHandlerDeps {
  rules: RuleRepository;
  workspaces: WorkspaceRepository;
  events: CoreEvents;
  isAgent: (workspaceId: string, agentId: string) => boolean;
  /** The workspace's columns (a rule can only look at streams of its own workspace). */
  isColumn: (workspaceId: string, streamId: string) => boolean;
  /** What a rule would see of an item already in the inbox; throws not_found outside the workspace. */
  sampleOf: (workspaceId: string, inboxItemId: number) => RuleSample;
  /** The on-device analysis of the sample's text (the shared analyzer unless a test passes another). */
  analyze?: AnalyzeText;
}

export function createRuleHandlers(deps: RuleHandlerDeps): HandlersFor<RuleMethodName> {
  const { rules, workspaces, events } = deps;
  const changed = (workspaceId: string) => {
    const list = rules.list(workspaceId);
    events.emit('rules.changed', { workspaceId, rules: list });
    return list;
  };
  const check = (workspaceId: string, conditions: RuleConditions, actions: RuleActions) => {
    if (actions.assigneeId !== null && !deps.isAgent(workspaceId, actions.assigneeId)) {
      throw new AppError('invalid_params', `There is no agent with the id ${actions.assigneeId} in this workspace.`);
    }
    const foreign = conditions.streamIds.find((streamId) => !deps.isColumn(workspaceId, streamId));
    if (foreign) throw new AppError('invalid_params', `There is no column with the id ${foreign} in this workspace.`);
  };
  return {
    'rules.list': ({ workspaceId }) => {
      workspaces.assertLive(workspaceId);
      return { rules: rules.list(workspaceId) };
    },
    'rules.save': ({ workspaceId, id, name, enabled, conditions, actions }) => {
      workspaces.assertLive(workspaceId);
      const input = { name, enabled, conditions: { ...conditions, keywords: unique(conditions.keywords), streamIds: unique(conditions.streamIds) }, actions: { ...actions, tags: unique(actions.tags) } };
      check(workspaceId, input.conditions, input.actions);
      const rule = id ? rules.replace(workspaceId, id, input) : rules.create(workspaceId, input);
      changed(workspaceId);
      return rule;
    },
    'rules.remove': ({ workspaceId, id }) => {
      workspaces.assertLive(workspaceId);
      rules.remove(workspaceId, id);
      return { rules: changed(workspaceId) };
    },
    'rules.move': ({ workspaceId, id, position }) => {
      workspaces.assertLive(workspaceId);
      rules.move(workspaceId, id, position);
      return { rules: changed(workspaceId) };
    },
    // What intake would do now: enabled rules in order, the text analysed as intake analyses it,
    // so the editor shows the real outcome.
    'rules.test': ({ workspaceId, sample }) => {
      workspaces.assertLive(workspaceId);
      const subject = 'inboxItemId' in sample ? deps.sampleOf(workspaceId, sample.inboxItemId) : sample;
      return applyRules(rules.list(workspaceId), withAnalysis(subject, deps.analyze ?? analyzeWithModel));
    },
  };
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}
