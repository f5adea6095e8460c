/**
 * Python `str` behaviour that sacrebleu relies on, for JavaScript strings.
 *
 * Python's `str.split()`, `str.strip()` and `str.rstrip()` without arguments use a different set of
 * whitespace characters than JavaScript's `\s` (Python includes U+001C–U+001F and U+0085 and excludes
 * U+FEFF), and Python indexes strings by code point where JavaScript uses UTF-16 code units.
 */

/** Whether a UTF-16 code unit is whitespace for Python's `str.isspace()` (none is a surrogate). */
export function isPythonSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d) || (code >= 0x1c && code <= 0x1f);
  if (code < 0x85) return false;
  return (
    code === 0x85 ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000
  );
}

/**
 * Python's `text.split()`: the maximal runs of non-whitespace characters.
 *
 * @example
 * ```ts
 * splitPython(' a\u00a0b\u001fc '); // ['a', 'b', 'c']
 * ```
 */
export function splitPython(text: string): string[] {
  const tokens: string[] = [];
  const length = text.length;
  let start = -1;
  for (let i = 0; i < length; i++) {
    if (isPythonSpace(text.charCodeAt(i))) {
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

/** Python's `text.rstrip()`: `text` without trailing whitespace. */
export function rstripPython(text: string): string {
  let end = text.length;
  while (end > 0 && isPythonSpace(text.charCodeAt(end - 1))) end--;
  return end === text.length ? text : text.slice(0, end);
}

/** Python's `text.strip()`: `text` without leading or trailing whitespace. */
export function stripPython(text: string): string {
  const trimmed = rstripPython(text);
  let start = 0;
  while (start < trimmed.length && isPythonSpace(trimmed.charCodeAt(start))) start++;
  return start === 0 ? trimmed : trimmed.slice(start);
}

/** Python's `''.join(text.split())`: `text` with every whitespace character removed. */
export function removePythonSpaces(text: string): string {
  let out = '';
  let start = 0;
  const length = text.length;
  for (let i = 0; i < length; i++) {
    if (isPythonSpace(text.charCodeAt(i))) {
      if (i > start) out += text.slice(start, i);
      start = i + 1;
    }
  }
  if (start === 0) return text;
  return start < length ? out + text.slice(start) : out;
}

const SURROGATE = /[\uD800-\uDFFF]/;

/**
 * The characters of `text` as Python indexes them (one entry per code point). Returns the string
 * itself, which indexes the same way, when it has no surrogate pair.
 */
export function pythonChars(text: string): string | string[] {
  return SURROGATE.test(text) ? Array.from(text) : text;
}
