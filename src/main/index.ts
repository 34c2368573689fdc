/**
 * The desktop shell's entry point (out/main/index.js). Deliberately thin: the behaviour lives
 * in ./shell, which takes Electron's modules as arguments so it can be tested without the
 * Electron binary (see test/shell).
 */
import { BrowserWindow, Menu, Notification, Tray, app, dialog, ipcMain, nativeImage, net, powerMonitor, screen, session, shell } from 'electron';
import { createCore } from './core';
import { runDesktopShell } from './shell/lifecycle';
import { openPreferenceStore } from './shell/preferences';
import { shellStrings } from '../shared/shellStrings';

runDesktopShell({
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  // Electron refuses to load the screen module before 'ready'; these run only after it.
  screen: {
    getAllDisplays: () => screen.getAllDisplays(),
    getDisplayMatching: (rect) => screen.getDisplayMatching(rect),
    getPrimaryDisplay: () => screen.getPrimaryDisplay(),
  },
  session,
  shell,
  argv: process.argv,
  net,
  powerMonitor,
  tray: { Tray, Menu, nativeImage },
  notifications: Notification,
  mainDir: __dirname,
  createCore,
  openPreferenceStore,
}).catch((error: unknown) => {
  console.error('Leitstand failed to start:', error);
  // The settings may be what failed to open, so the box speaks the system's language.
  dialog.showErrorBox(shellStrings('system', app.getLocale()).cannotStart, error instanceof Error ? error.message : String(error));
  app.exit(1);
});
