/**
 * Korean number words: Sino-Korean numerals (`오십` 50, `삼십오` 35, `천오백` 1500, mixed with digits as in
 * `1만5천`) and native Korean numerals up to 99 (`스무` 20, `서른다섯` 35, `쉰` 50).
 */

const SINO_DIGITS: Readonly<Record<string, number>> = {
  일: 1,
  이: 2,
  삼: 3,
  사: 4,
  오: 5,
  육: 6,
  륙: 6,
  칠: 7,
  팔: 8,
  구: 9,
};
const SMALL_UNITS: Readonly<Record<string, number>> = { 십: 10, 백: 100, 천: 1000 };
const LARGE_UNITS: Readonly<Record<string, number>> = { 만: 1e4, 억: 1e8 };

/** The Hangul characters Sino-Korean numerals are written with (digit words and units). */
export const SINO_NUMERAL_WORDS = '일이삼사오육륙칠팔구십백천만억';

/**
 * The value of a Sino-Korean numeral, digits allowed for the digit places (`오십` → 50, `이백` → 200,
 * `삼십오` → 35, `천오백` → 1500, `1만5천` → 15000, `500만` → 5000000). Undefined for what is not a well-formed
 * numeral: two digits in a row (`이삼`), a unit repeated or out of order (`백천`), or a lone digit word (`이`,
 * which is also a particle and a demonstrative).
 */
export function parseSinoKorean(numeral: string): number | undefined {
  const tokens = numeral.match(/\d+|[^\d]/g) ?? [];
  if (tokens.length === 0 || (tokens.length === 1 && SINO_DIGITS[tokens[0] ?? ''] !== undefined))
    return undefined;
  let total = 0;
  let section = 0;
  let digit: number | undefined;
  let lastSmall = Number.POSITIVE_INFINITY;
  let lastLarge = Number.POSITIVE_INFINITY;
  for (const token of tokens) {
    const small = SMALL_UNITS[token];
    const large = LARGE_UNITS[token];
    const value = /^\d+$/.test(token) ? Number(token) : SINO_DIGITS[token];
    if (value !== undefined) {
      if (digit !== undefined) return undefined;
      digit = value;
    } else if (small !== undefined) {
      if (small >= lastSmall || (digit !== undefined && digit > 9)) return undefined;
      section += (digit ?? 1) * small;
      lastSmall = small;
      digit = undefined;
    } else if (large !== undefined) {
      if (large >= lastLarge) return undefined;
      total += (section + (digit ?? 0) || 1) * large;
      lastLarge = large;
      lastSmall = Number.POSITIVE_INFINITY;
      section = 0;
      digit = undefined;
    } else return undefined;
  }
  return total + section + (digit ?? 0);
}

const NATIVE_TENS: Readonly<Record<string, number>> = {
  열: 10,
  스물: 20,
  스무: 20,
  서른: 30,
  마흔: 40,
  쉰: 50,
  예순: 60,
  일흔: 70,
  여든: 80,
  아흔: 90,
};
const NATIVE_ONES: Readonly<Record<string, number>> = {
  하나: 1,
  한: 1,
  둘: 2,
  두: 2,
  셋: 3,
  세: 3,
  넷: 4,
  네: 4,
  다섯: 5,
  여섯: 6,
  일곱: 7,
  여덟: 8,
  아홉: 9,
};

/**
 * A native Korean numeral of ten or more (`열`, `스무`, `서른다섯`, `쉰`), as a regular-expression source.
 * Ones alone (`한`, `두`, `세`) are left out: they are also determiners ("한 문제씩", "세 모델").
 */
export const NATIVE_NUMERAL_SOURCE = `(?:${Object.keys(NATIVE_TENS).join('|')})(?:${Object.keys(NATIVE_ONES).join('|')})?`;

/** The value of a native Korean numeral matched by {@link NATIVE_NUMERAL_SOURCE} (`서른다섯` → 35). */
export function parseNativeKorean(numeral: string): number | undefined {
  const tens = Object.keys(NATIVE_TENS).find((t) => numeral.startsWith(t));
  if (tens === undefined) return undefined;
  const rest = numeral.slice(tens.length);
  const ones = rest === '' ? 0 : NATIVE_ONES[rest];
  return ones === undefined ? undefined : (NATIVE_TENS[tens] ?? 0) + ones;
}
