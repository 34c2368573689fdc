import type { Statement } from 'better-sqlite3';
import type { ContactIdentity } from '../../../shared/contract/inbox';
import type { Db } from '../store/database';
import { toIdentity, type AuthorRow } from './contactRepository';
import { IN_WORKSPACE, JOIN_INBOX } from './workspaceItems';

const MAX_RESULTS = 20;
const FOLD_FUNCTION = 'leitstand_contacts_fold';

/**
 * Authors the workspace has items of, by a piece of their handle or name (for linking profiles).
 * LIKE ignores case for ASCII only; for text with other letters ("Ösi", "Çelik") the comparison
 * goes through a JavaScript lower-casing function instead, which is slower, so only then.
 * Prefix matches come first, then the most followed.
 */
export class AuthorSearch {
  private readonly ascii: Statement;
  private readonly unicode: Statement;

  constructor(db: Db) {
    db.function(FOLD_FUNCTION, { deterministic: true }, (value: unknown) => (typeof value === 'string' ? value.toLowerCase() : null));
    const query = (match: string, prefix: string) =>
      db.prepare(`
        SELECT a.* FROM authors a
        WHERE (${match}) AND EXISTS (
          SELECT 1 FROM items i ${JOIN_INBOX} WHERE i.author_id = a.id AND ${IN_WORKSPACE})
        ORDER BY (${prefix}) DESC, a.followers IS NULL, a.followers DESC, a.handle, a.id
        LIMIT ${MAX_RESULTS}`);
    this.ascii = query(
      "a.handle LIKE @contains ESCAPE '\\' OR a.display_name LIKE @contains ESCAPE '\\'",
      "a.handle LIKE @starts ESCAPE '\\' OR a.display_name LIKE @starts ESCAPE '\\'",
    );
    this.unicode = query(
      `instr(${FOLD_FUNCTION}(a.handle), @text) > 0 OR instr(${FOLD_FUNCTION}(a.display_name), @text) > 0`,
      `instr(${FOLD_FUNCTION}(a.handle), @text) = 1 OR instr(${FOLD_FUNCTION}(a.display_name), @text) = 1`,
    );
  }

  search(workspaceId: string, text: string): ContactIdentity[] {
    const lower = text.toLowerCase();
    const escaped = lower.replace(/[\\%_]/g, (c) => `\\${c}`);
    // eslint-disable-next-line no-control-regex
    const rows = (/^[\u0000-\u007f]*$/.test(lower)
      ? this.ascii.all({ workspaceId, contains: `%${escaped}%`, starts: `${escaped}%` })
      : this.unicode.all({ workspaceId, text: lower })) as AuthorRow[];
    return rows.map(toIdentity);
  }
}
