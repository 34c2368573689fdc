import { useAppliedSettings } from '../features/settings/useAppliedSettings';
import { useAppStore } from '../store/AppStoreProvider';
import { AppFrame } from './AppFrame';
import { ConnectionProblemPage } from './ConnectionProblemPage';
import { LoadingScreen } from './LoadingScreen';

/** Chooses the page: refused connection, first load, or the app itself. */
export function ConnectedApp() {
  useAppliedSettings();
  const connection = useAppStore((state) => state.connection);
  const status = useAppStore((state) => state.status);
  const retryConnection = useAppStore((state) => state.retryConnection);

  if (connection.kind === 'refused') return <ConnectionProblemPage reason="refused" onRetry={retryConnection} />;
  if (status === 'loading') return <LoadingScreen />;
  return <AppFrame />;
}
