import type { Agent } from '../../../shared/contract/inbox';
import type { CoreEvents } from '../events';
import type { HandlersFor } from '../featureHandlers';
import type { WorkspaceRepository } from '../workspaces/workspaceRepository';
import type { AgentRepository } from './agentRepository';

export type AgentMethodName = 'agents.list' | 'agents.create' | 'agents.update' | 'agents.remove';

export interface AgentHandlerDeps {
  agents: AgentRepository;
  workspaces: WorkspaceRepository;
  events: CoreEvents;
  /** Runs inside the removal's transaction: settings, rules and items let go of the agent. */
  onRemoved: (workspaceId: string, agent: Agent) => void;
  transaction: <T>(fn: () => T) => T;
}

export function createAgentHandlers(deps: AgentHandlerDeps): HandlersFor<AgentMethodName> {
  const { agents, workspaces, events } = deps;
  const changed = (workspaceId: string) => events.emit('agents.changed', { workspaceId, agents: agents.list(workspaceId) });
  return {
    'agents.list': ({ workspaceId }) => {
      workspaces.assertLive(workspaceId);
      return { agents: agents.list(workspaceId) };
    },
    'agents.create': ({ workspaceId, agent }) => {
      workspaces.assertLive(workspaceId);
      const created = agents.create(workspaceId, agent);
      changed(workspaceId);
      return created;
    },
    'agents.update': ({ workspaceId, id, agent }) => {
      workspaces.assertLive(workspaceId);
      const updated = agents.update(workspaceId, id, agent);
      changed(workspaceId);
      return updated;
    },
    'agents.remove': ({ workspaceId, id }) => {
      workspaces.assertLive(workspaceId);
      const agent = agents.get(workspaceId, id);
      deps.transaction(() => {
        agents.remove(workspaceId, id);
        deps.onRemoved(workspaceId, agent);
      });
      changed(workspaceId);
      return { id };
    },
  };
}
