/**
 * Python `str` whitespace semantics for JavaScript strings: the one definition BenchHub uses wherever
 * it must match Python byte for byte (prompt templates, sacrebleu tokenisation, SQuAD and answer
 * normalisation, Python-style regular expressions).
 *
 * Python's `str.isspace()`, and so `str.split()`, `str.strip()` and `str.rstrip()` without arguments,
 * use a different set than JavaScript's `\s` and `trim()`: Python includes U+001C–U+001F and U+0085 and
 * excludes U+FEFF. Every Python whitespace character is in the BMP, so scanning UTF-16 code units is
 * exact (a surrogate is never whitespace).
 */

/**
 * The code points for which Python 3's `str.isspace()` is true (the same set as `\s` in a Python `str`
 * pattern): those of bidirectional class WS, B or S, or general category Zs. The set has not changed
 * since Unicode 6.3 (which dropped U+180E), so it holds for every supported Python 3.
 */
export const PYTHON_WHITESPACE_CODE_POINTS: readonly number[] = Object.freeze([
  0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x1c, 0x1d, 0x1e, 0x1f, 0x20, 0x85, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002,
  0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000,
]);

const LAST_WHITESPACE = 0x3000;

/** One byte per code unit up to U+3000: 1 where Python sees whitespace. */
const WHITESPACE_TABLE = new Uint8Array(LAST_WHITESPACE + 1);
for (const code of PYTHON_WHITESPACE_CODE_POINTS) WHITESPACE_TABLE[code] = 1;

/**
 * The Python whitespace characters as the body of a regular-expression character class (`\uXXXX`
 * escapes, valid with or without the `u` flag): `[${PYTHON_WHITESPACE_CLASS}]` is Python's `\s`.
 */
export const PYTHON_WHITESPACE_CLASS: string = PYTHON_WHITESPACE_CODE_POINTS.map(
  (code) => `\\u${code.toString(16).padStart(4, '0')}`,
).join('');

/**
 * Whether a UTF-16 code unit (as `charCodeAt` returns it) is whitespace for Python's `str.isspace()`.
 * The hot-path form: no string is created.
 */
export function isPythonWhitespaceCode(code: number): boolean {
  return code <= LAST_WHITESPACE && WHITESPACE_TABLE[code] === 1;
}

/**
 * Whether `char` (one UTF-16 code unit) is whitespace by Python's `str.isspace()`.
 *
 * @example
 * ```ts
 * isPythonWhitespace('\x85');   // true  (JavaScript's \s says false)
 * isPythonWhitespace('\ufeff'); // false (JavaScript's \s says true)
 * ```
 */
export function isPythonWhitespace(char: string): boolean {
  return char.length === 1 && isPythonWhitespaceCode(char.charCodeAt(0));
}

/**
 * Python's `text.strip()` with no argument: removes leading and trailing whitespace as Python defines
 * it (returns `text` itself when there is none), so built-in templates match lm-evaluation-harness.
 *
 * @example
 * ```ts
 * pythonStrip('\u3000 질문 \n'); // '질문'
 * pythonStrip('\ufeffx');        // '\ufeffx' (JavaScript's trim() would drop the BOM)
 * ```
 */
export function pythonStrip(text: string): string {
  let end = text.length;
  while (end > 0 && isPythonWhitespaceCode(text.charCodeAt(end - 1))) end--;
  let start = 0;
  while (start < end && isPythonWhitespaceCode(text.charCodeAt(start))) start++;
  return start === 0 && end === text.length ? text : text.slice(start, end);
}

/**
 * Python's `text.rstrip()` with no argument: `text` without trailing whitespace.
 *
 * @example
 * ```ts
 * pythonRstrip('x-\n \u2003'); // 'x-'
 * ```
 */
export function pythonRstrip(text: string): string {
  let end = text.length;
  while (end > 0 && isPythonWhitespaceCode(text.charCodeAt(end - 1))) end--;
  return end === text.length ? text : text.slice(0, end);
}

/**
 * Python's `text.split()` with no argument: the maximal runs of non-whitespace characters (no empty
 * strings).
 *
 * @example
 * ```ts
 * pythonSplit(' a\u00a0b\u001fc '); // ['a', 'b', 'c']
 * ```
 */
export function pythonSplit(text: string): string[] {
  const tokens: string[] = [];
  const length = text.length;
  let start = -1;
  for (let i = 0; i < length; i++) {
    if (isPythonWhitespaceCode(text.charCodeAt(i))) {
      if (start >= 0) {
        tokens.push(text.slice(start, i));
        start = -1;
      }
    } else if (start < 0) {
      start = i;
    }
  }
  if (start >= 0) tokens.push(start === 0 ? text : text.slice(start));
  return tokens;
}

/**
 * Python's `text.split()` with no argument, under the name the public API has always used: the same
 * function as {@link pythonSplit}.
 *
 * @example
 * ```ts
 * splitPythonWhitespace('  Denver \n\t Broncos '); // ['Denver', 'Broncos']
 * ```
 */
export const splitPythonWhitespace: (text: string) => string[] = pythonSplit;

/**
 * Python's `' '.join(text.split())`: every whitespace run becomes one space, both ends trimmed.
 *
 * @example
 * ```ts
 * collapsePythonWhitespace('  a \n\t b '); // 'a b'
 * ```
 */
export function collapsePythonWhitespace(text: string): string {
  return pythonSplit(text).join(' ');
}

/**
 * Python's `''.join(text.split())`: `text` with every whitespace character removed.
 *
 * @example
 * ```ts
 * removePythonWhitespace(' a b\tc\u00a0'); // 'abc'
 * ```
 */
export function removePythonWhitespace(text: string): string {
  let out = '';
  let start = 0;
  const length = text.length;
  for (let i = 0; i < length; i++) {
    if (isPythonWhitespaceCode(text.charCodeAt(i))) {
      if (i > start) out += text.slice(start, i);
      start = i + 1;
    }
  }
  if (start === 0) return text;
  return start < length ? out + text.slice(start) : out;
}
