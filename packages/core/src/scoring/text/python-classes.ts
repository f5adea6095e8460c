/**
 * Character classes with the meaning Python's `re` gives them on `str` patterns, for regular expressions
 * compiled with the `u` flag. JavaScript's own `\w`, `\b`, `\d` and `\s` are ASCII-only or differ.
 */

/** The characters of Python's `\s` (`str.isspace()`), as the body of a character class. */
export const PY_SPACE_CHARS =
  '\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';

/** Python's `\s`. */
export const PY_SPACE = `[${PY_SPACE_CHARS}]`;

/** The characters of Python's `\w` (letters, numbers, underscore), as the body of a character class. */
export const PY_WORD_CHARS = '\\p{L}\\p{N}_';

/** Python's `\w`. */
export const PY_WORD = `[${PY_WORD_CHARS}]`;

/** Python's `\b` (a Unicode word boundary). */
export const PY_WORD_BOUNDARY = `(?:(?<=${PY_WORD})(?!${PY_WORD})|(?<!${PY_WORD})(?=${PY_WORD}))`;

const SPACE_RUN = new RegExp(`${PY_SPACE}+`, 'gu');
const EDGE_SPACE = new RegExp(`^${PY_SPACE}+|${PY_SPACE}+$`, 'gu');

/**
 * Python's `' '.join(text.split())`: whitespace runs become one space, ends trimmed.
 *
 * @example
 * ```ts
 * collapseWhitespace('  a \n\t b '); // 'a b'
 * ```
 */
export function collapseWhitespace(text: string): string {
  return text.replace(SPACE_RUN, ' ').replace(EDGE_SPACE, '');
}

/** Python's `text.strip()` (no argument). */
export function pyStrip(text: string): string {
  return text.replace(EDGE_SPACE, '');
}
