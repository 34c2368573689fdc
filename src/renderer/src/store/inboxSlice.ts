import type { StateCreator } from 'zustand';
import type { LeitstandClient } from '../../../shared/contract/client';
import { AppError } from '../../../shared/contract/errors';
import type { PayloadOf } from '../../../shared/contract/events';
import type {
  Agent,
  AuthorRef,
  Contact,
  ContactIdentity,
  HistoryEntry,
  InboxCursor,
  InboxItemView,
  InboxNote,
  InboxPatch,
  InboxRule,
  InboxSettings,
  RuleOutcome,
  SavedReply,
} from '../../../shared/contract/inbox';
import type { PageCursor, StoredItem } from '../../../shared/contract/items';
import type { ItemAnalysis } from '../../../shared/contract/analysis';
import type { ParamsOf } from '../../../shared/contract/methods';
import type { StreamView } from '../../../shared/contract/streams';
import {
  DEFAULT_INBOX_FILTER,
  INBOX_MAX_PAGE,
  INBOX_PAGE_SIZE,
  toContractFilter,
  withChanged,
  withPage,
  type InboxListFilter,
} from '../features/inbox/inboxList';
import { attempt, type Outcome } from './outcome';
import type { AppState, StoreDeps } from './types';

type Phase = 'idle' | 'loading' | 'ready' | 'failed';
export type InboxCounts = { open: number; pending: number; done: number };

/** The filtered, paged inbox list of the workspace on screen. */
export interface InboxListState {
  workspaceId: string | null;
  filter: InboxListFilter;
  items: InboxItemView[];
  next: InboxCursor | null;
  counts: InboxCounts;
  phase: Phase;
  loadingMore: boolean;
  error: AppError | null;
  /** Set when the filter cannot be asked (e.g. "Me" without a current agent). */
  needsAgent: boolean;
}

/** What the inbox needs around the list: settings, agents, rules, tags and saved replies. */
export interface InboxMetaState {
  workspaceId: string | null;
  settings: InboxSettings | null;
  agents: Agent[];
  rules: InboxRule[];
  tags: string[];
  savedReplies: SavedReply[];
  phase: Phase;
  error: AppError | null;
}

/** The open conversation: the inbox item, its notes, the thread and the reply composer. */
export interface ConversationState {
  workspaceId: string;
  inboxItemId: number;
  entry: InboxItemView | null;
  notes: InboxNote[];
  phase: Phase;
  error: AppError | null;
  thread: { ancestors: StoredItem[]; item: StoredItem; replies: StoredItem[] } | null;
  threadPhase: Phase;
  threadError: AppError | null;
  /** Counts up with every conversation opened (a new one takes the focus). */
  opened: number;
  /** The reply composer, when open; `opened` counts up so that "r" again focuses it. */
  reply: { savedReplyId: string | null; opened: number } | null;
}

/** The contact panel beside the conversation: the author as the workspace knows them. */
export interface ContactState {
  workspaceId: string;
  author: AuthorRef;
  contact: Contact | null;
  phase: Phase;
  error: AppError | null;
  history: HistoryEntry[];
  next: PageCursor | null;
  historyPhase: Phase;
  loadingMore: boolean;
}

/** What the workspace's main area shows: the columns, the inbox, the planner or the dashboard. */
export type WorkspaceViewKind = 'deck' | 'inbox' | 'planner' | 'dashboard';

export type RuleDraft = Omit<ParamsOf<'rules.save'>, 'workspaceId'>;
export type RuleSampleInput = ParamsOf<'rules.test'>['sample'];

export interface InboxSlice {
  workspaceView: WorkspaceViewKind;
  inbox: InboxListState;
  inboxMeta: InboxMetaState;
  conversation: ConversationState | null;
  contact: ContactState | null;
  setWorkspaceView(view: WorkspaceViewKind): void;
  /** Settings, agents, rules, tags, saved replies and the first page (unless already there). */
  loadInbox(workspaceId: string): Promise<void>;
  /** After a reconnect or an event: the list and its surroundings afresh. */
  resyncInbox(): Promise<void>;
  setInboxFilter(patch: Partial<InboxListFilter>): Promise<void>;
  loadMoreInbox(): Promise<void>;
  receiveInboxChanged(payload: PayloadOf<'inbox.changed'>): void;
  receiveRules(payload: PayloadOf<'rules.changed'>): void;
  receiveAgents(payload: PayloadOf<'agents.changed'>): void;
  receiveSavedReplies(payload: PayloadOf<'savedReplies.changed'>): void;
  /** Bulk triage; the list, the conversation and the counts follow at once. */
  updateInboxItems(ids: number[], patch: InboxPatch): Promise<Outcome<InboxItemView[]>>;
  openConversation(id: number): Promise<void>;
  retryConversation(): Promise<void>;
  closeConversation(): void;
  /** Opens the reply composer in the conversation of `id` (opening that first when needed). */
  openReply(id: number, savedReplyId?: string | null): Promise<void>;
  closeReply(): void;
  addInboxNote(text: string): Promise<Outcome<InboxNote>>;
  loadMoreHistory(): Promise<void>;
  addContactNote(text: string): Promise<Outcome<Contact>>;
  setContactTags(tags: string[]): Promise<Outcome<Contact>>;
  linkContact(other: AuthorRef): Promise<Outcome<Contact>>;
  unlinkContact(author: AuthorRef): Promise<Outcome<Contact>>;
  searchAuthors(text: string): Promise<Outcome<ContactIdentity[]>>;
  saveInboxSettings(patch: Partial<InboxSettings>): Promise<Outcome<InboxSettings>>;
  saveAgent(id: string | null, agent: ParamsOf<'agents.create'>['agent']): Promise<Outcome<Agent>>;
  removeAgent(id: string): Promise<Outcome<unknown>>;
  saveRule(rule: RuleDraft): Promise<Outcome<InboxRule>>;
  removeRule(id: string): Promise<Outcome<unknown>>;
  moveRule(id: string, position: number): Promise<Outcome<unknown>>;
  testRules(sample: RuleSampleInput): Promise<Outcome<RuleOutcome>>;
  /** What the on-device analysis says of a text (the rule tester shows it). */
  analyzeText(text: string): Promise<Outcome<ItemAnalysis>>;
  /** Marks a column as an inbox source (its items need an answer). */
  setNeedsAnswer(streamId: string, needsAnswer: boolean): Promise<Outcome<StreamView>>;
}

const EMPTY_COUNTS: InboxCounts = { open: 0, pending: 0, done: 0 };
const IDLE_LIST: InboxListState = {
  workspaceId: null,
  filter: DEFAULT_INBOX_FILTER,
  items: [],
  next: null,
  counts: EMPTY_COUNTS,
  phase: 'idle',
  loadingMore: false,
  error: null,
  needsAgent: false,
};
const IDLE_META: InboxMetaState = { workspaceId: null, settings: null, agents: [], rules: [], tags: [], savedReplies: [], phase: 'idle', error: null };

/** Events come in bursts (a poll stores many items): one reload after the burst. */
const RELOAD_DELAY_MS = 250;
const HISTORY_PAGE = 30;

function authorRefOf(item: StoredItem): AuthorRef | null {
  return item.author?.remoteId ? { network: item.network, remoteId: item.author.remoteId } : null;
}

export function createInboxSlice({ client }: StoreDeps): StateCreator<AppState, [], [], InboxSlice> {
  return (set, get) => {
    /** Only the latest answer of each kind is applied (the user may move on meanwhile). */
    let listGeneration = 0;
    let conversationGeneration = 0;
    let contactGeneration = 0;
    let reloadTimer: ReturnType<typeof setTimeout> | null = null;

    const currentAgentId = () => get().inboxMeta.settings?.currentAgentId ?? null;

    async function fetchList(workspaceId: string, filter: InboxListFilter, limit: number, keepItems: boolean): Promise<void> {
      const mine = ++listGeneration;
      const contractFilter = toContractFilter(filter, currentAgentId());
      set((state) => ({
        inbox: {
          ...state.inbox,
          workspaceId,
          filter,
          items: keepItems ? state.inbox.items : [],
          next: keepItems ? state.inbox.next : null,
          phase: keepItems && state.inbox.phase === 'ready' ? 'ready' : 'loading',
          loadingMore: false,
          error: null,
          needsAgent: contractFilter === null,
        },
      }));
      // "Me" without a current agent: ask only for the counts, the list says why it is empty.
      const outcome = await attempt(() =>
        client.inbox.list({ workspaceId, filter: contractFilter ?? { statuses: [filter.status] }, limit: contractFilter ? limit : 1 }),
      );
      if (mine !== listGeneration) return;
      if (!outcome.ok) {
        set((state) => ({ inbox: { ...state.inbox, phase: 'failed', error: outcome.error } }));
        return;
      }
      const { items, next, counts } = outcome.value;
      set((state) => ({
        inbox: { ...state.inbox, items: contractFilter ? items : [], next: contractFilter ? next : null, counts, phase: 'ready', error: null },
      }));
    }

    async function fetchMeta(workspaceId: string): Promise<void> {
      set((state) => ({ inboxMeta: { ...(state.inboxMeta.workspaceId === workspaceId ? state.inboxMeta : IDLE_META), workspaceId, phase: 'loading', error: null } }));
      const outcome = await attempt(() =>
        Promise.all([
          client.inbox.getSettings({ workspaceId }),
          client.agents.list({ workspaceId }),
          client.rules.list({ workspaceId }),
          client.inbox.tags({ workspaceId }),
          client.savedReplies.list({ workspaceId }),
        ]),
      );
      if (get().inboxMeta.workspaceId !== workspaceId) return;
      if (!outcome.ok) {
        set((state) => ({ inboxMeta: { ...state.inboxMeta, phase: 'failed', error: outcome.error } }));
        return;
      }
      const [settings, agents, rules, tags, replies] = outcome.value;
      set({ inboxMeta: { workspaceId, settings, agents: agents.agents, rules: rules.rules, tags: tags.tags, savedReplies: replies.replies, phase: 'ready', error: null } });
    }

    async function refreshTags(workspaceId: string): Promise<void> {
      const outcome = await attempt(() => client.inbox.tags({ workspaceId }));
      if (outcome.ok && get().inboxMeta.workspaceId === workspaceId) set((state) => ({ inboxMeta: { ...state.inboxMeta, tags: outcome.value.tags } }));
    }

    /** The list again from its start, as long as it was (within one page of the core's maximum). */
    function reloadList(): Promise<void> {
      const { workspaceId, filter, items } = get().inbox;
      if (!workspaceId) return Promise.resolve();
      const limit = Math.min(INBOX_MAX_PAGE, Math.max(INBOX_PAGE_SIZE, items.length));
      return fetchList(workspaceId, filter, limit, true);
    }

    function scheduleReload(): void {
      if (reloadTimer) clearTimeout(reloadTimer);
      reloadTimer = setTimeout(() => {
        reloadTimer = null;
        void reloadList();
      }, RELOAD_DELAY_MS);
    }

    async function refreshConversationEntry(): Promise<void> {
      const conversation = get().conversation;
      if (!conversation) return;
      const { workspaceId, inboxItemId } = conversation;
      const outcome = await attempt(() => client.inbox.get({ workspaceId, id: inboxItemId }));
      const now = get().conversation;
      if (!outcome.ok || now?.inboxItemId !== inboxItemId) return;
      const answeredNow = !now.entry?.firstResponseAt && outcome.value.entry.firstResponseAt !== null;
      set({ conversation: { ...now, entry: outcome.value.entry, notes: outcome.value.notes } });
      // Our reply just went out: the thread and the person's history show it, without a flash of "loading".
      if (answeredNow) {
        void loadThread(workspaceId, outcome.value.entry.item, now.opened);
        void refreshContactHistory();
      }
    }

    async function refreshContactHistory(): Promise<void> {
      const contact = get().contact;
      if (!contact) return;
      const outcome = await attempt(() => client.contacts.history({ workspaceId: contact.workspaceId, author: contact.author, limit: HISTORY_PAGE }));
      if (!outcome.ok) return;
      set((state) =>
        state.contact?.author === contact.author ? { contact: { ...state.contact, history: outcome.value.entries, next: outcome.value.next, historyPhase: 'ready' } } : {},
      );
    }

    async function loadThread(workspaceId: string, item: StoredItem, mine: number): Promise<void> {
      // A web feed has no conversation: the entry on its own, at once.
      if (item.network === 'feed') {
        set((state) => (state.conversation ? { conversation: { ...state.conversation, thread: { ancestors: [], item, replies: [] }, threadPhase: 'ready' } } : {}));
        return;
      }
      const outcome = await attempt(() => client.items.thread({ workspaceId, itemId: item.id }));
      if (mine !== conversationGeneration) return;
      set((state) => {
        if (!state.conversation) return {};
        return {
          conversation: outcome.ok
            ? { ...state.conversation, thread: outcome.value, threadPhase: 'ready', threadError: null }
            : { ...state.conversation, thread: { ancestors: [], item, replies: [] }, threadPhase: 'failed', threadError: outcome.error },
        };
      });
    }

    async function loadContact(workspaceId: string, author: AuthorRef): Promise<void> {
      const mine = ++contactGeneration;
      set({ contact: { workspaceId, author, contact: null, phase: 'loading', error: null, history: [], next: null, historyPhase: 'loading', loadingMore: false } });
      const [contact, history] = await Promise.all([
        attempt(() => client.contacts.get({ workspaceId, author })),
        attempt(() => client.contacts.history({ workspaceId, author, limit: HISTORY_PAGE })),
      ]);
      if (mine !== contactGeneration) return;
      set((state) => {
        if (!state.contact) return {};
        return {
          contact: {
            ...state.contact,
            contact: contact.ok ? contact.value : null,
            phase: contact.ok ? 'ready' : 'failed',
            error: contact.ok ? (history.ok ? null : history.error) : contact.error,
            history: history.ok ? history.value.entries : [],
            next: history.ok ? history.value.next : null,
            historyPhase: history.ok ? 'ready' : 'failed',
          },
        };
      });
    }

    /** The thread around the item and the contact panel of its author. */
    function loadAround(workspaceId: string, item: StoredItem, mine: number): void {
      void loadThread(workspaceId, item, mine);
      const author = authorRefOf(item);
      if (author) void loadContact(workspaceId, author);
      else set({ contact: null });
    }

    async function load(workspaceId: string, id: number, reply: ConversationState['reply']): Promise<void> {
      const mine = ++conversationGeneration;
      const known = get().inbox.items.find((entry) => entry.id === id) ?? null;
      set({
        conversation: {
          workspaceId,
          inboxItemId: id,
          entry: known,
          notes: [],
          phase: 'loading',
          error: null,
          thread: known ? { ancestors: [], item: known.item, replies: [] } : null,
          threadPhase: 'loading',
          threadError: null,
          opened: mine,
          reply,
        },
      });
      if (known) loadAround(workspaceId, known.item, mine);
      const outcome = await attempt(() => client.inbox.get({ workspaceId, id }));
      if (mine !== conversationGeneration) return;
      if (!outcome.ok) {
        set((state) => (state.conversation ? { conversation: { ...state.conversation, phase: 'failed', error: outcome.error } } : {}));
        return;
      }
      const { entry, notes } = outcome.value;
      set((state) => (state.conversation ? { conversation: { ...state.conversation, entry, notes, phase: 'ready', error: null } } : {}));
      if (!known) loadAround(workspaceId, entry.item, mine);
    }

    /** Calls a contact method and shows its answer, if the panel still shows that person. */
    async function changeContact(call: (workspaceId: string, author: AuthorRef) => Promise<Contact>): Promise<Outcome<Contact>> {
      const contact = get().contact;
      if (!contact) return { ok: false, error: notOpen() };
      const outcome = await attempt(() => call(contact.workspaceId, contact.author));
      if (outcome.ok) {
        set((state) => (state.contact && state.contact.author === contact.author ? { contact: { ...state.contact, contact: outcome.value, phase: 'ready' } } : {}));
        if (contact.workspaceId === get().inboxMeta.workspaceId) void refreshTags(contact.workspaceId);
      }
      return outcome;
    }

    function metaWorkspace(): string | null {
      return get().inboxMeta.workspaceId ?? get().inbox.workspaceId;
    }

    return {
      workspaceView: 'deck',
      inbox: IDLE_LIST,
      inboxMeta: IDLE_META,
      conversation: null,
      contact: null,

      setWorkspaceView: (view) => set({ workspaceView: view }),

      loadInbox: async (workspaceId) => {
        const { inbox, inboxMeta } = get();
        const sameWorkspace = inbox.workspaceId === workspaceId;
        if (!sameWorkspace) {
          conversationGeneration++;
          contactGeneration++;
          set({ conversation: null, contact: null });
        }
        // The filter "Me" depends on the settings: the list waits for them.
        if (inboxMeta.workspaceId !== workspaceId || inboxMeta.phase === 'failed') await fetchMeta(workspaceId);
        if (!sameWorkspace || inbox.phase === 'idle' || inbox.phase === 'failed') {
          await fetchList(workspaceId, sameWorkspace ? inbox.filter : DEFAULT_INBOX_FILTER, INBOX_PAGE_SIZE, false);
        }
      },

      resyncInbox: async () => {
        const workspaceId = get().inbox.workspaceId;
        if (!workspaceId) return;
        await fetchMeta(workspaceId);
        await reloadList();
        await refreshConversationEntry();
      },

      setInboxFilter: async (patch) => {
        const { workspaceId, filter } = get().inbox;
        if (!workspaceId) return;
        await fetchList(workspaceId, { ...filter, ...patch }, INBOX_PAGE_SIZE, false);
      },

      loadMoreInbox: async () => {
        const { workspaceId, filter, next, loadingMore, phase } = get().inbox;
        if (!workspaceId || !next || loadingMore || phase !== 'ready') return;
        const contractFilter = toContractFilter(filter, currentAgentId());
        if (!contractFilter) return;
        const mine = listGeneration;
        set((state) => ({ inbox: { ...state.inbox, loadingMore: true } }));
        const outcome = await attempt(() => client.inbox.list({ workspaceId, filter: contractFilter, after: next, limit: INBOX_PAGE_SIZE }));
        if (mine !== listGeneration) return;
        if (!outcome.ok) {
          set((state) => ({ inbox: { ...state.inbox, loadingMore: false } }));
          get().reportError(outcome.error);
          return;
        }
        set((state) => ({
          inbox: { ...state.inbox, items: withPage(state.inbox.items, outcome.value.items), next: outcome.value.next, counts: outcome.value.counts, loadingMore: false },
        }));
      },

      receiveInboxChanged: ({ workspaceId, ids, counts }) => {
        if (get().inbox.workspaceId !== workspaceId) return;
        set((state) => ({ inbox: { ...state.inbox, counts } }));
        scheduleReload();
        const conversation = get().conversation;
        if (conversation && conversation.workspaceId === workspaceId && (ids.length === 0 || ids.includes(conversation.inboxItemId))) {
          void refreshConversationEntry();
        }
        void refreshTags(workspaceId);
      },

      receiveRules: ({ workspaceId, rules }) => {
        if (get().inboxMeta.workspaceId === workspaceId) set((state) => ({ inboxMeta: { ...state.inboxMeta, rules } }));
      },
      receiveAgents: ({ workspaceId, agents }) => {
        if (get().inboxMeta.workspaceId === workspaceId) set((state) => ({ inboxMeta: { ...state.inboxMeta, agents } }));
      },
      receiveSavedReplies: ({ workspaceId, replies }) => {
        if (get().inboxMeta.workspaceId === workspaceId) set((state) => ({ inboxMeta: { ...state.inboxMeta, savedReplies: replies } }));
      },

      updateInboxItems: async (ids, patch) => {
        const workspaceId = get().inbox.workspaceId;
        if (!workspaceId || ids.length === 0) return { ok: false, error: notOpen() };
        const outcome = await attempt(() => client.inbox.update({ workspaceId, ids, patch }));
        if (!outcome.ok) return outcome;
        const changed = outcome.value.items;
        set((state) => {
          const conversation = state.conversation;
          const entry = conversation ? changed.find((item) => item.id === conversation.inboxItemId) : undefined;
          return {
            inbox: state.inbox.workspaceId === workspaceId ? { ...state.inbox, items: withChanged(state.inbox.items, changed, state.inbox.filter, currentAgentId()) } : state.inbox,
            conversation: conversation && entry ? { ...conversation, entry } : conversation,
          };
        });
        if (patch.addTags?.length) void refreshTags(workspaceId);
        return { ok: true, value: changed };
      },

      openConversation: async (id) => {
        const workspaceId = get().inbox.workspaceId;
        if (!workspaceId) return;
        const current = get().conversation;
        if (current && current.inboxItemId === id && current.phase !== 'failed') {
          // Again on the same item: only the focus moves there.
          set({ conversation: { ...current, opened: ++conversationGeneration } });
          return;
        }
        await load(workspaceId, id, null);
      },

      retryConversation: async () => {
        const conversation = get().conversation;
        if (conversation) await load(conversation.workspaceId, conversation.inboxItemId, conversation.reply);
      },

      closeConversation: () => {
        conversationGeneration++;
        contactGeneration++;
        set({ conversation: null, contact: null });
      },

      openReply: async (id, savedReplyId = null) => {
        const current = get().conversation;
        if (!current || current.inboxItemId !== id) {
          const workspaceId = get().inbox.workspaceId;
          if (!workspaceId) return;
          await load(workspaceId, id, { savedReplyId, opened: 1 });
          return;
        }
        set({ conversation: { ...current, reply: { savedReplyId, opened: (current.reply?.opened ?? 0) + 1 } } });
      },

      closeReply: () => set((state) => (state.conversation ? { conversation: { ...state.conversation, reply: null } } : {})),

      addInboxNote: async (text) => {
        const conversation = get().conversation;
        if (!conversation) return { ok: false, error: notOpen() };
        const { workspaceId, inboxItemId } = conversation;
        const outcome = await attempt(() => client.inbox.addNote({ workspaceId, id: inboxItemId, text }));
        if (outcome.ok) {
          set((state) =>
            state.conversation?.inboxItemId === inboxItemId
              ? {
                  conversation: {
                    ...state.conversation,
                    notes: [...state.conversation.notes.filter((note) => note.id !== outcome.value.id), outcome.value],
                    entry: state.conversation.entry ? { ...state.conversation.entry, noteCount: state.conversation.entry.noteCount + 1 } : null,
                  },
                }
              : {},
          );
        }
        return outcome;
      },

      loadMoreHistory: async () => {
        const contact = get().contact;
        if (!contact || !contact.next || contact.loadingMore) return;
        const mine = contactGeneration;
        set({ contact: { ...contact, loadingMore: true } });
        const outcome = await attempt(() =>
          client.contacts.history({ workspaceId: contact.workspaceId, author: contact.author, after: contact.next, limit: HISTORY_PAGE }),
        );
        if (mine !== contactGeneration) return;
        set((state) => {
          if (!state.contact) return {};
          if (!outcome.ok) return { contact: { ...state.contact, loadingMore: false, error: outcome.error } };
          const seen = new Set(state.contact.history.map((entry) => `${entry.direction}:${entry.item.id}`));
          const added = outcome.value.entries.filter((entry) => !seen.has(`${entry.direction}:${entry.item.id}`));
          return { contact: { ...state.contact, history: [...state.contact.history, ...added], next: outcome.value.next, loadingMore: false } };
        });
      },

      addContactNote: (text) => changeContact((workspaceId, author) => client.contacts.addNote({ workspaceId, author, text })),
      setContactTags: (tags) => changeContact((workspaceId, author) => client.contacts.setTags({ workspaceId, author, tags })),
      linkContact: (other) => changeContact((workspaceId, author) => client.contacts.link({ workspaceId, author, other })),
      unlinkContact: (identity) => changeContact((workspaceId) => client.contacts.unlink({ workspaceId, author: identity })),

      searchAuthors: async (text) => {
        const workspaceId = get().contact?.workspaceId ?? metaWorkspace();
        if (!workspaceId) return { ok: false, error: notOpen() };
        const outcome = await attempt(() => client.contacts.searchAuthors({ workspaceId, text }));
        return outcome.ok ? { ok: true, value: outcome.value.authors } : outcome;
      },

      saveInboxSettings: async (patch) => {
        const workspaceId = metaWorkspace();
        if (!workspaceId) return { ok: false, error: notOpen() };
        const outcome = await attempt(() => client.inbox.setSettings({ workspaceId, settings: patch }));
        if (outcome.ok && get().inboxMeta.workspaceId === workspaceId) {
          set((state) => ({ inboxMeta: { ...state.inboxMeta, settings: outcome.value } }));
          // Goal, hours and zone move every due time, and "Me" may mean someone else now.
          void reloadList();
        }
        return outcome;
      },

      saveAgent: async (id, agent) => {
        const workspaceId = metaWorkspace();
        if (!workspaceId) return { ok: false, error: notOpen() };
        const outcome = await attempt(() => (id ? client.agents.update({ workspaceId, id, agent }) : client.agents.create({ workspaceId, agent })));
        if (outcome.ok && get().inboxMeta.workspaceId === workspaceId) {
          const saved = outcome.value;
          set((state) => {
            const others = state.inboxMeta.agents.filter((entry) => entry.id !== saved.id);
            const agents = id ? state.inboxMeta.agents.map((entry) => (entry.id === saved.id ? saved : entry)) : [...others, saved];
            return { inboxMeta: { ...state.inboxMeta, agents } };
          });
        }
        return outcome;
      },

      removeAgent: async (id) => {
        const workspaceId = metaWorkspace();
        if (!workspaceId) return { ok: false, error: notOpen() };
        const outcome = await attempt(() => client.agents.remove({ workspaceId, id }));
        if (outcome.ok && get().inboxMeta.workspaceId === workspaceId) {
          set((state) => ({ inboxMeta: { ...state.inboxMeta, agents: state.inboxMeta.agents.filter((agent) => agent.id !== id) } }));
          // Its items are unassigned now, and it may have been "me".
          void fetchMeta(workspaceId).then(() => reloadList());
        }
        return outcome;
      },

      saveRule: async (rule) => {
        const workspaceId = metaWorkspace();
        if (!workspaceId) return { ok: false, error: notOpen() };
        const outcome = await attempt(() => client.rules.save({ workspaceId, ...rule }));
        if (outcome.ok && get().inboxMeta.workspaceId === workspaceId) {
          const saved = outcome.value;
          set((state) => {
            const exists = state.inboxMeta.rules.some((entry) => entry.id === saved.id);
            const rules = exists ? state.inboxMeta.rules.map((entry) => (entry.id === saved.id ? saved : entry)) : [...state.inboxMeta.rules, saved];
            return { inboxMeta: { ...state.inboxMeta, rules } };
          });
        }
        return outcome;
      },

      removeRule: async (id) => rulesCall(get, set, (workspaceId) => client.rules.remove({ workspaceId, id })),
      moveRule: async (id, position) => rulesCall(get, set, (workspaceId) => client.rules.move({ workspaceId, id, position })),

      testRules: async (sample) => {
        const workspaceId = metaWorkspace();
        if (!workspaceId) return { ok: false, error: notOpen() };
        return attempt(() => client.rules.test({ workspaceId, sample }));
      },

      analyzeText: async (text) => {
        const workspaceId = metaWorkspace();
        if (!workspaceId) return { ok: false, error: notOpen() };
        return attempt(() => client.insight.analyzeText({ workspaceId, text }));
      },

      setNeedsAnswer: async (streamId, needsAnswer) => {
        const outcome = await attempt(() => client.streams.setNeedsAnswer({ id: streamId, needsAnswer }));
        if (outcome.ok) {
          const stream = outcome.value;
          set((state) => ({ deck: { ...state.deck, streams: state.deck.streams.map((entry) => (entry.id === stream.id ? stream : entry)) } }));
        }
        return outcome;
      },
    };
  };
}

type SetState = Parameters<StateCreator<AppState, [], [], InboxSlice>>[0];

/** Rules calls that answer with the whole ordered list. */
async function rulesCall(
  get: () => AppState,
  set: SetState,
  call: (workspaceId: string) => Promise<{ rules: InboxRule[] }>,
): Promise<Outcome<unknown>> {
  const workspaceId = get().inboxMeta.workspaceId;
  if (!workspaceId) return { ok: false, error: notOpen() };
  const outcome = await attempt(() => call(workspaceId));
  if (outcome.ok && get().inboxMeta.workspaceId === workspaceId) set((state) => ({ inboxMeta: { ...state.inboxMeta, rules: outcome.value.rules } }));
  return outcome;
}

function notOpen(): AppError {
  return new AppError('not_found', 'No inbox is open.');
}

/** Subscribes the store to the core's inbox events; returns the function that stops it. */
export function subscribeInboxEvents(getState: () => AppState, client: LeitstandClient): () => void {
  const unsubscribers = [
    client.on('inbox.changed', (payload) => getState().receiveInboxChanged(payload)),
    client.on('rules.changed', (payload) => getState().receiveRules(payload)),
    client.on('agents.changed', (payload) => getState().receiveAgents(payload)),
    client.on('savedReplies.changed', (payload) => getState().receiveSavedReplies(payload)),
  ];
  return () => unsubscribers.forEach((unsubscribe) => unsubscribe());
}
