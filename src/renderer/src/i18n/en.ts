/**
 * English UI strings. This object is the reference shape: `de.ts` must have exactly the same keys
 * (checked by the type `Messages`), and `t()` only accepts keys that exist here.
 */
export const en = {
  app: {
    name: 'Leitstand',
    loading: 'Connecting to Leitstand…',
    documentTitle: '{{workspace}} – Leitstand',
  },
  connection: {
    missingTokenTitle: 'Open Leitstand with its access link',
    missingTokenBody:
      'This browser tab has no access key, so Leitstand cannot let it in. The key is part of the link the host prints when it starts.',
    refusedTitle: 'Leitstand cannot be reached',
    refusedBody:
      'The Leitstand host refused this tab or is not running. Its access key changes every time it starts, so a link from an earlier start no longer works.',
    howTo: 'Start the host with <code>{{command}}</code> and open the URL it prints on its first line.',
    urlShape: 'It looks like <code>{{example}}</code>',
    retry: 'Try again',
    reconnecting: 'The connection to the Leitstand host was lost. Reconnecting…',
    reconnectingHint: 'If the host was restarted, open the new URL it printed.',
  },
  sidebar: {
    label: 'Workspaces',
    workspacesHeading: 'Workspaces',
    newWorkspace: 'New workspace',
    archivedHeading: 'Archived',
    archivedSummary: 'Archived ({{count}})',
    restore: 'Restore',
    restoreNamed: 'Restore {{name}}',
    delete: 'Delete',
    deleteNamed: 'Delete {{name}}',
    settings: 'Settings',
  },
  shortcut: {
    ctrl: 'Ctrl+{{n}}',
    mac: '⌘{{n}}',
  },
  workspace: {
    kicker: 'Workspace',
    actions: 'Workspace actions',
    rename: 'Rename',
    archive: 'Archive',
    emptyTitle: 'This workspace is still empty',
    emptyBody:
      'Here you will watch everything about this client or brand: the accounts you manage, the searches and mentions you follow, and the messages that need an answer.',
    nextStepsHeading: 'What comes next',
    nextConnect: 'Connect the accounts of this workspace (Bluesky, Mastodon, RSS and Atom feeds).',
    nextColumns: 'Add columns for searches, mentions, hashtags and feeds.',
    comingSoon:
      'Neither is part of this version of Leitstand yet; both arrive with the next updates. Until then you can set up and organise your workspaces.',
  },
  welcome: {
    title: 'Welcome to Leitstand',
    body:
      'Leitstand keeps each client profile or brand in a workspace of its own, for example “Migros” or “Own brand”. Each workspace has its own accounts, streams and inbox, so that clients never get mixed up.',
    create: 'Create your first workspace',
    onlyArchivedTitle: 'No active workspace',
    onlyArchivedBody:
      'All your workspaces are archived. Restore one from the archive in the sidebar, or create a new one.',
    createAnother: 'Create a workspace',
  },
  dialogs: {
    cancel: 'Cancel',
    close: 'Close',
    nameLabel: 'Name',
    nameHint: 'The client or brand, for example “Migros” or “Own brand”.',
    nameRequired: 'Please enter a name.',
    create: {
      title: 'New workspace',
      submit: 'Create workspace',
    },
    rename: {
      title: 'Rename workspace',
      submit: 'Rename',
    },
    archive: {
      title: 'Archive “{{name}}”?',
      body: 'The workspace leaves the sidebar and moves to the archive. Nothing is deleted: you can restore it at any time.',
      confirm: 'Archive',
    },
    delete: {
      title: 'Delete “{{name}}” for good?',
      body: 'The workspace, its accounts and their keys in the system keychain are removed. This cannot be undone.',
      confirm: 'Delete for good',
    },
  },
  settings: {
    title: 'Settings',
    language: 'Language',
    theme: 'Appearance',
    languageOptions: {
      system: 'System ({{language}})',
      de: 'Deutsch',
      en: 'English',
    },
    themeOptions: {
      system: 'System',
      light: 'Light',
      dark: 'Dark',
    },
    savedHint: 'Changes apply at once and are remembered.',
  },
  errors: {
    dismiss: 'Dismiss',
    detail: 'Details: {{message}}',
    reasons: {
      workspace_name_taken: 'A workspace named “{{name}}” already exists. Choose another name.',
      workspace_not_archived: 'Archive the workspace “{{name}}” before deleting it.',
      workspace_archived: 'The workspace “{{name}}” is archived. Restore it first.',
      login_rejected: 'The server did not accept this handle and app password.',
      app_password_required: 'Please use an app password, not your account password. Create one in Bluesky under Settings › Privacy and security › App passwords.',
    },
    codes: {
      invalid_params: 'Leitstand could not accept this input.',
      unknown_method: 'This version of Leitstand does not know that action.',
      not_found: 'This item no longer exists. Perhaps it was deleted in another window.',
      conflict: 'This conflicts with something that already exists.',
      store_locked: 'The Leitstand database is in use by another program.',
      store_read_only: 'Leitstand cannot write to its database: it is read-only.',
      store_future_version: 'The Leitstand database was written by a newer version of Leitstand.',
      store_not_database: 'The Leitstand database file is damaged or is not a database.',
      store_failed: 'Leitstand could not save to its database.',
      keychain_unavailable: 'The operating system’s keychain is not available. Leitstand never stores passwords elsewhere.',
      keychain_failed: 'The operating system’s keychain refused the request.',
      unauthorized: 'This window is not allowed to talk to Leitstand.',
      remote_unreachable: 'The server could not be reached. Check the address and your connection.',
      remote_failed: 'The server answered with an error.',
      reconnect_needed: 'The account needs to be connected again.',
      internal: 'Something went wrong inside Leitstand.',
    },
  },
} as const;

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/** The shape every language must provide: the same keys as English, any wording. */
export type Messages = Widen<typeof en>;
