import { z } from 'zod';
import {
  appInfoSchema,
  settingsSchema,
  workspaceIdSchema,
  workspaceListSchema,
  workspaceNameSchema,
  workspaceSchema,
  LANGUAGES,
  THEMES,
} from './domain';
import type { MethodName } from './names';

const noParams = z.object({}).strict();
const workspaceRef = z.object({ id: workspaceIdSchema }).strict();

/** The one table of everything the UI may ask the core. */
export const methods = {
  'app.info': { params: noParams, result: appInfoSchema },

  'workspaces.list': { params: noParams, result: workspaceListSchema },
  'workspaces.create': {
    params: z.object({ name: workspaceNameSchema }).strict(),
    result: workspaceSchema,
  },
  'workspaces.rename': {
    params: z.object({ id: workspaceIdSchema, name: workspaceNameSchema }).strict(),
    result: workspaceSchema,
  },
  'workspaces.archive': { params: workspaceRef, result: workspaceSchema },
  'workspaces.restore': { params: workspaceRef, result: workspaceSchema },
  /** Only an archived workspace can be deleted; its accounts' secrets leave the keychain first. */
  'workspaces.delete': { params: workspaceRef, result: z.object({ id: workspaceIdSchema }) },
  'workspaces.setActive': {
    params: z.object({ id: workspaceIdSchema.nullable() }).strict(),
    result: workspaceListSchema,
  },

  'settings.get': { params: noParams, result: settingsSchema },
  'settings.set': {
    params: z
      .object({ language: z.enum(LANGUAGES).optional(), theme: z.enum(THEMES).optional() })
      .strict(),
    result: settingsSchema,
  },
} as const satisfies Record<MethodName, { params: z.ZodType; result: z.ZodType }>;

export type Methods = typeof methods;
export type ParamsOf<M extends MethodName> = z.input<Methods[M]['params']>;
export type ParsedParamsOf<M extends MethodName> = z.output<Methods[M]['params']>;
export type ResultOf<M extends MethodName> = z.output<Methods[M]['result']>;
