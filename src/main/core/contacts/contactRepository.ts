import { AppError } from '../../../shared/contract/errors';
import type { AuthorRef, ContactIdentity, InboxNote } from '../../../shared/contract/inbox';
import type { Network } from '../../../shared/contract/items';
import type { Db } from '../store/database';
import { IN_WORKSPACE, JOIN_INBOX } from './workspaceItems';

export interface AuthorRow {
  id: number;
  network: Network;
  remote_id: string;
  handle: string | null;
  display_name: string | null;
  avatar_url: string | null;
  url: string | null;
  followers: number | null;
}

interface NoteRow {
  id: number;
  agent_id: string | null;
  text: string;
  created_at: string;
}

/**
 * Contacts in SQLite. An author (global per network and remote id) is a contact of one identity
 * until the team says something about them in a workspace: a note, a tag or a second linked
 * profile. Then a `contacts` row of that workspace holds the identities, tags and notes. A
 * contact left with one identity and nothing said is removed again (see prune).
 */
export class ContactRepository {
  private readonly s: ReturnType<typeof prepare>;

  constructor(
    private readonly db: Db,
    private readonly now: () => Date,
  ) {
    this.s = prepare(db);
  }

  /**
   * The author, if the workspace knows them: they wrote something it has, or the team linked
   * them. Authors are shared by all workspaces; one client's people must not show in another's.
   */
  author(workspaceId: string, ref: AuthorRef): AuthorRow {
    const row = this.s.authorByRef.get(ref.network, ref.remoteId) as AuthorRow | undefined;
    const known = row && (this.s.isIdentity.get(workspaceId, row.id) || this.s.hasWorkspaceItem.get({ workspaceId, authorId: row.id }));
    if (!row || !known) {
      throw new AppError('not_found', `The workspace has seen no author ${ref.remoteId} on ${ref.network}.`);
    }
    return row;
  }

  contactIdOf(workspaceId: string, authorId: number): number | null {
    const row = this.s.contactOf.get(workspaceId, authorId) as { contact_id: number } | undefined;
    return row?.contact_id ?? null;
  }

  /** The author ids of the person: every linked identity, or the author alone. */
  identityIds(workspaceId: string, authorId: number): number[] {
    const contactId = this.contactIdOf(workspaceId, authorId);
    if (contactId === null) return [authorId];
    return (this.s.identities.all(contactId) as Array<{ author_id: number }>).map((r) => r.author_id);
  }

  identities(authorIds: readonly number[]): ContactIdentity[] {
    return authorIds
      .map((id) => this.s.authorById.get(id) as AuthorRow | undefined)
      .filter((row): row is AuthorRow => row !== undefined)
      .map(toIdentity);
  }

  tags(contactId: number | null): string[] {
    if (contactId === null) return [];
    return (this.s.tags.all(contactId) as Array<{ tag: string }>).map((r) => r.tag);
  }

  notes(contactId: number | null): InboxNote[] {
    if (contactId === null) return [];
    return (this.s.notes.all(contactId) as NoteRow[]).map((row) => ({
      id: row.id,
      agentId: row.agent_id,
      text: row.text,
      createdAt: row.created_at,
    }));
  }

  /** The author's contact, made now if there was none. */
  ensureContact(workspaceId: string, authorId: number): number {
    const existing = this.contactIdOf(workspaceId, authorId);
    if (existing !== null) return existing;
    const { id } = this.s.insertContact.get(workspaceId, this.now().toISOString()) as { id: number };
    this.s.insertIdentity.run(id, workspaceId, authorId);
    return id;
  }

  addNote(workspaceId: string, authorId: number, agentId: string | null, text: string): void {
    this.db.transaction(() => {
      const contactId = this.ensureContact(workspaceId, authorId);
      // The current agent may have been removed meanwhile; the note is kept, unsigned.
      const agent = agentId && this.s.agentInWorkspace.get(agentId, workspaceId) ? agentId : null;
      this.s.insertNote.run(contactId, agent, text, this.now().toISOString());
    })();
  }

  setTags(workspaceId: string, authorId: number, tags: readonly string[]): void {
    this.db.transaction(() => {
      const contactId = tags.length > 0 ? this.ensureContact(workspaceId, authorId) : this.contactIdOf(workspaceId, authorId);
      if (contactId === null) return;
      this.s.clearTags.run(contactId);
      for (const tag of new Set(tags)) this.s.insertTag.run(contactId, tag);
      this.prune(contactId);
    })();
  }

  /**
   * The two are one person. When both already are contacts, the other's contact is merged into
   * the author's: identities, tags and notes move, nothing is lost.
   */
  link(workspaceId: string, authorId: number, otherId: number): void {
    this.db.transaction(() => {
      const contactId = this.ensureContact(workspaceId, authorId);
      const otherContact = this.contactIdOf(workspaceId, otherId);
      if (otherContact === contactId) return;
      if (otherContact === null) {
        this.s.insertIdentity.run(contactId, workspaceId, otherId);
        return;
      }
      this.s.moveIdentities.run(contactId, otherContact);
      this.s.copyTags.run(contactId, otherContact);
      this.s.moveNotes.run(contactId, otherContact);
      this.s.deleteContact.run(otherContact);
    })();
  }

  /**
   * Takes the author out of their contact; notes and tags stay with the identities that remain.
   * Returns an author id of what remains (the author itself when nothing does).
   */
  unlink(workspaceId: string, authorId: number): number {
    return this.db.transaction(() => {
      const contactId = this.contactIdOf(workspaceId, authorId);
      if (contactId === null) return authorId;
      const ids = (this.s.identities.all(contactId) as Array<{ author_id: number }>).map((r) => r.author_id);
      const rest = ids.filter((id) => id !== authorId);
      if (rest.length === 0) return authorId;
      this.s.deleteIdentity.run(workspaceId, authorId);
      this.prune(contactId);
      return rest[0]!;
    })();
  }

  /** A contact with one identity, no tags and no notes says nothing: back to a plain author. */
  private prune(contactId: number): void {
    const { identities, said } = this.s.contactWeight.get({ id: contactId }) as { identities: number; said: number };
    if (identities <= 1 && said === 0) this.s.deleteContact.run(contactId);
  }
}

/** An author row as the contract's identity (also what author search returns). */
export function toIdentity(row: AuthorRow): ContactIdentity {
  return {
    network: row.network,
    remoteId: row.remote_id,
    handle: row.handle,
    displayName: row.display_name,
    avatarUrl: row.avatar_url,
    url: row.url,
    followers: row.followers,
  };
}

function prepare(db: Db) {
  return {
    authorByRef: db.prepare('SELECT * FROM authors WHERE network = ? AND remote_id = ?'),
    authorById: db.prepare('SELECT * FROM authors WHERE id = ?'),
    isIdentity: db.prepare('SELECT 1 FROM contact_identities WHERE workspace_id = ? AND author_id = ?'),
    hasWorkspaceItem: db.prepare(`SELECT 1 FROM items i ${JOIN_INBOX} WHERE i.author_id = @authorId AND ${IN_WORKSPACE} LIMIT 1`),
    contactOf: db.prepare('SELECT contact_id FROM contact_identities WHERE workspace_id = ? AND author_id = ?'),
    identities: db.prepare('SELECT author_id FROM contact_identities WHERE contact_id = ? ORDER BY author_id'),
    tags: db.prepare('SELECT tag FROM contact_tags WHERE contact_id = ? ORDER BY tag'),
    notes: db.prepare('SELECT id, agent_id, text, created_at FROM contact_notes WHERE contact_id = ? ORDER BY id'),
    insertContact: db.prepare('INSERT INTO contacts (workspace_id, created_at) VALUES (?, ?) RETURNING id'),
    insertIdentity: db.prepare('INSERT INTO contact_identities (contact_id, workspace_id, author_id) VALUES (?, ?, ?)'),
    deleteIdentity: db.prepare('DELETE FROM contact_identities WHERE workspace_id = ? AND author_id = ?'),
    agentInWorkspace: db.prepare('SELECT 1 FROM agents WHERE id = ? AND workspace_id = ?'),
    insertNote: db.prepare('INSERT INTO contact_notes (contact_id, agent_id, text, created_at) VALUES (?, ?, ?, ?)'),
    clearTags: db.prepare('DELETE FROM contact_tags WHERE contact_id = ?'),
    insertTag: db.prepare('INSERT OR IGNORE INTO contact_tags (contact_id, tag) VALUES (?, ?)'),
    moveIdentities: db.prepare('UPDATE contact_identities SET contact_id = ? WHERE contact_id = ?'),
    copyTags: db.prepare('INSERT OR IGNORE INTO contact_tags (contact_id, tag) SELECT ?, tag FROM contact_tags WHERE contact_id = ?'),
    moveNotes: db.prepare('UPDATE contact_notes SET contact_id = ? WHERE contact_id = ?'),
    deleteContact: db.prepare('DELETE FROM contacts WHERE id = ?'),
    contactWeight: db.prepare(`
      SELECT (SELECT COUNT(*) FROM contact_identities WHERE contact_id = @id) AS identities,
             EXISTS (SELECT 1 FROM contact_tags WHERE contact_id = @id) + EXISTS (SELECT 1 FROM contact_notes WHERE contact_id = @id) AS said`),
  };
}
