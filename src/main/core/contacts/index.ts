import { AppError } from '../../../shared/contract/errors';
import type { AuthorRef, Contact } from '../../../shared/contract/inbox';
import type { HandlersFor } from '../featureHandlers';
import type { ItemStore } from '../items/itemStore';
import type { Db } from '../store/database';
import type { WorkspaceRepository } from '../workspaces/workspaceRepository';
import { AuthorSearch } from './authorSearch';
import { ContactHistory } from './contactHistory';
import { ContactRepository, type AuthorRow } from './contactRepository';

export interface ContactDeps {
  db: Db;
  now: () => Date;
  items: ItemStore;
  workspaces: WorkspaceRepository;
  /** The agent working at this machine for the workspace: who signs a note. */
  currentAgentId(workspaceId: string): string | null;
}

type ContactMethod =
  | 'contacts.get'
  | 'contacts.history'
  | 'contacts.addNote'
  | 'contacts.setTags'
  | 'contacts.link'
  | 'contacts.unlink'
  | 'contacts.searchAuthors';

const DEFAULT_HISTORY_PAGE = 50;

/**
 * Contacts: the person behind an author, with every linked profile, across networks, and what
 * the team noted about them, per workspace ("no Alzheimer principle"). Reads may look at an
 * archived workspace; changes need a live one.
 */
export function createContactHandlers(deps: ContactDeps): HandlersFor<ContactMethod> {
  const contacts = new ContactRepository(deps.db, deps.now);
  const history = new ContactHistory(deps.db, deps.items);
  const authors = new AuthorSearch(deps.db);

  const read = (workspaceId: string, ref: AuthorRef): AuthorRow => {
    deps.workspaces.get(workspaceId);
    return contacts.author(workspaceId, ref);
  };
  const write = (workspaceId: string, ref: AuthorRef): AuthorRow => {
    deps.workspaces.assertLive(workspaceId);
    return contacts.author(workspaceId, ref);
  };

  const contactOf = (workspaceId: string, authorId: number): Contact => {
    const contactId = contacts.contactIdOf(workspaceId, authorId);
    const authorIds = contacts.identityIds(workspaceId, authorId);
    return {
      workspaceId,
      identities: contacts.identities(authorIds),
      tags: contacts.tags(contactId),
      notes: contacts.notes(contactId),
      ...history.stats(workspaceId, authorIds),
    };
  };

  return {
    'contacts.get': ({ workspaceId, author }) => contactOf(workspaceId, read(workspaceId, author).id),
    'contacts.history': ({ workspaceId, author, after, limit }) => {
      const { id } = read(workspaceId, author);
      return history.page(workspaceId, contacts.identityIds(workspaceId, id), after ?? null, limit ?? DEFAULT_HISTORY_PAGE);
    },
    'contacts.addNote': ({ workspaceId, author, text }) => {
      const { id } = write(workspaceId, author);
      contacts.addNote(workspaceId, id, deps.currentAgentId(workspaceId), text);
      return contactOf(workspaceId, id);
    },
    'contacts.setTags': ({ workspaceId, author, tags }) => {
      const { id } = write(workspaceId, author);
      contacts.setTags(workspaceId, id, tags);
      return contactOf(workspaceId, id);
    },
    'contacts.link': ({ workspaceId, author, other }) => {
      const { id } = write(workspaceId, author);
      const otherId = contacts.author(workspaceId, other).id;
      if (otherId === id) throw new AppError('invalid_params', 'A profile cannot be linked to itself.');
      contacts.link(workspaceId, id, otherId);
      return contactOf(workspaceId, id);
    },
    /** Answers the contact the profile was taken out of (what the contact panel shows next). */
    'contacts.unlink': ({ workspaceId, author }) => {
      const { id } = write(workspaceId, author);
      return contactOf(workspaceId, contacts.unlink(workspaceId, id));
    },
    'contacts.searchAuthors': ({ workspaceId, text }) => {
      deps.workspaces.get(workspaceId);
      return { authors: authors.search(workspaceId, text) };
    },
  };
}
