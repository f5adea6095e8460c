import { COARSE_SUBJECTS, type CoarseSubject, FINE_SUBJECTS } from './categories.js';
import { subjectIndex, subjectKey } from './subject-index.js';

/**
 * Resolves a subject name to its canonical spelling, or returns undefined when it names no known subject
 * (or names several equally: a bare `Celebration Holiday` is both `Culture/…` and `HASS/…`).
 *
 * Case-insensitive; trims and collapses whitespace. Accepts canonical names (`HASS/History`), the BenchHub
 * paper's names (`Technology`, `Mathematics`), `Coarse/Fine` with alias parts (`Technology/Coding`), a
 * bare fine name when it is unambiguous or the paper places it (`Coding`; `History` → `HASS/History`,
 * not `Science/History`), and `engineering` for `Eng.`.
 *
 * @example
 * ```ts
 * resolveSubject('Technology/Coding');      // 'Tech./Coding'
 * resolveSubject('mathematics');            // 'Science/Math'
 * resolveSubject('Humanities and Social Science (HASS)'); // 'HASS'
 * resolveSubject('Tech./Civil Engineering'); // 'Tech./Civil Eng.'
 * resolveSubject('Cooking');                // undefined
 * ```
 */
export function resolveSubject(name: string): string | undefined {
  const key = subjectKey(name);
  if (key === '') return undefined;
  const found = resolveKey(key);
  if (found !== undefined) return found;
  const engineering = key.replace(/\bengineering\b/g, 'eng.').replace(/\beng\b(?!\.)/g, 'eng.');
  return engineering === key ? undefined : resolveKey(engineering);
}

/**
 * The canonical subjects a name could mean: one when it resolves, several when a bare fine name is
 * ambiguous (`Celebration Holiday` → `Culture/Celebration Holiday`, `HASS/Celebration Holiday`), none
 * when it is unknown.
 */
export function subjectCandidates(name: string): readonly string[] {
  const resolved = resolveSubject(name);
  if (resolved !== undefined) return [resolved];
  return subjectIndex().byLeaf.get(subjectKey(name)) ?? [];
}

function resolveKey(key: string): string | undefined {
  const idx = subjectIndex();
  const direct = idx.canonical.get(key) ?? idx.coarseAliases.get(key) ?? idx.paperFineBare.get(key);
  if (direct !== undefined) return direct;
  const slash = key.indexOf('/');
  if (slash > 0) {
    const head = key.slice(0, slash);
    const coarse = idx.canonical.get(head) ?? idx.coarseAliases.get(head);
    if (coarse !== undefined && isCanonicalCoarse(coarse)) {
      const composed = `${subjectKey(coarse)}/${key.slice(slash + 1)}`;
      return idx.canonical.get(composed) ?? idx.paperFine.get(composed);
    }
  }
  const matches = idx.byLeaf.get(key);
  if (matches === undefined) return undefined;
  if (matches.length === 1) return matches[0];
  const preferred = matches.filter((m) => idx.primary.has(m));
  return preferred.length === 1 ? preferred[0] : undefined;
}

function isCanonicalCoarse(name: string): name is CoarseSubject {
  return (COARSE_SUBJECTS as readonly string[]).includes(name);
}

/**
 * The canonical coarse subject of a subject name (the text before the first `/` of its canonical name),
 * or undefined when the name does not resolve.
 *
 * @example
 * ```ts
 * coarseSubject('Programming'); // 'Tech.'
 * coarseSubject('HASS');        // 'HASS'
 * ```
 */
export function coarseSubject(name: string): CoarseSubject | undefined {
  const resolved = resolveSubject(name);
  if (resolved === undefined) return undefined;
  const head = resolved.split('/', 1)[0] ?? resolved;
  return isCanonicalCoarse(head) ? head : undefined;
}

/**
 * Whether a name resolves to one of the six coarse subjects (aliases accepted: `Technology` is coarse).
 *
 * @example
 * ```ts
 * isCoarseSubject('technology');   // true
 * isCoarseSubject('Tech./Coding'); // false
 * ```
 */
export function isCoarseSubject(name: string): boolean {
  const resolved = resolveSubject(name);
  return resolved !== undefined && isCanonicalCoarse(resolved);
}

/**
 * Whether a subject filter selects a subject: equal names match, and a filter matches every subject below
 * it (`HASS` matches `HASS/History`; `Social Intelligence/Value` matches
 * `Social Intelligence/Value/Alignment`).
 * Both sides are resolved first; a side that does not resolve is compared by its lookup key, so unknown
 * subjects of custom datasets still filter case-insensitively.
 *
 * @example
 * ```ts
 * subjectMatches('Technology', 'Tech./Coding'); // true
 * subjectMatches('hass/history', 'HASS/History'); // true
 * subjectMatches('Culture', 'HASS/Culture');      // false: that subject belongs to HASS
 * ```
 */
export function subjectMatches(filter: string, subject: string): boolean {
  const f = subjectKey(resolveSubject(filter) ?? filter);
  const s = subjectKey(resolveSubject(subject) ?? subject);
  if (f === '' || s === '') return false;
  return s === f || s.startsWith(`${f}/`);
}

/**
 * Whether any of `filters` selects any of `subjects` (a sample carries several subjects; every one is
 * considered, not only the last).
 */
export function anySubjectMatches(filters: readonly string[], subjects: readonly string[]): boolean {
  return filters.some((f) => subjects.some((s) => subjectMatches(f, s)));
}

/**
 * Canonical fine subjects: all 250, or those of one coarse subject (aliases accepted). An unknown coarse
 * name gives an empty list.
 *
 * @example
 * ```ts
 * listSubjects().length;        // 250
 * listSubjects('Technology')[0]; // 'Tech./AI'
 * ```
 */
export function listSubjects(coarse?: string): readonly string[] {
  if (coarse === undefined) return COARSE_SUBJECTS.flatMap((c) => FINE_SUBJECTS[c]);
  const resolved = resolveSubject(coarse);
  return resolved !== undefined && isCanonicalCoarse(resolved) ? FINE_SUBJECTS[resolved] : [];
}

/**
 * The BenchHub paper's one-line description of a fine subject, when the paper has one.
 *
 * @example
 * ```ts
 * describeSubject('Tech./Coding'); // 'Computer programming and software development practices.'
 * ```
 */
export function describeSubject(name: string): string | undefined {
  const resolved = resolveSubject(name);
  return resolved === undefined ? undefined : subjectIndex().descriptions.get(resolved);
}
