import type { Migration } from './index';

/**
 * The inbox (what needs an answer), the people behind it, the composer's drafts and saved
 * replies, and the outbox that publishes exactly once. Everything is scoped by workspace.
 *
 * - `streams.role` separates deck columns ('column') from the hidden per-account sources that
 *   feed the inbox with mentions and replies ('inbox'); `needs_answer` makes a column an inbox source.
 * - `inbox_items.due_ms` is the response goal's deadline in business time, computed when the
 *   item arrives (and again when the goal changes), so "due first" is an index read.
 * - Contacts exist only once the team says something about a person (a note, a tag, a linked
 *   second profile); until then an author is a contact of one identity.
 * - `media` holds attachment bytes for a draft or, once sent, for an outbox entry: the bytes
 *   move with the post, so a crash between "send" and "published" loses nothing.
 * - `outbox.idempotency_key` is chosen and stored before any network call (Bluesky: the record
 *   key; Mastodon: the Idempotency-Key header), which makes a retry after a crash safe.
 */
export const m006InboxAndOutbox: Migration = {
  version: 6,
  name: 'inbox, contacts, drafts, saved replies and outbox',
  sql: `
    ALTER TABLE streams ADD COLUMN role TEXT NOT NULL DEFAULT 'column';
    ALTER TABLE streams ADD COLUMN needs_answer INTEGER NOT NULL DEFAULT 0;

    CREATE TABLE agents (
      id           TEXT PRIMARY KEY,
      workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
      name         TEXT NOT NULL,
      initials     TEXT NOT NULL,
      signature    TEXT NOT NULL,
      created_at   TEXT NOT NULL,
      updated_at   TEXT NOT NULL
    ) STRICT;
    CREATE INDEX agents_by_workspace ON agents(workspace_id);

    CREATE TABLE inbox_settings (
      workspace_id TEXT PRIMARY KEY REFERENCES workspaces(id) ON DELETE CASCADE,
      settings     TEXT NOT NULL
    ) STRICT;

    CREATE TABLE inbox_items (
      id                INTEGER PRIMARY KEY,
      workspace_id      TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
      item_id           INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
      reason            TEXT NOT NULL,
      stream_id         TEXT REFERENCES streams(id) ON DELETE SET NULL,
      account_id        TEXT REFERENCES accounts(id) ON DELETE SET NULL,
      status            TEXT NOT NULL DEFAULT 'open',
      assignee_id       TEXT REFERENCES agents(id) ON DELETE SET NULL,
      received_ms       INTEGER NOT NULL,
      due_ms            INTEGER,
      follow_up_ms      INTEGER,
      first_response_ms INTEGER,
      updated_at        TEXT NOT NULL,
      UNIQUE (workspace_id, item_id)
    ) STRICT;
    CREATE INDEX inbox_due ON inbox_items(workspace_id, status, due_ms, id);
    CREATE INDEX inbox_done ON inbox_items(workspace_id, status, received_ms DESC, id);
    CREATE INDEX inbox_follow_up ON inbox_items(follow_up_ms) WHERE follow_up_ms IS NOT NULL;
    CREATE INDEX inbox_by_item ON inbox_items(item_id);

    CREATE TABLE inbox_tags (
      inbox_id INTEGER NOT NULL REFERENCES inbox_items(id) ON DELETE CASCADE,
      tag      TEXT NOT NULL,
      PRIMARY KEY (inbox_id, tag)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX inbox_tags_by_tag ON inbox_tags(tag, inbox_id);

    CREATE TABLE inbox_notes (
      id         INTEGER PRIMARY KEY,
      inbox_id   INTEGER NOT NULL REFERENCES inbox_items(id) ON DELETE CASCADE,
      agent_id   TEXT REFERENCES agents(id) ON DELETE SET NULL,
      text       TEXT NOT NULL,
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX inbox_notes_by_item ON inbox_notes(inbox_id, id);

    CREATE TABLE inbox_rules (
      id           TEXT PRIMARY KEY,
      workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
      position     INTEGER NOT NULL,
      name         TEXT NOT NULL,
      enabled      INTEGER NOT NULL DEFAULT 1,
      conditions   TEXT NOT NULL,
      actions      TEXT NOT NULL,
      created_at   TEXT NOT NULL,
      updated_at   TEXT NOT NULL
    ) STRICT;
    CREATE INDEX inbox_rules_by_workspace ON inbox_rules(workspace_id, position);

    CREATE TABLE contacts (
      id           INTEGER PRIMARY KEY,
      workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
      created_at   TEXT NOT NULL
    ) STRICT;
    CREATE TABLE contact_identities (
      contact_id   INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
      workspace_id TEXT NOT NULL,
      author_id    INTEGER NOT NULL REFERENCES authors(id) ON DELETE CASCADE,
      PRIMARY KEY (workspace_id, author_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX contact_identities_by_contact ON contact_identities(contact_id);
    CREATE TABLE contact_tags (
      contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
      tag        TEXT NOT NULL,
      PRIMARY KEY (contact_id, tag)
    ) STRICT, WITHOUT ROWID;
    CREATE TABLE contact_notes (
      id         INTEGER PRIMARY KEY,
      contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
      agent_id   TEXT REFERENCES agents(id) ON DELETE SET NULL,
      text       TEXT NOT NULL,
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX contact_notes_by_contact ON contact_notes(contact_id, id);

    CREATE TABLE saved_replies (
      id           TEXT PRIMARY KEY,
      workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
      title        TEXT NOT NULL,
      body         TEXT NOT NULL,
      keywords     TEXT NOT NULL DEFAULT '[]',
      created_at   TEXT NOT NULL,
      updated_at   TEXT NOT NULL
    ) STRICT;
    CREATE INDEX saved_replies_by_workspace ON saved_replies(workspace_id, title);

    CREATE TABLE drafts (
      id            TEXT PRIMARY KEY,
      workspace_id  TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
      draft_key     TEXT NOT NULL,
      inbox_id      INTEGER REFERENCES inbox_items(id) ON DELETE SET NULL,
      reply_to_item INTEGER REFERENCES items(id) ON DELETE SET NULL,
      account_id    TEXT REFERENCES accounts(id) ON DELETE SET NULL,
      body          TEXT NOT NULL,
      updated_at    TEXT NOT NULL,
      UNIQUE (workspace_id, draft_key)
    ) STRICT;

    CREATE TABLE outbox (
      id              TEXT PRIMARY KEY,
      workspace_id    TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
      account_id      TEXT REFERENCES accounts(id) ON DELETE SET NULL,
      network         TEXT NOT NULL,
      inbox_id        INTEGER REFERENCES inbox_items(id) ON DELETE SET NULL,
      reply_to_item   INTEGER REFERENCES items(id) ON DELETE SET NULL,
      state           TEXT NOT NULL,
      idempotency_key TEXT NOT NULL UNIQUE,
      body            TEXT NOT NULL,
      due_ms          INTEGER NOT NULL,
      time_zone       TEXT,
      attempts        INTEGER NOT NULL DEFAULT 0,
      error           TEXT,
      remote_id       TEXT,
      remote_url      TEXT,
      item_id         INTEGER REFERENCES items(id) ON DELETE SET NULL,
      created_at      TEXT NOT NULL,
      updated_at      TEXT NOT NULL,
      published_at    TEXT
    ) STRICT;
    CREATE INDEX outbox_due ON outbox(state, due_ms);
    CREATE INDEX outbox_by_workspace ON outbox(workspace_id, created_at);
    CREATE INDEX outbox_by_reply_to ON outbox(reply_to_item);

    CREATE TABLE media (
      id         TEXT PRIMARY KEY,
      draft_id   TEXT REFERENCES drafts(id) ON DELETE CASCADE,
      outbox_id  TEXT REFERENCES outbox(id) ON DELETE CASCADE,
      position   INTEGER NOT NULL,
      file_name  TEXT NOT NULL,
      mime_type  TEXT NOT NULL,
      size       INTEGER NOT NULL,
      alt        TEXT NOT NULL DEFAULT '',
      bytes      BLOB NOT NULL,
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX media_by_draft ON media(draft_id, position);
    CREATE INDEX media_by_outbox ON media(outbox_id, position);
  `,
};
