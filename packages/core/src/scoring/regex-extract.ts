import { BenchHubError } from '../errors/benchhub-error.js';
import { pythonStrip } from '../text/python-text.js';
import { type PythonRegexFlags, pythonFindAll, pythonRegex } from './text/python-regex.js';

/** Options of {@link regexExtract}, named after lm-evaluation-harness's `RegexFilter` arguments. */
export interface RegexExtractOptions extends PythonRegexFlags {
  /**
   * Which match to take (`group_select`): 0 the first, -1 the last (Python indexing). An index beyond
   * the matches is an error, as in lm-eval. Default 0.
   */
  group?: number;
  /** Returned when nothing matches. Default `[invalid]`. */
  fallback?: string;
}

/** lm-eval's default `RegexFilter` pattern (GSM8K's `#### 42`). */
export const DEFAULT_REGEX_PATTERN = String.raw`#### (\-?[0-9\.\,]+)`;

/**
 * lm-evaluation-harness's `RegexFilter` (`regex` filter) on one response: `re.findall(pattern, text)`,
 * the `group`-th match; for a pattern with several groups, the first non-empty group of that match (the
 * fallback when all are empty); stripped. A string pattern is read with Python's `re` semantics (see
 * {@link pythonRegex}); a `RegExp` is used as JavaScript defines it.
 *
 * @example
 * ```ts
 * regexExtract('... so 6 * 7 = 42.\n#### 42'); // '42'
 * regexExtract('The answer is (B) or (C)', String.raw`\(([A-D])\)`, { group: -1 }); // 'C'
 * regexExtract('no number', String.raw`(\d+)`, { fallback: '' }); // ''
 * ```
 */
export function regexExtract(
  text: string,
  pattern: string | RegExp = DEFAULT_REGEX_PATTERN,
  options: RegexExtractOptions = {},
): string {
  const regex = typeof pattern === 'string' ? pythonRegex(pattern, options) : pattern;
  const fallback = options.fallback ?? '[invalid]';
  const group = options.group ?? 0;
  const matches = pythonFindAll(regex, text);
  if (matches.length === 0) return fallback;
  if (!Number.isInteger(group))
    throw new BenchHubError(`regexExtract: group must be an integer, got ${group}`);
  const match = matches[group < 0 ? matches.length + group : group];
  if (match === undefined) {
    throw new BenchHubError(
      `regexExtract: group ${group} selects no match (${matches.length} found) for ${String(pattern)}`,
    );
  }
  if (typeof match === 'string') return pythonStrip(match);
  const first = match.find((g) => g !== '');
  return pythonStrip(first ?? fallback);
}
