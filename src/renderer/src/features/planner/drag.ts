import type { DragEvent } from 'react';

/** The drag payload of a calendar post: its outbox id, under a type of our own so other drops are ignored. */
export const POST_DRAG_TYPE = 'application/x-leitstand-post';

/**
 * The post being dragged in this window. Some drag sources (synthesized or cross-frame drags) do
 * not carry custom types through dataTransfer; the id kept here is what a drop falls back to.
 */
let dragging: string | null = null;

export function startPostDrag(event: DragEvent, id: string, label: string): void {
  dragging = id;
  event.dataTransfer.setData(POST_DRAG_TYPE, id);
  event.dataTransfer.setData('text/plain', label);
  event.dataTransfer.effectAllowed = 'move';
}

export function endPostDrag(): void {
  dragging = null;
}

function carriesPost(event: DragEvent): boolean {
  return dragging !== null || Array.from(event.dataTransfer.types).includes(POST_DRAG_TYPE);
}

/** Drop-target handlers for a day (or an hour of a day): highlighted while a post hovers over it. */
export function dropHandlers(onDropPost: (id: string) => void) {
  return {
    onDragOver(event: DragEvent<HTMLElement>) {
      if (!carriesPost(event)) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'move';
      event.currentTarget.classList.add('is-drop-target');
    },
    onDragLeave(event: DragEvent<HTMLElement>) {
      event.currentTarget.classList.remove('is-drop-target');
    },
    onDrop(event: DragEvent<HTMLElement>) {
      event.currentTarget.classList.remove('is-drop-target');
      const id = event.dataTransfer.getData(POST_DRAG_TYPE) || dragging;
      dragging = null;
      if (!id) return;
      event.preventDefault();
      onDropPost(id);
    },
  };
}
