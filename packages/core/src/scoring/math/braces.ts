/**
 * The index just after the `}` closing the `{` at `open`, honouring nesting and `\{`/`\}` escapes, or
 * `-1` when it is never closed.
 */
export function closingBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '{') depth++;
    else if (c === '}') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return -1;
}

/**
 * The content of the LAST `\boxed{…}` (or `\fbox{…}`) in a text, nested braces included; `\boxed 5`
 * (no braces) gives `5`. `undefined` when there is none; an unclosed box gives the rest of the text.
 *
 * @example
 * ```ts
 * lastBoxed('so \\boxed{1} ... \\boxed{\\frac{3}{4}}'); // '\\frac{3}{4}'
 * ```
 */
export function lastBoxed(text: string): string | undefined {
  const at = Math.max(text.lastIndexOf('\\boxed'), text.lastIndexOf('\\fbox'));
  if (at === -1) return undefined;
  let i = at + (text.startsWith('\\boxed', at) ? 6 : 5);
  while (text[i] === ' ') i++;
  if (text[i] === '{') {
    const end = closingBrace(text, i);
    return end === -1 ? text.slice(i + 1) : text.slice(i + 1, end - 1);
  }
  const m = /^[^\s$]+/.exec(text.slice(i));
  return m?.[0];
}
