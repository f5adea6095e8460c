/**
 * Characters Python's `str.isspace()` accepts. Jinja's `{{ x.strip() }}` strips exactly these, which
 * differ from JavaScript's `trim()`: Python also strips U+001C–U+001F and U+0085, and keeps U+FEFF.
 */
const PYTHON_WHITESPACE = new Set<string>([
  '\t',
  '\n',
  '\v',
  '\f',
  '\r',
  '\x1c',
  '\x1d',
  '\x1e',
  '\x1f',
  ' ',
  '\x85',
  '\xa0',
  '\u1680',
  '\u2000',
  '\u2001',
  '\u2002',
  '\u2003',
  '\u2004',
  '\u2005',
  '\u2006',
  '\u2007',
  '\u2008',
  '\u2009',
  '\u200a',
  '\u2028',
  '\u2029',
  '\u202f',
  '\u205f',
  '\u3000',
]);

/** Whether `char` (one UTF-16 unit) is whitespace by Python's `str.isspace()`. */
export function isPythonWhitespace(char: string): boolean {
  return PYTHON_WHITESPACE.has(char);
}

/**
 * Python's `str.strip()` with no argument: removes leading and trailing whitespace as Python defines it,
 * so built-in templates match lm-evaluation-harness byte for byte.
 *
 * @example
 * ```ts
 * pythonStrip('\u3000 질문 \n'); // '질문'
 * pythonStrip('\ufeffx');        // '\ufeffx' (JavaScript's trim() would drop the BOM)
 * ```
 */
export function pythonStrip(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && PYTHON_WHITESPACE.has(text[start]!)) start++;
  while (end > start && PYTHON_WHITESPACE.has(text[end - 1]!)) end--;
  return start === 0 && end === text.length ? text : text.slice(start, end);
}
