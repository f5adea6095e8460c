import { BENCHHUB_BENCHMARKS, type BenchmarkInfo } from '../plan/benchmarks.js';
import { escapeRegExp } from './escape-regexp.js';
import type { RequestText } from './request-text.js';

/** Benchmark names that are also English words: matched only as written or in capitals (`CLIcK`, `CLICK`). */
const WORD_LIKE = new Set(['CLIcK', 'MATH', 'ARC', 'BLEnD', 'BBQ']);

/** Further spellings of benchmark names. */
const ALIASES: Readonly<Record<string, readonly string[]>> = {
  'HAE-RAE Bench': ['HAE-RAE', 'HAERAE', '해례'],
  'KULTURE Bench': ['KULTURE'],
  'Natural Questions (open)': ['Natural Questions', 'NQ-open'],
  'Open-BookQA': ['OpenBookQA'],
  'CANDLE CCSK': ['CANDLE'],
};

function pattern(spelling: string, caseSensitive: boolean): RegExp {
  const body = spelling
    .split(/[\s-]+/)
    .map(escapeRegExp)
    .join('[\\s-]?');
  return new RegExp(`(?<![A-Za-z0-9])${body}(?![A-Za-z0-9])`, caseSensitive ? '' : 'i');
}

/** Benchmarks a request names, and names it gives as benchmarks that BenchHub does not have. */
export interface BenchmarkReading {
  named: BenchmarkInfo[];
  unknown: string[];
}

/**
 * Reads the BenchHub benchmarks a request names (`KMMLU`, `CLIcK`, `HAE-RAE Bench`; case-insensitive
 * except for names that are also words) and masks them. A capitalised name directly before
 * "benchmark"/"벤치마크" that is not one of BenchHub's is reported as unknown.
 */
export function extractBenchmarks(text: RequestText): BenchmarkReading {
  const spellings = BENCHHUB_BENCHMARKS.flatMap((b) =>
    [b.name, ...(ALIASES[b.name] ?? [])].map((spelling) => ({ benchmark: b, spelling })),
  ).sort((a, b) => b.spelling.length - a.spelling.length);
  const named: BenchmarkInfo[] = [];
  for (const { benchmark, spelling } of spellings) {
    const exact = WORD_LIKE.has(benchmark.name);
    const found = [
      ...text.take(pattern(spelling, exact)),
      ...(exact ? text.take(pattern(spelling.toUpperCase(), true)) : []),
    ];
    if (found.length > 0 && !named.includes(benchmark)) named.push(benchmark);
  }
  const unknown = text
    .find(/(?<![\w-])([A-Za-z][\w-]*[A-Z0-9][\w-]*)\s*(?:benchmark|bench|벤치마크)/i)
    .map((m) => m.groups[0] ?? m.text)
    .filter((name) => /[A-Z].*[A-Z0-9]/.test(name));
  return { named, unknown };
}
