import { useEffect, useId, useRef, type ReactNode } from 'react';

interface ModalProps {
  title: string;
  /** Called when the dialog is dismissed: Esc, a Cancel button, or the browser closing it. */
  onClose: () => void;
  children: ReactNode;
  /** 'alertdialog' for confirmations of something consequential. */
  role?: 'dialog' | 'alertdialog';
  /** The id of the element that describes the dialog (the question of a confirmation). */
  describedBy?: string;
}

/**
 * A modal on the native <dialog> element: showModal() makes the rest of the page inert (focus
 * stays inside), Esc closes it, and focus goes back to where it was when the dialog opened.
 * The element with `data-autofocus` gets the focus first; if the opener has left the page when
 * the dialog closes, the element with `data-focus-fallback` gets it.
 */
export function Modal({ title, onClose, children, role = 'dialog', describedBy }: ModalProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const onCloseRef = useRef(onClose);
  useEffect(() => {
    onCloseRef.current = onClose;
  });

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    // Only a real close counts (a stale 'close' event from an earlier close() is ignored).
    const handleClose = () => {
      if (!dialog.open) onCloseRef.current();
    };
    dialog.addEventListener('close', handleClose);
    return () => {
      dialog.removeEventListener('close', handleClose);
      if (dialog.open) dialog.close();
      // The opener may be gone (an archived workspace's view): then the page's main heading.
      const target = opener?.isConnected ? opener : document.querySelector<HTMLElement>('[data-focus-fallback]');
      target?.focus();
    };
  }, []);

  return (
    <dialog ref={ref} className="modal" role={role === 'alertdialog' ? 'alertdialog' : undefined} aria-labelledby={titleId} aria-describedby={describedBy}>
      <h2 id={titleId} className="modal__title">
        {title}
      </h2>
      {children}
    </dialog>
  );
}
