import { collapsePythonWhitespace } from '../text/python-text.js';
import { stripMarkdown } from './text/markdown.js';

const TRAILING_PERIOD = /[.。]$/u;

/**
 * Normalises an answer, a reference or an option for exact comparison: Unicode NFKC (full-width
 * `Ｂ` → `B`), markdown removed, lower-cased, whitespace runs collapsed to one space and trimmed (as
 * Python's `' '.join(s.split())`), and one trailing period dropped (`B.` equals `B`).
 *
 * @example
 * ```ts
 * normalizeAnswer('  **Seoul**  City. '); // 'seoul city'
 * ```
 */
export function normalizeAnswer(text: string): string {
  const plain = collapsePythonWhitespace(stripMarkdown(text.normalize('NFKC')).toLowerCase());
  return collapsePythonWhitespace(plain.replace(TRAILING_PERIOD, ''));
}
