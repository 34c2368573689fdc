import { useMemo } from 'react';
import type { Transport } from '../transport/createTransport';
import { AppStoreProvider } from '../store/AppStoreProvider';
import { ConnectionProblemPage } from './ConnectionProblemPage';
import { ConnectedApp } from './ConnectedApp';

export function App({ transport }: { transport: Transport }) {
  const deps = useMemo(
    () => (transport.kind === 'ready' ? { client: transport.client, connection: transport.connection } : null),
    [transport],
  );
  if (!deps) return <ConnectionProblemPage reason="missing_token" />;
  return (
    <AppStoreProvider deps={deps}>
      <ConnectedApp />
    </AppStoreProvider>
  );
}
