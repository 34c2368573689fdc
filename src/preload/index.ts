/**
 * The preload (out/preload/index.js): runs sandboxed and context-isolated, and hands the page
 * exactly one thing, `window.leitstand`, a typed client with one function per contract method
 * and `on(event, listener)`. There is deliberately no generic invoke(channel, ...): the page can
 * reach the contract's methods and nothing else the main process might listen on.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { createPreloadClient } from './client';

contextBridge.exposeInMainWorld('leitstand', createPreloadClient(ipcRenderer));
