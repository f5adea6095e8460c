/**
 * Text helpers shared across modules. Public: Python `str` whitespace semantics (`str.isspace()`,
 * `str.strip()`, `str.split()`), which prompts, sacrebleu, SQuAD and scoring all follow.
 */

export { closestMatch } from './closest-match.js';
export { isPythonWhitespace, pythonStrip, splitPythonWhitespace } from './python-text.js';
