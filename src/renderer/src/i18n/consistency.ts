import type { de } from './de';
import type { en } from './en';

/**
 * Compile-time checks that the German strings fit the English ones: the same keys (enforced by
 * `satisfies Messages` in de.ts) and, here, the same {{placeholders}} in every string, so that no
 * translation silently drops a workspace name.
 */
type Placeholders<S extends string> = S extends `${string}{{${infer Name}}}${infer Rest}` ? Name | Placeholders<Rest> : never;

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/** The dotted keys whose strings differ in their placeholders; never when all agree. */
type PlaceholderMismatches<A, B, Prefix extends string = ''> = {
  [K in keyof A & keyof B & string]: A[K] extends string
    ? B[K] extends string
      ? Same<Placeholders<A[K]>, Placeholders<B[K]>> extends true
        ? never
        : `${Prefix}${K}`
      : `${Prefix}${K}`
    : PlaceholderMismatches<A[K], B[K], `${Prefix}${K}.`>;
}[keyof A & keyof B & string];

type ExpectNone<T extends never> = T;

/** A type error here names the keys whose German and English placeholders differ. */
export type GermanPlaceholdersMatchEnglish = ExpectNone<PlaceholderMismatches<typeof en, typeof de>>;
