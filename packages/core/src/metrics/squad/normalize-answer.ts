import { collapsePythonWhitespace } from '../../text/python-text.js';

/**
 * Python's `string.punctuation`: the 32 ASCII punctuation characters (U+0021–U+002F, U+003A–U+0040,
 * U+005B–U+0060, U+007B–U+007E) and nothing else, so curly quotes, `…` or `。` are kept.
 */
const PYTHON_PUNCTUATION = /[!-/:-@[-`{-~]/g;

/**
 * The articles as whole words, where a word boundary is Python 3's Unicode `\b`: a letter, a number or
 * `_` on one side only. JavaScript's own `\b` is ASCII-only (it would strip `the` out of `éthe`), hence
 * the explicit look-arounds.
 */
const ARTICLES = /(?<![\p{L}\p{N}_])(?:a|an|the)(?![\p{L}\p{N}_])/gu;

/**
 * `normalize_answer` of the official SQuAD v1.1 evaluation script: lower-case, remove ASCII
 * punctuation (Python's `string.punctuation`), replace the whole words `a`, `an`, `the` with a space,
 * then collapse whitespace.
 *
 * @example
 * ```ts
 * normalizeSquadAnswer('The  Denver Broncos!'); // 'denver broncos'
 * normalizeSquadAnswer('theater');             // 'theater' ("the" is not a whole word there)
 * ```
 */
export function normalizeSquadAnswer(text: string): string {
  const lowered = text.toLowerCase();
  const withoutPunctuation = lowered.replace(PYTHON_PUNCTUATION, '');
  const withoutArticles = withoutPunctuation.replace(ARTICLES, ' ');
  return collapsePythonWhitespace(withoutArticles);
}
