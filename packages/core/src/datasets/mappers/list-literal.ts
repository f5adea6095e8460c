const ESCAPES: Readonly<Record<string, string>> = {
  n: '\n',
  t: '\t',
  r: '\r',
  b: '\b',
  f: '\f',
  '0': '\0',
  '\\': '\\',
  "'": "'",
  '"': '"',
  '/': '/',
};

/**
 * Parses a string holding a list of strings written as JSON (`["a", "b"]`) or as a Python literal
 * (`['a', "b's"]`, as pandas writes a list column to CSV). Numbers, `True`/`False` and `None` items
 * become their text (`None` is dropped). Returns undefined when the text is not such a list.
 *
 * @example
 * ```ts
 * parseListLiteral("['HASS', 'HASS/History']"); // ['HASS', 'HASS/History']
 * parseListLiteral('plain text');               // undefined
 * ```
 */
export function parseListLiteral(text: string): string[] | undefined {
  const s = text.trim();
  if (!s.startsWith('[') || !s.endsWith(']')) return undefined;
  const items: string[] = [];
  let i = 1;
  const skipSpace = (): void => {
    while (i < s.length && /\s/.test(s[i]!)) i++;
  };
  skipSpace();
  if (s[i] === ']') return i === s.length - 1 ? items : undefined;
  for (;;) {
    skipSpace();
    const quote = s[i];
    if (quote === '"' || quote === "'") {
      i++;
      let value = '';
      for (;;) {
        if (i >= s.length) return undefined;
        const c = s[i]!;
        if (c === quote) {
          i++;
          break;
        }
        if (c === '\\') {
          const next = s[i + 1];
          if (next === undefined) return undefined;
          if (next === 'u' || next === 'x') {
            const width = next === 'u' ? 4 : 2;
            const hex = s.slice(i + 2, i + 2 + width);
            if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== width) return undefined;
            value += String.fromCharCode(Number.parseInt(hex, 16));
            i += 2 + width;
            continue;
          }
          value += ESCAPES[next] ?? `\\${next}`;
          i += 2;
          continue;
        }
        value += c;
        i++;
      }
      items.push(value);
    } else {
      const match = /^[^,\]]+/.exec(s.slice(i));
      if (!match) return undefined;
      const token = match[0].trim();
      i += match[0].length;
      if (token === 'None' || token === 'null') {
        // dropped
      } else if (/^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(token) || /^(True|False|true|false)$/.test(token)) {
        items.push(token);
      } else {
        return undefined;
      }
    }
    skipSpace();
    if (s[i] === ',') {
      i++;
      skipSpace();
      if (s[i] === ']' && i === s.length - 1) return items; // trailing comma
      continue;
    }
    if (s[i] === ']' && i === s.length - 1) return items;
    return undefined;
  }
}
