/** Slips of the keyboard: one letter wrong, missing, extra, or two neighbours swapped. */

/** Whether `a` is `b` with two neighbouring characters swapped (`gtp` for `gpt`). */
export function isTransposition(a: string, b: string): boolean {
  if (a.length !== b.length || a === b) return false;
  const diff = [...a].flatMap((c, i) => (c === b[i] ? [] : [i]));
  const [i, j] = diff;
  return diff.length === 2 && i !== undefined && j === i + 1 && a[i] === b[j] && a[j] === b[i];
}

/**
 * Whether two different strings are one slip apart: one character substituted, inserted or deleted, or two
 * neighbours swapped (`histroy`/`history`, `econmics`/`economics`, `claud`/`claude`).
 */
export function isOneSlipApart(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  if (a.length === b.length) return isTransposition(a, b) || [...a].filter((c, i) => c !== b[i]).length === 1;
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  for (let i = 0; i < long.length; i++) if (long.slice(0, i) + long.slice(i + 1) === short) return true;
  return false;
}

const HANGUL_FIRST = 0xac00;
const HANGUL_LAST = 0xd7a3;

/**
 * Hangul syllables split into their letters (initial, vowel, final), so a slip of one letter is one edit:
 * `역샤` → `ㅇㅕㄱㅅㅑ` is one vowel away from `역사`. Other characters are kept as they are.
 */
export function hangulLetters(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code < HANGUL_FIRST || code > HANGUL_LAST) {
      out += char;
      continue;
    }
    const index = code - HANGUL_FIRST;
    const final = index % 28;
    out += String.fromCharCode(0x1100 + Math.floor(index / 588), 0x1161 + Math.floor((index % 588) / 28));
    if (final > 0) out += String.fromCharCode(0x11a7 + final);
  }
  return out;
}
