import type { CoreEvents } from '../events';
import type { HandlersFor } from '../featureHandlers';
import type { Db } from '../store/database';
import type { WorkspaceRepository } from '../workspaces/workspaceRepository';
import { SavedReplyRepository } from './savedReplyRepository';


export interface SavedReplyDeps {
  db: Db;
  now: () => Date;
  events: CoreEvents;
  workspaces: WorkspaceRepository;
}

type SavedReplyMethod = 'savedReplies.list' | 'savedReplies.save' | 'savedReplies.remove';

/** Saved replies per workspace; every change is announced with the whole sorted list. */
export function createSavedReplyHandlers(deps: SavedReplyDeps): HandlersFor<SavedReplyMethod> {
  const repository = new SavedReplyRepository(deps.db, deps.now);
  const changed = (workspaceId: string) =>
    deps.events.emit('savedReplies.changed', { workspaceId, replies: repository.list(workspaceId) });

  return {
    'savedReplies.list': ({ workspaceId }) => {
      deps.workspaces.get(workspaceId);
      return { replies: repository.list(workspaceId) };
    },
    'savedReplies.save': ({ workspaceId, id, reply }) => {
      deps.workspaces.assertLive(workspaceId);
      const saved = id === undefined ? repository.create(workspaceId, reply) : repository.update(workspaceId, id, reply);
      changed(workspaceId);
      return saved;
    },
    'savedReplies.remove': ({ workspaceId, id }) => {
      deps.workspaces.assertLive(workspaceId);
      repository.remove(workspaceId, id);
      changed(workspaceId);
      return { id };
    },
  };
}
