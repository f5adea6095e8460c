import { stripMarkdown } from './text/markdown.js';
import { collapseWhitespace } from './text/python-classes.js';

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
  const plain = collapseWhitespace(stripMarkdown(text.normalize('NFKC')).toLowerCase());
  return collapseWhitespace(plain.replace(TRAILING_PERIOD, ''));
}
