import { editDistance } from '../text/edit-distance.js';
import { subjectIndex, subjectKey } from './subject-index.js';

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
