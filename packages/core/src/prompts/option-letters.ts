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
  return Array.from({ length: count }, (_, i) => optionLetter(i));
}
