import type { BrowserWindow, IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { IPC_EVENT_CHANNEL, METHOD_NAMES, ipcChannelFor } from '../../shared/contract/names';
import type { Core } from '../core';
import type { CallOutcome } from '../core/dispatch';

export type TrustedSenderCheck = (event: IpcMainInvokeEvent) => boolean;

const UNAUTHORIZED: CallOutcome = {
  ok: false,
  error: { code: 'unauthorized', message: 'Only the Leitstand window may call the application core.' },
};

/**
 * One ipcMain handler per contract method, nothing else. Each answers with the dispatcher's
 * outcome object rather than throwing: Electron flattens errors thrown in handlers into a
 * message prefixed with "Error invoking remote method", which would lose the error code.
 * The preload turns `{ ok: false }` into a rejection.
 *
 * Returns the function that removes exactly these handlers again.
 */
export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  core: Pick<Core, 'dispatcher'>,
  isTrustedSender: TrustedSenderCheck,
  log: (message: string) => void = (message) => console.warn(message),
): () => void {
  for (const method of METHOD_NAMES) {
    ipcMain.handle(ipcChannelFor(method), async (event, params: unknown) => {
      if (!isTrustedSender(event)) {
        log(`[shell] refused ${method} from a sender that is not the Leitstand window`);
        return UNAUTHORIZED;
      }
      return core.dispatcher.call(method, params);
    });
  }
  let removed = false;
  return () => {
    if (removed) return;
    removed = true;
    for (const method of METHOD_NAMES) ipcMain.removeHandler(ipcChannelFor(method));
  };
}

/**
 * A request is trusted only from the main frame of our window while it shows our own page.
 * Sub-frames cannot exist (CSP frame-src 'none', navigation guards), and a frame that somehow
 * navigated elsewhere must not keep the page's powers.
 */
export function createTrustedSenderCheck(
  getWindow: () => BrowserWindow | null,
  isAppUrl: (url: string) => boolean,
): TrustedSenderCheck {
  return (event) => {
    const window = getWindow();
    if (!window || window.isDestroyed()) return false;
    const contents = window.webContents;
    if (event.sender !== contents) return false;
    const frame = event.senderFrame;
    if (!frame || frame !== contents.mainFrame) return false;
    try {
      return isAppUrl(frame.url);
    } catch {
      // A frame disposed while its message was in flight throws on access.
      return false;
    }
  };
}

/**
 * Sends every core event to the window as `{ event, payload }` on the one event channel.
 * Events while there is no window, or while it shows anything but our page, are dropped: the
 * renderer reloads its state when it (re)starts anyway.
 */
export function forwardEvents(
  events: Pick<Core['events'], 'subscribe'>,
  getContents: () => WebContents | null,
  isAppUrl: (url: string) => boolean,
): () => void {
  return events.subscribe((event, payload) => {
    const contents = getContents();
    if (!contents || contents.isDestroyed() || !isAppUrl(contents.getURL())) return;
    contents.send(IPC_EVENT_CHANNEL, { event, payload });
  });
}
