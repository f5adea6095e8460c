/**
 * The letter of a 0-based option index: 0 → `A`, 1 → `B`, … 25 → `Z`.
 *
 * @example
 * ```ts
 * optionLetter(2); // 'C'
 * ```
 */
export function optionLetter(index: number): string {
  if (!Number.isInteger(index) || index < 0 || index > 25) {
    throw new RangeError(`option index ${index} has no letter: use an integer from 0 to 25`);
  }
  return String.fromCharCode(65 + index);
}

/**
 * The first `count` option letters.
 *
 * @example
 * ```ts
 * optionLetters(4); // ['A', 'B', 'C', 'D']
 * ```
 */
export function optionLetters(count: number): string[] {
  if (!Number.isInteger(count) || count < 0 || count > 26) {
    throw new RangeError(`${count} options have no letters: use an integer from 0 to 26`);
  }
  return LETTERS.slice(0, count);
}

const LETTERS: readonly string[] = Array.from({ length: 26 }, (_, i) => String.fromCharCode(65 + i));
