export { createPoller, DEFAULT_POLLER_OPTIONS } from './poller';
export { systemClock, watchForWake, type Clock, type TimerHandle } from './clock';
export { alwaysOnline, ConnectivityMonitor, networkInterfacesProbe, type Connectivity, type ConnectivityProbe } from './connectivity';
export { defaultHostKey } from './hostLimits';
export type { PollErrorKind } from './errors';
export type { PolledStream, Poller, PollerDeps, PollerLog, PollerOptions, PollerStore, PollState, PollStatus } from './types';
