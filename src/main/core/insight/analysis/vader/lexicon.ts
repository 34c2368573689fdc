/**
 * Copyright 2018 Comcast Cable Communications Management, LLC
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 * http://www.apache.org/licenses/LICENSE-2.0
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 *
 * Modified for Leitstand: a TypeScript port of vader-sentiment 1.1.3 (src/vaderSentiment.js); see NOTICE.
 */

import { lexicon } from 'vader-sentiment/src/vader_lexicon.js';

/** The VADER lexicon (MIT, C.J. Hutto), the package's own copy: word or emoticon to mean valence. */
export const LEXICON: ReadonlyMap<string, number> = new Map(Object.entries(lexicon));
