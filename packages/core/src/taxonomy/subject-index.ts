import { COARSE_SUBJECTS, type CoarseSubject, FINE_SUBJECTS } from './categories.js';
import { PAPER_SUBJECTS } from './paper-subjects.js';

/**
 * Extra spellings of the coarse subjects seen in plans and planner output, beyond the paper's names.
 * Keys are lookup keys (see {@link subjectKey}).
 */
const EXTRA_COARSE_ALIASES: Readonly<Record<string, CoarseSubject>> = {
  tech: 'Tech.',
  technology: 'Tech.',
  'humanities and social science': 'HASS',
  'humanities and social sciences': 'HASS',
  humanities: 'HASS',
  'art and sports': 'Art & Sports',
  'arts and sports': 'Art & Sports',
  'arts & sports': 'Art & Sports',
  'art & sport': 'Art & Sports',
};

/**
 * The lookup key of a subject name: trimmed, lower-cased, whitespace collapsed, spaces around `/` removed.
 *
 * @example
 * ```ts
 * subjectKey('  Tech. / Coding '); // 'tech./coding'
 * ```
 */
export function subjectKey(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .split('/')
    .map((part) => part.trim())
    .join('/');
}

/** Lookup tables built once, on first use (importing the module builds nothing). */
export interface SubjectIndex {
  /** Every canonical name (coarse and fine) by lookup key. */
  readonly canonical: ReadonlyMap<string, string>;
  /** Coarse aliases (paper names and common spellings) by lookup key. */
  readonly coarseAliases: ReadonlyMap<string, CoarseSubject>;
  /** Paper fine names by `canonicalCoarseKey/paperFineKey`, e.g. `tech./programming`. */
  readonly paperFine: ReadonlyMap<string, string>;
  /** Paper fine names alone, e.g. `programming` → `Tech./Coding` (they are unique across the paper). */
  readonly paperFineBare: ReadonlyMap<string, string>;
  /** Canonical fine names by their part after the coarse prefix, e.g. `coding` → [`Tech./Coding`]. */
  readonly byLeaf: ReadonlyMap<string, readonly string[]>;
  /** Canonical fine names that a paper name maps to: preferred when a bare name is ambiguous. */
  readonly primary: ReadonlySet<string>;
  /** Paper descriptions by canonical fine name. */
  readonly descriptions: ReadonlyMap<string, string>;
}

let index: SubjectIndex | undefined;

/** The lookup tables of the taxonomy, built on first call. */
export function subjectIndex(): SubjectIndex {
  index ??= buildIndex();
  return index;
}

function buildIndex(): SubjectIndex {
  const canonical = new Map<string, string>();
  const byLeaf = new Map<string, string[]>();
  for (const coarse of COARSE_SUBJECTS) {
    canonical.set(subjectKey(coarse), coarse);
    for (const fine of FINE_SUBJECTS[coarse]) {
      canonical.set(subjectKey(fine), fine);
      const leaf = subjectKey(fine.slice(coarse.length + 1));
      const list = byLeaf.get(leaf) ?? [];
      list.push(fine);
      byLeaf.set(leaf, list);
    }
  }
  const coarseAliases = new Map<string, CoarseSubject>(Object.entries(EXTRA_COARSE_ALIASES));
  const paperFine = new Map<string, string>();
  const paperFineBare = new Map<string, string>();
  const primary = new Set<string>();
  const descriptions = new Map<string, string>();
  for (const coarse of PAPER_SUBJECTS) {
    coarseAliases.set(subjectKey(coarse.paperName), coarse.canonical);
    for (const fine of coarse.fine) {
      const key = subjectKey(fine.paperName);
      paperFine.set(`${subjectKey(coarse.canonical)}/${key}`, fine.canonical);
      paperFineBare.set(key, fine.canonical);
      primary.add(fine.canonical);
      descriptions.set(fine.canonical, fine.description);
    }
  }
  return { canonical, coarseAliases, paperFine, paperFineBare, byLeaf, primary, descriptions };
}
