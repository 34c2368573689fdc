import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../../shared/contract/errors';
import type { StoredItem } from '../../../../shared/contract/items';
import { CloseActions } from '../../components/FormActions';
import { Modal } from '../../components/Modal';
import { describeError } from '../../i18n/describeError';
import { useAppStore } from '../../store/AppStoreProvider';
import { ItemCard } from '../deck/ItemCard';
import { useNow } from '../deck/useNow';
import { alertText } from './alertText';
import { useAlertZone } from './useAlertZone';

/** The items behind the spike the store asks for (banner, history, desktop notification), when it belongs to this workspace. */
export function AlertItemsHost({ workspaceId }: { workspaceId: string }) {
  const request = useAppStore((state) => state.alertItemsRequest);
  const close = useAppStore((state) => state.closeAlertItems);
  if (!request || request.workspaceId !== workspaceId) return null;
  return <AlertItemsDialog key={request.alertId} workspaceId={workspaceId} alertId={request.alertId} onClose={close} />;
}

/** The negative mentions of a spike, newest first, as the columns show items (cards; Enter opens nothing here). */
function AlertItemsDialog({ workspaceId, alertId, onClose }: { workspaceId: string; alertId: string; onClose(): void }) {
  const { t, i18n } = useTranslation();
  const loadItems = useAppStore((state) => state.alertItems);
  const alert = useAppStore((state) => state.alerts.alerts.find((a) => a.id === alertId) ?? null);
  const zone = useAlertZone(workspaceId);
  const now = useNow();
  const [items, setItems] = useState<StoredItem[] | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(new Set());

  useEffect(() => {
    let live = true;
    void loadItems(workspaceId, alertId).then((outcome) => {
      if (!live) return;
      if (outcome.ok) setItems(outcome.value);
      else setError(outcome.error);
    });
    return () => {
      live = false;
    };
  }, [loadItems, workspaceId, alertId]);

  const setItemsRead = useAppStore((state) => state.setItemsRead);
  const noop = useCallback(() => undefined, []);
  // Read state as everywhere else: the columns and search results that show the item follow.
  const toggleRead = useCallback(
    (item: StoredItem) => {
      setItems((current) => current?.map((i) => (i.id === item.id ? { ...i, read: !item.read } : i)) ?? null);
      void setItemsRead([item.id], !item.read);
    },
    [setItemsRead],
  );
  const opened = useCallback(
    (item: StoredItem) => {
      if (!item.read) toggleRead(item);
    },
    [toggleRead],
  );
  const toggleExpanded = useCallback((item: StoredItem) => {
    setExpanded((current) => {
      const next = new Set(current);
      if (next.has(item.id)) next.delete(item.id);
      else next.add(item.id);
      return next;
    });
  }, []);

  return (
    <Modal title={t('alerts.itemsTitle')} onClose={onClose}>
      <div className="alert-items">
        {alert && <p className="modal__body">{alertText(alert, t, now, zone, i18n.language)}</p>}
        {error ? (
          <p role="alert" className="field__error">
            {t('alerts.itemsFailed', { reason: describeError(error, t) })}
          </p>
        ) : items === null ? (
          <p role="status" className="modal__body">
            {t('alerts.itemsLoading')}
          </p>
        ) : items.length === 0 ? (
          <p role="status" className="modal__body">
            {t('alerts.itemsEmpty')}
          </p>
        ) : (
          <div className="alert-items__feed" role="feed" aria-label={t('alerts.itemsList')}>
            {items.map((item, index) => (
              <ItemCard
                key={item.id}
                item={item}
                tabStop
                selected={false}
                threadAction={false}
                expanded={expanded.has(item.id)}
                position={index + 1}
                setSize={items.length}
                onSelect={noop}
                onToggleExpanded={toggleExpanded}
                onToggleRead={toggleRead}
                onOpened={opened}
              />
            ))}
          </div>
        )}
      </div>
      <CloseActions onClose={onClose} />
    </Modal>
  );
}
