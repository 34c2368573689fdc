import { useLayoutEffect, useRef, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { StreamView } from '../../../../shared/contract/streams';
import { useAppStore } from '../../store/AppStoreProvider';
import { Icon } from './Icon';
import { statusLine } from './statusLine';
import { useNow } from './useNow';
import '../../styles/inbox.css';

interface ColumnHeaderProps {
  stream: StreamView;
  titleId: string;
  index: number;
  count: number;
  onMove(position: number): void;
  onRefresh(): void;
  onMarkAllRead(): void;
  onRemove(): void;
  onDragStart(event: DragEvent<HTMLElement>): void;
  onDragEnd(): void;
}

/** Title, unread count, poll status and the column's actions. */
export function ColumnHeader({ stream, titleId, index, count, onMove, onRefresh, onMarkAllRead, onRemove, onDragStart, onDragEnd }: ColumnHeaderProps) {
  const { t, i18n } = useTranslation();
  const now = useNow();
  const status = statusLine(stream.status, now, i18n.language, t);
  const account = useAppStore((state) => (stream.accountId ? state.accounts.accounts.find((a) => a.id === stream.accountId) : undefined));
  const openAccounts = useAppStore((state) => state.openAccounts);
  const setNeedsAnswer = useAppStore((state) => state.setNeedsAnswer);
  const reportError = useAppStore((state) => state.reportError);
  const needsReconnect = stream.status.state === 'reconnect_needed' || account?.status === 'reconnect_needed';
  const leftRef = useRef<HTMLButtonElement>(null);
  const rightRef = useRef<HTMLButtonElement>(null);
  /** After a move with the keyboard, the focus stays on the move button that was used. */
  const refocus = useRef<'left' | 'right' | null>(null);

  useLayoutEffect(() => {
    const which = refocus.current;
    if (!which) return;
    refocus.current = null;
    const preferred = which === 'left' ? leftRef.current : rightRef.current;
    const fallback = which === 'left' ? rightRef.current : leftRef.current;
    (preferred && !preferred.disabled ? preferred : fallback)?.focus();
  }, [index]);

  const move = (direction: 'left' | 'right') => {
    refocus.current = direction;
    onMove(direction === 'left' ? index - 1 : index + 1);
  };

  return (
    <header className="column__header">
      <div className="column__heading" draggable onDragStart={onDragStart} onDragEnd={onDragEnd}>
        <span className="column__grip" title={t('deck.dragHandle')}>
          <Icon name="grip" />
        </span>
        <h2 id={titleId} className="column__title">
          {stream.title}
        </h2>
        {stream.unread > 0 && (
          <span className="column__unread">
            <span aria-hidden="true">{stream.unread > 999 ? '999+' : stream.unread}</span>
            <span className="sr-only">{t('deck.unread', { count: stream.unread })}</span>
          </span>
        )}
      </div>
      <p className="column__meta">
        <span className="column__network">{t(`deck.networks.${stream.network}`)}</span>
        {account && (
          <>
            <span aria-hidden="true"> · </span>
            <span className="column__account" title={t('deck.account', { handle: `@${account.handle}` })}>
              @{account.handle}
            </span>
          </>
        )}
      </p>
      <p className="column__meta">
        {needsReconnect ? (
          <button
            type="button"
            className="link-button column__status column__status--error"
            title={t('deck.reconnectTitle', { handle: account ? `@${account.handle}` : '' })}
            onClick={() => openAccounts({ workspaceId: stream.workspaceId, ...(account ? { reconnectId: account.id } : {}) })}
          >
            {t('status.reconnectNeeded')}
          </button>
        ) : (
          <span className={`column__status column__status--${status.tone}`} title={status.detail ?? undefined}>
            {status.text}
          </span>
        )}
      </p>
      <div className="column__actions" role="group" aria-label={t('deck.columnActions')}>
        <button type="button" className="icon-button" aria-label={t('deck.refresh')} title={t('deck.refresh')} onClick={onRefresh}>
          <Icon name="refresh" />
        </button>
        <button
          type="button"
          className="icon-button"
          aria-label={t('deck.markAllRead')}
          title={t('deck.markAllRead')}
          onClick={onMarkAllRead}
          disabled={stream.unread === 0}
        >
          <Icon name="checks" />
        </button>
        <button
          type="button"
          className="icon-button column__needs-answer"
          aria-pressed={stream.needsAnswer}
          aria-label={t('inbox.needsAnswer.toggle')}
          title={stream.needsAnswer ? t('inbox.needsAnswer.onTitle') : t('inbox.needsAnswer.offTitle')}
          onClick={() =>
            void setNeedsAnswer(stream.id, !stream.needsAnswer).then((outcome) => {
              if (!outcome.ok) reportError(outcome.error);
            })
          }
        >
          <span aria-hidden="true">✉</span>
        </button>
        <span className="column__spacer" />
        <button
          ref={leftRef}
          type="button"
          className="icon-button"
          aria-label={t('deck.moveLeft')}
          title={t('deck.moveLeft')}
          onClick={() => move('left')}
          disabled={index === 0}
        >
          <Icon name="left" />
        </button>
        <button
          ref={rightRef}
          type="button"
          className="icon-button"
          aria-label={t('deck.moveRight')}
          title={t('deck.moveRight')}
          onClick={() => move('right')}
          disabled={index >= count - 1}
        >
          <Icon name="right" />
        </button>
        <button type="button" className="icon-button icon-button--danger" aria-label={t('deck.remove')} title={t('deck.remove')} onClick={onRemove}>
          <Icon name="close" />
        </button>
      </div>
    </header>
  );
}
