import type { StateCreator } from 'zustand';
import type { ComposerCheck, Draft, MediaView, OutboxEntry } from '../../../shared/contract/composer';
import type { AppError } from '../../../shared/contract/errors';
import type { Agent, InboxSettings, SavedReply } from '../../../shared/contract/inbox';
import type { ParamsOf, ResultOf } from '../../../shared/contract/methods';
import { mergedEntries, withEntry } from '../features/composer/outboxEntries';
import { attempt, type Outcome } from './outcome';
import { refCounted } from './refCounted';
import type { AppState, StoreDeps } from './types';

type Phase = 'idle' | 'loading' | 'ready' | 'failed';

/** The saved replies of the workspace on screen. */
export interface SavedRepliesState {
  workspaceId: string | null;
  replies: SavedReply[];
  phase: Phase;
  error: AppError | null;
}

/** The outbox of the workspace on screen, newest first. */
export interface OutboxState {
  workspaceId: string | null;
  entries: OutboxEntry[];
  phase: Phase;
  error: AppError | null;
}

/** What the composer needs to know about the workspace: its house rules and the agent at this machine. */
export interface ComposerContextState {
  workspaceId: string | null;
  phase: Phase;
  settings: InboxSettings | null;
  agents: Agent[];
}

/** A composer in a dialog of its own: a new post, or a draft opened from the Drafts menu or the outbox. */
export interface ComposerDialogRequest {
  workspaceId: string;
  key: string;
}

/** Which of the composer's dialogs is open (for the workspace on screen). */
export type ComposerPanel = { kind: 'outbox'; workspaceId: string } | { kind: 'manageSavedReplies'; workspaceId: string };

export interface ComposerSlice {
  savedReplies: SavedRepliesState;
  outbox: OutboxState;
  composerContext: ComposerContextState;
  composerDialog: ComposerDialogRequest | null;
  composerPanel: ComposerPanel | null;

  loadSavedReplies(workspaceId: string): Promise<void>;
  saveSavedReply(params: ParamsOf<'savedReplies.save'>): Promise<Outcome<SavedReply>>;
  removeSavedReply(workspaceId: string, id: string): Promise<Outcome<unknown>>;
  /** The workspace's inbox settings and agents (signature, alt-text rule, saved-reply variables). */
  loadComposerContext(workspaceId: string): Promise<void>;

  loadOutbox(workspaceId: string): Promise<void>;
  receiveOutboxEntry(workspaceId: string, entry: OutboxEntry): void;
  retryOutboxEntry(workspaceId: string, id: string): Promise<Outcome<OutboxEntry>>;
  /** Turns a failed entry back into a draft and opens it in the composer dialog. */
  editOutboxEntry(workspaceId: string, id: string): Promise<Outcome<Draft>>;

  getDraft(workspaceId: string, key: string): Promise<Outcome<Draft | null>>;
  listDrafts(workspaceId: string): Promise<Outcome<Draft[]>>;
  saveDraft(params: ParamsOf<'drafts.save'>): Promise<Outcome<Draft>>;
  discardDraft(workspaceId: string, key: string): Promise<Outcome<unknown>>;
  addDraftMedia(params: ParamsOf<'drafts.addMedia'>): Promise<Outcome<Draft>>;
  setDraftMediaAlt(params: ParamsOf<'drafts.setMediaAlt'>): Promise<Outcome<Draft>>;
  removeDraftMedia(params: ParamsOf<'drafts.removeMedia'>): Promise<Outcome<Draft>>;
  draftMediaData(workspaceId: string, mediaId: string): Promise<Outcome<{ media: MediaView; dataBase64: string }>>;
  checkDraft(params: ParamsOf<'composer.check'>): Promise<Outcome<ComposerCheck>>;
  /** Sends through the outbox; the core deletes the draft. */
  sendDraft(params: ParamsOf<'composer.send'>): Promise<Outcome<OutboxEntry>>;

  openComposerDialog(request: ComposerDialogRequest): void;
  closeComposerDialog(): void;
  openComposerPanel(panel: ComposerPanel): void;
  closeComposerPanel(): void;

  /**
   * Keeps saved replies, agents and the outbox live (their core events, and a reload after a
   * reconnect) while at least one caller watches. Returns the function that stops watching.
   */
  watchComposerEvents(): () => void;
}

const IDLE_REPLIES: SavedRepliesState = { workspaceId: null, replies: [], phase: 'idle', error: null };
const IDLE_OUTBOX: OutboxState = { workspaceId: null, entries: [], phase: 'idle', error: null };
const IDLE_CONTEXT: ComposerContextState = { workspaceId: null, phase: 'idle', settings: null, agents: [] };

function byTitle(a: SavedReply, b: SavedReply): number {
  return a.title.localeCompare(b.title, undefined, { sensitivity: 'base' });
}

export function createComposerSlice({ client, connection }: StoreDeps): StateCreator<AppState, [], [], ComposerSlice> {
  return (set, get) => {

    function receiveReplies(workspaceId: string, replies: SavedReply[]): void {
      if (get().savedReplies.workspaceId !== workspaceId) return;
      set({ savedReplies: { workspaceId, replies: [...replies].sort(byTitle), phase: 'ready', error: null } });
    }

    function reloadWatched(): void {
      const { savedReplies, outbox, composerContext } = get();
      if (savedReplies.workspaceId) void get().loadSavedReplies(savedReplies.workspaceId);
      if (outbox.workspaceId) void get().loadOutbox(outbox.workspaceId);
      if (composerContext.workspaceId) void get().loadComposerContext(composerContext.workspaceId);
    }

    function startWatching(): () => void {
      let wasOpen = connection.getState().kind === 'open';
      const stops = [
        client.on('outbox.changed', ({ workspaceId, entry }) => get().receiveOutboxEntry(workspaceId, entry)),
        client.on('savedReplies.changed', ({ workspaceId, replies }) => receiveReplies(workspaceId, replies)),
        client.on('agents.changed', ({ workspaceId, agents }) => {
          if (get().composerContext.workspaceId === workspaceId) set((state) => ({ composerContext: { ...state.composerContext, agents } }));
        }),
        // Events may have been missed while the connection was down.
        connection.subscribe((state) => {
          const open = state.kind === 'open';
          if (open && !wasOpen) reloadWatched();
          wasOpen = open;
        }),
      ];
      return () => stops.forEach((stop) => stop());
    }

    return {
      savedReplies: IDLE_REPLIES,
      outbox: IDLE_OUTBOX,
      composerContext: IDLE_CONTEXT,
      composerDialog: null,
      composerPanel: null,

      loadSavedReplies: async (workspaceId) => {
        if (get().savedReplies.workspaceId !== workspaceId) set({ savedReplies: { workspaceId, replies: [], phase: 'loading', error: null } });
        const outcome = await attempt(() => client.savedReplies.list({ workspaceId }));
        if (get().savedReplies.workspaceId !== workspaceId) return;
        if (!outcome.ok) {
          set((state) => ({ savedReplies: { ...state.savedReplies, phase: 'failed', error: outcome.error } }));
          return;
        }
        receiveReplies(workspaceId, outcome.value.replies);
      },

      saveSavedReply: async (params) => {
        const outcome = await attempt(() => client.savedReplies.save(params));
        if (outcome.ok && get().savedReplies.workspaceId === params.workspaceId) {
          const saved = outcome.value;
          const others = get().savedReplies.replies.filter((reply) => reply.id !== saved.id);
          receiveReplies(params.workspaceId, [...others, saved]);
        }
        return outcome;
      },

      removeSavedReply: async (workspaceId, id) => {
        const outcome = await attempt(() => client.savedReplies.remove({ workspaceId, id }));
        if (outcome.ok && get().savedReplies.workspaceId === workspaceId) {
          receiveReplies(
            workspaceId,
            get().savedReplies.replies.filter((reply) => reply.id !== id),
          );
        }
        return outcome;
      },

      loadComposerContext: async (workspaceId) => {
        if (get().composerContext.workspaceId !== workspaceId) set({ composerContext: { workspaceId, phase: 'loading', settings: null, agents: [] } });
        const outcome = await attempt(() => Promise.all([client.inbox.getSettings({ workspaceId }), client.agents.list({ workspaceId })]));
        if (get().composerContext.workspaceId !== workspaceId) return;
        // Without them the composer still works: no signature in the toggle, no agent variables.
        if (!outcome.ok) {
          set((state) => ({ composerContext: { ...state.composerContext, phase: 'failed' } }));
          return;
        }
        const [settings, { agents }] = outcome.value;
        set({ composerContext: { workspaceId, phase: 'ready', settings, agents } });
      },

      loadOutbox: async (workspaceId) => {
        if (get().outbox.workspaceId !== workspaceId) set({ outbox: { workspaceId, entries: [], phase: 'loading', error: null } });
        else set((state) => ({ outbox: { ...state.outbox, phase: state.outbox.phase === 'ready' ? 'ready' : 'loading' } }));
        const outcome = await attempt(() => client.outbox.list({ workspaceId, limit: 200 }));
        if (get().outbox.workspaceId !== workspaceId) return;
        if (!outcome.ok) {
          set((state) => ({ outbox: { ...state.outbox, phase: 'failed', error: outcome.error } }));
          return;
        }
        set((state) => ({ outbox: { workspaceId, entries: mergedEntries(state.outbox.entries, outcome.value.entries), phase: 'ready', error: null } }));
      },

      receiveOutboxEntry: (workspaceId, entry) => {
        const { outbox } = get();
        if (outbox.workspaceId !== null && outbox.workspaceId !== workspaceId) return;
        set({ outbox: { ...outbox, workspaceId, entries: withEntry(outbox.entries, entry) } });
      },

      retryOutboxEntry: async (workspaceId, id) => {
        const outcome = await attempt(() => client.outbox.retry({ workspaceId, id }));
        if (outcome.ok) get().receiveOutboxEntry(workspaceId, outcome.value);
        return outcome;
      },

      editOutboxEntry: async (workspaceId, id) => {
        const outcome = await attempt(() => client.outbox.edit({ workspaceId, id }));
        if (outcome.ok) {
          // The entry is gone (it is a draft again); the list drops it on its next load.
          set((state) =>
            state.outbox.workspaceId === workspaceId ? { outbox: { ...state.outbox, entries: state.outbox.entries.filter((entry) => entry.id !== id) } } : {},
          );
        }
        return outcome;
      },

      getDraft: async (workspaceId, key) => {
        const outcome = await attempt(() => client.drafts.get({ workspaceId, key }));
        return outcome.ok ? { ok: true, value: outcome.value.draft } : outcome;
      },
      listDrafts: async (workspaceId) => {
        const outcome = await attempt(() => client.drafts.list({ workspaceId }));
        return outcome.ok ? { ok: true, value: outcome.value.drafts } : outcome;
      },
      saveDraft: (params) => attempt(() => client.drafts.save(params)),
      discardDraft: (workspaceId, key) => attempt(() => client.drafts.discard({ workspaceId, key })),
      addDraftMedia: (params) => attempt(() => client.drafts.addMedia(params)),
      setDraftMediaAlt: (params) => attempt(() => client.drafts.setMediaAlt(params)),
      removeDraftMedia: (params) => attempt(() => client.drafts.removeMedia(params)),
      draftMediaData: (workspaceId, mediaId): Promise<Outcome<ResultOf<'drafts.mediaData'>>> => attempt(() => client.drafts.mediaData({ workspaceId, mediaId })),
      checkDraft: (params) => attempt(() => client.composer.check(params)),

      sendDraft: async (params) => {
        const outcome = await attempt(() => client.composer.send(params));
        if (outcome.ok) get().receiveOutboxEntry(params.workspaceId, outcome.value);
        return outcome;
      },

      openComposerDialog: (request) => set({ composerDialog: request }),
      closeComposerDialog: () => set({ composerDialog: null }),
      openComposerPanel: (panel) => set({ composerPanel: panel }),
      closeComposerPanel: () => set({ composerPanel: null }),

      watchComposerEvents: refCounted(startWatching),
    };
  };
}
