export { createCore, type Core, type CoreOptions } from './createCore';
export type { Vault, VaultEntry } from './vault/vault';
export { ConnectivityMonitor } from './polling';
