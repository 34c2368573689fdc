import type { InboxSettings } from '../../../shared/contract/inbox';
import type { Network } from '../../../shared/contract/items';
import { dueFor } from '../../../shared/inbox/responseClock';
import type { AccountRepository } from '../accounts/accountRepository';
import { analysisText } from '../insight/pipeline';
import { applyRules } from '../rules/matchRules';
import { analyzeWithModel, withAnalysis, type AnalyzeText } from '../rules/ruleAnalysis';
import type { RuleRepository } from '../rules/ruleRepository';
import type { Db } from '../store/database';
import type { StreamRecord, StreamRepository } from '../streams/streamRepository';
import type { InboxRepository, NewInboxRow } from './inboxRepository';
import { OwnAccounts } from './ownAccounts';

const HOUR_MS = 60 * 60_000;
/** An item's own time counts as "received", but a late-arriving old post does not start out overdue by weeks. */
const RECEIVED_FLOOR_MS = 7 * 24 * HOUR_MS;
/**
 * How far before an account was connected its mentions still reach the inbox. The first poll of
 * a new source reads a page of recent history; without this, connecting an account would bury
 * the inbox under months of old mentions (they are stored and searchable, just not triaged).
 */
const HISTORY_GRACE_MS = 24 * HOUR_MS;

interface ItemFacts {
  id: number;
  network: Network;
  title: string | null;
  text: string;
  created_ms: number;
  language: string | null;
  reply_to: string | null;
  raw: string | null;
  author_handle: string | null;
  followers: number | null;
}

export interface IntakeDeps {
  db: Db;
  now: () => Date;
  streams: StreamRepository;
  accounts: AccountRepository;
  inbox: InboxRepository;
  rules: RuleRepository;
  settings: (workspaceId: string) => InboxSettings;
  /** A rule may still name an agent removed since; such an assignment is dropped. */
  isAgent: (workspaceId: string, agentId: string) => boolean;
  /** The on-device analysis, so rules can look at sentiment and inquiry type (the shared analyzer by default). */
  analyze?: AnalyzeText;
  log?: (message: string) => void;
}

/**
 * Decides which newly stored items of a stream need an answer and files them: everything from an
 * account's hidden inbox source (mentions, replies, quotes), and everything a "needs answer"
 * column pulls in, except what the workspace's own accounts wrote. Rules run once, here.
 * Returns the new inbox ids (items already in the workspace's inbox are left as they are).
 */
export function createIntake(deps: IntakeDeps): (streamId: string, itemIds: readonly number[]) => { workspaceId: string; ids: number[] } | null {
  const { db, inbox } = deps;
  const analyze = deps.analyze ?? analyzeWithModel;
  const log = deps.log ?? (() => {});
  const facts = db.prepare(`
    SELECT i.id, i.network, i.title, i.text, i.created_ms, i.language, i.reply_to,
           CASE WHEN i.reply_to IS NULL THEN NULL ELSE i.raw END AS raw,
           a.handle AS author_handle, a.followers
    FROM items i LEFT JOIN authors a ON a.id = i.author_id WHERE i.id = ?`);

  const cutoffOf = (stream: StreamRecord): number => {
    let connectedAt = Date.parse(stream.createdAt);
    if (stream.role === 'inbox' && stream.accountId) {
      try {
        connectedAt = Date.parse(deps.accounts.get(stream.accountId).createdAt);
      } catch {
        // the account went meanwhile: the stream's own age is the next best thing
      }
    }
    return connectedAt - HISTORY_GRACE_MS;
  };

  return db.transaction((streamId: string, itemIds: readonly number[]) => {
    if (itemIds.length === 0) return null;
    let stream: StreamRecord;
    try {
      stream = deps.streams.get(streamId);
    } catch {
      return null;
    }
    if (stream.role !== 'inbox' && !stream.needsAnswer) return null;
    const { workspaceId } = stream;
    const nowMs = deps.now().getTime();
    const stamp = new Date(nowMs).toISOString();
    const own = new OwnAccounts(db, deps.accounts.listByWorkspace(workspaceId));
    const cutoff = cutoffOf(stream);
    const settings = deps.settings(workspaceId);
    const rules = deps.rules.list(workspaceId);
    const needsAnalysis = rules.some((rule) => rule.enabled && (rule.conditions.sentiments.length > 0 || rule.conditions.inquiryTypes.length > 0));
    const ids: number[] = [];
    for (const itemId of itemIds) {
      const item = facts.get(itemId) as ItemFacts | undefined;
      if (!item || item.created_ms < cutoff) continue;
      if (own.isOwnHandle(item.network, item.author_handle)) continue;
      const receivedMs = Math.min(nowMs, Math.max(item.created_ms, nowMs - RECEIVED_FLOOR_MS));
      const sample = {
        text: [item.title, item.text].filter(Boolean).join('\n'),
        network: item.network,
        streamId: stream.id,
        language: item.language,
        followers: item.followers,
      };
      // Analysed here, synchronously, when a rule asks for it; the pipeline analyses the stored
      // item again for the dashboard, from the same text and fallback language, so both agree.
      const outcome = applyRules(rules, needsAnalysis ? withAnalysis(sample, analyze, log, analysisText(item.title, item.text)) : sample);
      const row: NewInboxRow = {
        workspaceId,
        itemId: item.id,
        reason: stream.role === 'inbox' ? (item.reply_to && own.isReplyToOwn(item.network, item.reply_to, parseRaw(item.raw)) ? 'reply' : 'mention') : 'stream',
        streamId: stream.id,
        accountId: stream.accountId,
        assigneeId: outcome.assigneeId !== null && deps.isAgent(workspaceId, outcome.assigneeId) ? outcome.assigneeId : null,
        receivedMs,
        dueMs: dueFor(receivedMs, settings),
      };
      const id = inbox.insert(row, stamp);
      if (id === null) continue;
      inbox.addTags(id, outcome.tags);
      ids.push(id);
    }
    return ids.length > 0 ? { workspaceId, ids } : null;
  });
}

function parseRaw(raw: string | null): unknown {
  if (raw === null) return undefined;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return undefined;
  }
}
