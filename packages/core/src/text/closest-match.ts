import { editDistance } from './edit-distance.js';

/** Lower-cases and drops `_`/`-` so `max_tokens` and `maxTokens` compare equal. */
function canonical(name: string): string {
  return name.toLowerCase().replace(/[_-]/g, '');
}

/** Whether every character of `short` appears in `long` in order (`fmt` in `format`). */
function isSubsequence(short: string, long: string): boolean {
  let i = 0;
  for (const char of long) if (char === short[i]) i++;
  return i === short.length;
}

/**
 * The candidate closest to `input`, or undefined when none is close enough (at most a third of the
 * longer name differs, minimum 2 edits) and the input is not an abbreviation of exactly one
 * candidate (`fmt` for `format`). Case and `_`/`-` differences count as exact matches, so a
 * snake_case name finds its camelCase field.
 *
 * @example
 * ```ts
 * closestMatch('modle', ['id', 'provider', 'model']); // 'model'
 * closestMatch('max_tokens', ['maxTokens', 'topP']); // 'maxTokens'
 * ```
 */
export function closestMatch(input: string, candidates: readonly string[]): string | undefined {
  const wanted = canonical(input);
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const distance = editDistance(wanted, canonical(candidate));
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  if (best === undefined) return undefined;
  if (bestDistance > 0 && wanted.length >= 3) {
    const abbreviated = candidates.filter((c) => isSubsequence(wanted, canonical(c)));
    if (abbreviated.length === 1) return abbreviated[0];
  }
  const limit = Math.max(2, Math.floor(Math.max(wanted.length, best.length) / 3));
  return bestDistance <= limit ? best : undefined;
}
