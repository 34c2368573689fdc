// What the crash test's parent and its child process (child.ts) tell each other: the child's
// orders come as JSON in an environment variable, its observations go to a report file as JSON
// lines (appendFileSync: each line is on disk before the next statement, SIGKILL included).

export type KillPoint =
  /** composer.send committed the entry as 'scheduled'; the outbox has not picked it up yet. */
  | 'after-scheduled'
  /** 'publishing' is committed, the network has not been asked (the wrapper kills before delegating). */
  | 'before-network'
  /** The network answered, 'published' is not written yet (the wrapper kills after the delegate resolved). */
  | 'after-network'
  /** 'published' is committed (killed from the outbox.changed event). */
  | 'after-published'
  /** Whatever the outbox is doing after a random delay. */
  | 'random';

export const KILL_POINTS: readonly KillPoint[] = ['after-scheduled', 'before-network', 'after-network', 'after-published', 'random'];

export interface ChildOrders {
  round: number;
  dataDir: string;
  vaultFile: string;
  reportFile: string;
  network: 'bluesky' | 'mastodon';
  workspaceId: string;
  accountId: string;
  /** Posts to send through the composer once everything from earlier runs is published. */
  texts: string[];
  /** null: no kill; publish everything, close cleanly and exit 0. */
  kill: { point: Exclude<KillPoint, 'random'>; targetText: string } | { point: 'random'; delayMs: number } | null;
  /** The child gives up (exit 3) when it is not done by then. */
  timeoutMs: number;
}

/** The outbox row of one post as the child saw it at the moment it killed itself. */
export interface RowAtKill {
  text: string;
  state: string;
  attempts: number;
  remoteId: string | null;
}

export type ReportLine =
  | { kind: 'started'; round: number; pid: number }
  /**
   * Every entry left by earlier runs is 'published' (reconciled after the previous kill);
   * `published` lists their texts: the posts that reached the outbox, which must each be on the
   * network exactly once (a post the user never got to send must be there zero times).
   */
  | { kind: 'reconciled'; round: number; ms: number; leftovers: number; published: string[] }
  | { kind: 'sent'; round: number; texts: string[] }
  | { kind: 'kill'; round: number; point: KillPoint; rows: RowAtKill[]; networkAnswer?: string }
  | { kind: 'done'; round: number }
  | { kind: 'log'; round: number; message: string }
  | { kind: 'error'; round: number; message: string };

export const ORDERS_ENV = 'LEITSTAND_CRASH_ORDERS';
