import { collapsePythonWhitespace, isPythonWhitespaceCode } from '../text/python-text.js';
import { isMarkdownCode, stripMarkdown } from './text/markdown.js';

const SPACE = 0x20;
const PERIOD = 0x2e;
const IDEOGRAPHIC_PERIOD = 0x3002;
const FIRST_HANGUL_SYLLABLE = 0xac00;
const LAST_HANGUL_SYLLABLE = 0xd7a3;

function isHangulSyllable(code: number): boolean {
  return code >= FIRST_HANGUL_SYLLABLE && code <= LAST_HANGUL_SYLLABLE;
}

/**
 * Whether `text.normalize('NFKC')` is `text` itself, by a sufficient test: every code unit is below
 * U+00A0 or a precomposed Hangul syllable. None of these has a decomposition, and none composes with
 * the character before it (only combining marks and conjoining jamo do).
 */
function isPlainlyNfkc(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xa0 && !isHangulSyllable(code)) return false;
  }
  return true;
}

/**
 * Whether {@link normalizeAnswer} would return `text` unchanged, by a sufficient test in one pass: only
 * ASCII without upper-case letters or markdown characters and Hangul syllables (no case, no
 * decomposition), spaces only single and between words, no final period. Most options and short
 * answers pass (`option 2 b`, `서울`, `c`).
 */
function isAlreadyNormal(text: string): boolean {
  const last = text.length - 1;
  for (let i = 0; i <= last; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x80) {
      if (!isHangulSyllable(code)) return false;
    } else if (code <= SPACE) {
      // Every ASCII whitespace character is at most U+0020: only a single inner space may stay.
      if (code !== SPACE || i === 0 || i === last || text.charCodeAt(i + 1) === SPACE) return false;
    } else if ((code >= 0x41 && code <= 0x5a) || isMarkdownCode(code)) {
      return false;
    }
  }
  return text.charCodeAt(last) !== PERIOD;
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
      (code !== SPACE || i === 0 || i === last || text.charCodeAt(i + 1) === SPACE)
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
  if (isAlreadyNormal(text)) return text;
  const nfkc = isPlainlyNfkc(text) ? text : text.normalize('NFKC');
  const plain = collapseWhitespace(stripMarkdown(nfkc).toLowerCase());
  const last = plain.charCodeAt(plain.length - 1);
  if (last !== PERIOD && last !== IDEOGRAPHIC_PERIOD) return plain;
  // `plain` is collapsed: dropping its last character can only leave one trailing space.
  const end = plain.charCodeAt(plain.length - 2) === SPACE ? plain.length - 2 : plain.length - 1;
  return plain.slice(0, end);
}
