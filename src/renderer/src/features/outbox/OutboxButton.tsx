import { useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../store/AppStoreProvider';
import { useComposerEvents } from '../composer/useComposerEvents';
import '../../styles/composer.css';

/** Opens the outbox; says how many posts failed (in its description, not its name). */
export function OutboxButton({ workspaceId }: { workspaceId: string }) {
  const { t } = useTranslation();
  useComposerEvents();
  const loadOutbox = useAppStore((state) => state.loadOutbox);
  const openComposerPanel = useAppStore((state) => state.openComposerPanel);
  const failed = useAppStore((state) => (state.outbox.workspaceId === workspaceId ? state.outbox.entries.filter((entry) => entry.state === 'failed').length : 0));
  const badgeId = useId();

  // Loaded with the workspace, so the composer can follow what it sent and failures show here.
  useEffect(() => {
    void loadOutbox(workspaceId);
  }, [loadOutbox, workspaceId]);

  return (
    <button
      type="button"
      className="button"
      // The name stays "Outbox"; the failed count is its description.
      aria-label={t('composer.outbox.open')}
      aria-describedby={failed > 0 ? badgeId : undefined}
      onClick={() => openComposerPanel({ kind: 'outbox', workspaceId })}>
      {t('composer.outbox.open')}
      {failed > 0 && (
        <span id={badgeId} className="outbox-badge" title={t('composer.outbox.attention', { count: failed })}>
          <span aria-hidden="true">{failed}</span>
          <span className="sr-only">{t('composer.outbox.attention', { count: failed })}</span>
        </span>
      )}
    </button>
  );
}
