import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountView } from '../../../../shared/contract/accounts';
import { Modal } from '../../components/Modal';
import { useAppStore } from '../../store/AppStoreProvider';
import type { AccountsDialogRequest } from '../../store/types';
import { AccountList } from './AccountList';
import { BlueskyConnectForm } from './BlueskyConnectForm';
import { MastodonConnectForm } from './MastodonConnectForm';
import '../../styles/accounts.css';

const NO_ACCOUNTS: AccountView[] = [];

/** What the dialog shows: the list, or the form that connects (or reconnects) an account. */
export type AccountsView =
  | { kind: 'list'; connected?: AccountView }
  | { kind: 'bluesky'; reconnect?: AccountView }
  | { kind: 'mastodon'; reconnect?: AccountView };

function initialView(request: AccountsDialogRequest, accounts: AccountView[]): AccountsView {
  const reconnect = request.reconnectId ? accounts.find((account) => account.id === request.reconnectId) : undefined;
  if (reconnect && reconnect.network !== 'feed') return { kind: reconnect.network, reconnect };
  if (request.connect) return { kind: request.connect };
  return { kind: 'list' };
}

/** The accounts dialog the store says is open, for the workspace on screen. */
export function AccountsDialogHost({ workspaceId }: { workspaceId: string }) {
  const request = useAppStore((state) => state.accountsDialog);
  const closeAccounts = useAppStore((state) => state.closeAccounts);
  const elsewhere = request !== null && request.workspaceId !== workspaceId;
  // Another workspace came on screen (Ctrl+2 …): its dialog does not wait for the way back.
  useEffect(() => {
    if (elsewhere) closeAccounts();
  }, [elsewhere, closeAccounts]);
  if (!request || elsewhere) return null;
  return <AccountsDialog key={JSON.stringify(request)} request={request} onClose={closeAccounts} />;
}

/**
 * A workspace's accounts: who is connected, on which server, whether a sign-in needs renewing;
 * and the ways to connect, reconnect and remove them.
 */
function AccountsDialog({ request, onClose }: { request: AccountsDialogRequest; onClose: () => void }) {
  const { t } = useTranslation();
  const accounts = useAppStore((state) => (state.accounts.workspaceId === request.workspaceId ? state.accounts.accounts : NO_ACCOUNTS));
  const [view, setView] = useState<AccountsView>(() => initialView(request, accounts));

  function connected(account: AccountView) {
    if (request.closeWhenConnected) onClose();
    else setView({ kind: 'list', connected: account });
  }

  const back = () => setView({ kind: 'list' });

  let title: string;
  switch (view.kind) {
    case 'list':
      title = t('accounts.title');
      break;
    case 'bluesky':
      title = view.reconnect ? t('accounts.bluesky.reconnectTitle', { handle: view.reconnect.handle }) : t('accounts.bluesky.title');
      break;
    case 'mastodon':
      title = view.reconnect ? t('accounts.mastodon.reconnectTitle', { handle: view.reconnect.handle }) : t('accounts.mastodon.title');
      break;
  }

  return (
    <Modal title={title} onClose={onClose}>
      <div className="accounts-dialog">
        {view.kind === 'list' && (
          <AccountList workspaceId={request.workspaceId} connected={view.connected ?? null} onNavigate={setView} onClose={onClose} />
        )}
        {view.kind === 'bluesky' && (
          <BlueskyConnectForm workspaceId={request.workspaceId} reconnect={view.reconnect ?? null} onConnected={connected} onBack={back} />
        )}
        {view.kind === 'mastodon' && (
          <MastodonConnectForm workspaceId={request.workspaceId} reconnect={view.reconnect ?? null} onConnected={connected} onBack={back} />
        )}
      </div>
    </Modal>
  );
}
