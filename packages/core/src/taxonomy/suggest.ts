import { subjectIndex, subjectKey } from './subject-index.js';

/**
 * Edit distance between two strings (insertions, deletions and substitutions each cost 1).
 *
 * @example
 * ```ts
 * editDistance('histroy', 'history'); // 2
 * ```
 */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * The canonical subject whose name or alias is closest to `name`, when one is close enough to be a
 * plausible typo (distance at most a third of the name's length, and at least 2 allowed).
 *
 * @example
 * ```ts
 * closestSubject('HASS/Histroy'); // 'HASS/History'
 * closestSubject('Quantum cooking'); // undefined
 * ```
 */
export function closestSubject(name: string): string | undefined {
  const key = subjectKey(name);
  if (key === '') return undefined;
  const idx = subjectIndex();
  const named: Array<readonly [string, string]> = [
    ...idx.canonical,
    ...idx.coarseAliases,
    ...idx.paperFineBare,
    ...idx.paperFine,
  ];
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(key.length / 3)) + 1;
  for (const [alias, canonical] of named) {
    const distance = editDistance(key, alias);
    if (distance < bestDistance) {
      best = canonical;
      bestDistance = distance;
    }
  }
  return best;
}
