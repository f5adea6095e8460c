/**
 * Text helpers shared across modules. Public: Python `str` whitespace semantics (`str.isspace()`,
 * `str.strip()`, `str.split()`), which prompts, sacrebleu, SQuAD and scoring all follow.
 */
export { isPythonWhitespace, pythonStrip, splitPythonWhitespace } from './python-text.js';
