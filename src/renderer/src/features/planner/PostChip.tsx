import { memo, type KeyboardEvent } from 'react';
import type { ScheduledPost } from '../../../../shared/contract/planner';
import { isMovable } from './calendar';
import { endPostDrag, startPostDrag } from './drag';

interface PostChipProps {
  entry: ScheduledPost;
  /** "09:30 @shop.example: Our autumn sale…" */
  name: string;
  time: string;
  handle: string;
  excerpt: string;
  onOpen(entry: ScheduledPost): void;
  onMoveKey(entry: ScheduledPost): void;
}

/**
 * A post in the calendar: a button (opens its details), draggable to another day or hour while it
 * has not gone out; "m" on it opens the move dialog, the keyboard's way to drag.
 */
export const PostChip = memo(function PostChip({ entry, name, time, handle, excerpt, onOpen, onMoveKey }: PostChipProps) {
  const movable = isMovable(entry);
  function onKeyDown(event: KeyboardEvent<HTMLButtonElement>) {
    if (!movable || event.ctrlKey || event.metaKey || event.altKey || (event.key !== 'm' && event.key !== 'M')) return;
    event.preventDefault();
    onMoveKey(entry);
  }
  return (
    <button
      type="button"
      className={`post-chip post-chip--${entry.state}${entry.error?.code === 'too_late' ? ' post-chip--late' : ''}`}
      aria-label={name}
      aria-keyshortcuts={movable ? 'M' : undefined}
      draggable={movable}
      data-entry-id={entry.id}
      onDragStart={movable ? (event) => startPostDrag(event, entry.id, name) : undefined}
      onDragEnd={movable ? endPostDrag : undefined}
      onKeyDown={onKeyDown}
      onClick={() => onOpen(entry)}
    >
      <span className="post-chip__time">{time}</span> <span className="post-chip__handle">{handle}</span> <span className="post-chip__text">{excerpt}</span>
    </button>
  );
});
