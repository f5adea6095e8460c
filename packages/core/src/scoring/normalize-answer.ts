import { collapsePythonWhitespace, isPythonWhitespaceCode } from '../text/python-text.js';
import { stripMarkdown } from './text/markdown.js';

const FIRST_HANGUL_SYLLABLE = 0xac00;
const LAST_HANGUL_SYLLABLE = 0xd7a3;

/**
 * Whether `text.normalize('NFKC')` is `text` itself, by a sufficient test: every code unit is below
 * U+00A0 or a precomposed Hangul syllable. None of these has a decomposition, and none composes with
 * the character before it (only combining marks and conjoining jamo do).
 */
function isPlainlyNfkc(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xa0 && (code < FIRST_HANGUL_SYLLABLE || code > LAST_HANGUL_SYLLABLE)) return false;
  }
  return true;
}

/**
 * Python's `' '.join(text.split())`, returning `text` itself, without splitting, when it is already in
 * that form (no whitespace but single spaces between words).
 */
function collapseWhitespace(text: string): string {
  const last = text.length - 1;
  for (let i = 0; i <= last; i++) {
    const code = text.charCodeAt(i);
    if (
      isPythonWhitespaceCode(code) &&
      (code !== 0x20 || i === 0 || i === last || text.charCodeAt(i + 1) === 0x20)
    ) {
      return collapsePythonWhitespace(text);
    }
  }
  return text;
}

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
  const nfkc = isPlainlyNfkc(text) ? text : text.normalize('NFKC');
  const plain = collapseWhitespace(stripMarkdown(nfkc).toLowerCase());
  const last = plain.charCodeAt(plain.length - 1);
  if (last !== 0x2e && last !== 0x3002) return plain; // `.` and `。`
  // `plain` is collapsed: dropping its last character can only leave one trailing space.
  const end = plain.charCodeAt(plain.length - 2) === 0x20 ? plain.length - 2 : plain.length - 1;
  return plain.slice(0, end);
}
