import type { HandlerTable } from './dispatch';
import type { inboxMethods } from '../../shared/contract/inboxMethods';
import type { composerMethods } from '../../shared/contract/composerMethods';

/** The handlers one feature module contributes to the core's table. */
export type HandlersFor<Names extends keyof HandlerTable> = Pick<HandlerTable, Names>;

export type InboxMethodName = keyof typeof inboxMethods;
export type DraftMethodName = Extract<keyof typeof composerMethods, `drafts.${string}` | `composer.${string}`>;
export type OutboxMethodName = Extract<keyof typeof composerMethods, `outbox.${string}`>;
