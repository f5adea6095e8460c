/**
 * Match loops over a module's global regular expression without `String.prototype.matchAll`, which
 * clones the expression on every call (in Node 20 that costs microseconds for a Unicode pattern, where
 * the match itself takes tens of nanoseconds).
 */

/**
 * The next match of a global (`g`) regular expression from its `lastIndex`, as the iterator of
 * `text.matchAll(regex)` yields it: after an empty match `lastIndex` moves on by one character (one code
 * point with the `u` flag). Returns `null`, with `lastIndex` back at 0, when there is none. Set
 * `regex.lastIndex = 0` before the first call; do not use the same expression in between.
 *
 * @example
 * ```ts
 * const WORD = /\w+/g;
 * WORD.lastIndex = 0;
 * for (let m = nextMatch(WORD, 'a b'); m !== null; m = nextMatch(WORD, 'a b')) console.log(m[0]);
 * ```
 */
export function nextMatch(regex: RegExp, text: string): RegExpExecArray | null {
  const match = regex.exec(text);
  if (match !== null && match[0] === '') {
    const at = regex.lastIndex;
    const code = text.charCodeAt(at);
    const pair =
      regex.unicode &&
      code >= 0xd800 &&
      code <= 0xdbff &&
      at + 1 < text.length &&
      (text.charCodeAt(at + 1) & 0xfc00) === 0xdc00;
    regex.lastIndex = at + (pair ? 2 : 1);
  }
  return match;
}

/**
 * Group `group` of the last match of a global regular expression in `text` (`undefined` when it never
 * matches): the same as the last item of `text.matchAll(regex)`, without cloning the expression.
 *
 * @example
 * ```ts
 * lastGroup(/([A-E])\./g, 'A. or B.', 1); // 'B'
 * ```
 */
export function lastGroup(regex: RegExp, text: string, group: number): string | undefined {
  regex.lastIndex = 0;
  let last: RegExpExecArray | null = null;
  for (let m = nextMatch(regex, text); m !== null; m = nextMatch(regex, text)) last = m;
  return last?.[group];
}
