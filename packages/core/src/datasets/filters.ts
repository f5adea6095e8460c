import { normalizeLanguage } from '../domain/language.js';
import type { SampleMetadata } from '../domain/sample.js';
import { subjectMatches } from '../taxonomy/resolve.js';
import type { DatasetFilters } from './spec.js';

/** A compiled filter: true when a sample's labels pass every filter. */
export type SampleFilter = (metadata: SampleMetadata) => boolean;

/** A language filter value as a lower-case tag (normalised when it is a known language). */
function languageKey(value: string): string {
  return (normalizeLanguage(value) ?? value.trim()).toLowerCase();
}

function oneOf(values: readonly string[] | undefined): ((value: string | undefined) => boolean) | undefined {
  if (values === undefined || values.length === 0) return undefined;
  const set = new Set(values.map((v) => v.trim().toLowerCase()));
  return (value) => value !== undefined && set.has(value.toLowerCase());
}

/**
 * Compiles BenchHub filters into one predicate over sample metadata. Semantics:
 * - case-insensitive; OR within a filter (any listed value), AND across filters;
 * - `subjectType`: any of the sample's subjects matches any filter subject by the taxonomy's `subjectMatches`
 *   (aliases such as `Technology` resolve; a coarse subject matches its fine ones);
 * - `language`: both sides normalised to BCP-47 (`Korean` = `ko`); a language filter also matches its
 *   regional tags (`ko` matches `ko-KR`);
 * - `problemType`, `taskType`, `targetType`, `benchmarkName`: equality;
 * - a sample without the filtered label does not match; an absent or empty filter matches everything.
 *
 * @example
 * ```ts
 * const keep = compileFilters({ language: ['Korean'], subjectType: ['HASS'] });
 * keep({ language: 'ko', subjectType: ['HASS/History'] }); // true
 * ```
 */
export function compileFilters(filters: DatasetFilters | undefined): SampleFilter {
  if (filters === undefined) return () => true;
  const checks: SampleFilter[] = [];
  const problemType = oneOf(filters.problemType);
  if (problemType) checks.push((m) => problemType(m.problemType));
  const taskType = oneOf(filters.taskType);
  if (taskType) checks.push((m) => taskType(m.taskType));
  const targetType = oneOf(filters.targetType);
  if (targetType) checks.push((m) => targetType(m.targetType));
  const benchmarkName = oneOf(filters.benchmarkName);
  if (benchmarkName) checks.push((m) => benchmarkName(m.benchmarkName));
  if (filters.language && filters.language.length > 0) {
    const wanted = filters.language.map(languageKey);
    const memo = new Map<string, boolean>();
    checks.push((m) => {
      let hit = memo.get(m.language);
      if (hit === undefined) {
        const key = languageKey(m.language);
        hit = wanted.some((w) => key === w || (key.startsWith(w) && key.charCodeAt(w.length) === 0x2d));
        if (memo.size < 1024) memo.set(m.language, hit);
      }
      return hit;
    });
  }
  if (filters.subjectType && filters.subjectType.length > 0) {
    const wanted = filters.subjectType;
    const memo = new Map<string, boolean>();
    const matches = (subject: string): boolean => {
      let hit = memo.get(subject);
      if (hit === undefined) {
        hit = wanted.some((w) => subjectMatches(w, subject));
        if (memo.size < 4096) memo.set(subject, hit);
      }
      return hit;
    };
    checks.push((m) => m.subjectType.some(matches));
  }
  if (checks.length === 0) return () => true;
  return (metadata) => {
    for (const check of checks) if (!check(metadata)) return false;
    return true;
  };
}
