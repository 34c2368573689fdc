import type { z } from 'zod';
import type { composerFacetSchema } from '../../../shared/contract/composer';

export type ComposerFacet = z.infer<typeof composerFacetSchema>;
