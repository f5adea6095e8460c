/**
 * Character classes with the meaning Python's `re` gives them on `str` patterns, for regular expressions
 * compiled with the `u` flag. JavaScript's own `\w`, `\b`, `\d` and `\s` are ASCII-only or differ.
 */
import { PYTHON_WHITESPACE_CLASS } from '../../text/python-text.js';

/** The characters of Python's `\s` (`str.isspace()`), as the body of a character class. */
export const PY_SPACE_CHARS = PYTHON_WHITESPACE_CLASS;

/** Python's `\s`. */
export const PY_SPACE = `[${PY_SPACE_CHARS}]`;

/** The characters of Python's `\w` (letters, numbers, underscore), as the body of a character class. */
export const PY_WORD_CHARS = '\\p{L}\\p{N}_';

/** Python's `\w`. */
export const PY_WORD = `[${PY_WORD_CHARS}]`;

/** Python's `\b` (a Unicode word boundary). */
export const PY_WORD_BOUNDARY = `(?:(?<=${PY_WORD})(?!${PY_WORD})|(?<!${PY_WORD})(?=${PY_WORD}))`;
