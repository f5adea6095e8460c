import { compiledTerms, type LexiconMeaning } from './lexicon.js';
import type { RequestText } from './request-text.js';

/** One lexicon meaning found in a request, with the words that carried it. */
export type FoundLabel = LexiconMeaning & {
  /** The request's words, verbatim. */
  written: string;
  start: number;
};

/**
 * Reads every lexicon term in the request (longest first, so `전통문화` is tradition and not culture,
 * and `not culture-specific` is General and not Local) and masks it. Results are in request order.
 */
export function extractLabels(text: RequestText): FoundLabel[] {
  const found: FoundLabel[] = [];
  for (const term of compiledTerms())
    for (const m of text.take(term.pattern))
      for (const meaning of term.means) found.push({ ...meaning, written: m.text, start: m.start });
  return found.sort((a, b) => a.start - b.start);
}
