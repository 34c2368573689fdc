import type { StateCreator } from 'zustand';
import type { AccountView } from '../../../shared/contract/accounts';
import type { LeitstandClient } from '../../../shared/contract/client';
import { attempt } from './outcome';
import type { AccountsSlice, AccountsState, AppState, StoreDeps } from './types';

const IDLE_ACCOUNTS: AccountsState = { workspaceId: null, accounts: [], phase: 'idle', error: null };

/** The list with this account in it (replaced where it was, else added at the end). */
function withAccount(accounts: AccountView[], account: AccountView): AccountView[] {
  return accounts.some((a) => a.id === account.id) ? accounts.map((a) => (a.id === account.id ? account : a)) : [...accounts, account];
}

export function createAccountsSlice({ client }: StoreDeps): StateCreator<AppState, [], [], AccountsSlice> {
  return (set, get) => {
    /** Shows an account the core just confirmed, before its 'accounts.changed' event arrives. */
    function receiveOne(account: AccountView): void {
      if (get().accounts.workspaceId !== account.workspaceId) return;
      set((state) => ({ accounts: { ...state.accounts, accounts: withAccount(state.accounts.accounts, account) } }));
    }

    return {
      accounts: IDLE_ACCOUNTS,
      accountsDialog: null,

      loadAccounts: async (workspaceId) => {
        // The same workspace again keeps its list on screen while it is fetched afresh.
        if (get().accounts.workspaceId !== workspaceId) set({ accounts: { workspaceId, accounts: [], phase: 'loading', error: null } });
        const outcome = await attempt(() => client.accounts.list({ workspaceId }));
        if (get().accounts.workspaceId !== workspaceId) return;
        if (!outcome.ok) {
          set((state) => ({ accounts: { ...state.accounts, phase: 'failed', error: outcome.error } }));
          return;
        }
        set({ accounts: { workspaceId, accounts: outcome.value.accounts, phase: 'ready', error: null } });
      },

      resyncAccounts: async () => {
        const { workspaceId } = get().accounts;
        if (workspaceId) await get().loadAccounts(workspaceId);
      },

      receiveAccounts: ({ workspaceId, accounts }) => {
        if (get().accounts.workspaceId !== workspaceId) return;
        set({ accounts: { workspaceId, accounts, phase: 'ready', error: null } });
      },

      connectBluesky: async (params) => {
        const outcome = await attempt(() => client.accounts.connectBluesky(params));
        if (outcome.ok) receiveOne(outcome.value);
        return outcome;
      },

      beginMastodon: (params) => attempt(() => client.accounts.beginMastodon(params)),

      completeMastodon: async (params) => {
        const outcome = await attempt(() => client.accounts.completeMastodon(params));
        if (outcome.ok) receiveOne(outcome.value);
        return outcome;
      },

      removeAccount: async (id) => {
        const outcome = await attempt(() => client.accounts.remove({ id }));
        if (outcome.ok) {
          // Its columns went with it; 'streams.changed' follows and the deck drops them.
          set((state) => ({ accounts: { ...state.accounts, accounts: state.accounts.accounts.filter((a) => a.id !== id) } }));
        }
        return outcome;
      },

      openAccounts: (request) => set({ accountsDialog: request }),
      closeAccounts: () => set({ accountsDialog: null }),
    };
  };
}

/** The core's account events, applied to the store. Returns the function that stops them. */
export function subscribeAccountEvents(getState: () => AppState, client: LeitstandClient): () => void {
  return client.on('accounts.changed', (list) => getState().receiveAccounts(list));
}
