import { closestMatch } from '@benchhub/core';
import { BENCHHUB_BENCHMARKS, BENCHMARK_NAMES, type BenchmarkInfo } from '../plan/benchmarks.js';
import { escapeRegExp } from './escape-regexp.js';
import { compiledTerms } from './lexicon.js';
import type { RequestText, TextMatch } from './request-text.js';
import { isOneSlipApart } from './typos.js';

/** Benchmark names that are also English words: matched only as written or in capitals (`CLIcK`, `CLICK`). */
const WORD_LIKE = new Set(['CLIcK', 'MATH', 'ARC', 'BLEnD', 'BBQ']);

/** Further spellings of benchmark names (subsets BenchHub keeps under the benchmark's name included). */
const ALIASES: Readonly<Record<string, readonly string[]>> = {
  'HAE-RAE Bench': ['HAE-RAE', 'HAERAE', '해례'],
  'KULTURE Bench': ['KULTURE'],
  'Natural Questions (open)': ['Natural Questions', 'NQ-open'],
  'Open-BookQA': ['OpenBookQA'],
  'CANDLE CCSK': ['CANDLE'],
  ARC: ['ARC-Challenge', 'ARC-Easy', 'ARC Challenge', 'ARC Easy'],
};

/**
 * Capitalised words that are not benchmark names: acronyms of the trade, organisations, file formats and
 * BenchHub itself (compared in lower case).
 */
const NOT_BENCHMARKS = new Set(
  `llm llms ai it qa mcq mcqa mcqs api apis nlp sql ox ko en us uk usa eu gpu gpus cpu json jsonl csv yaml pdf faq tv
  ml ok vs etc hf gguf url idk tmi asap fyi kst skt kt lg openai deepseek huggingface langchain nvidia xai
  mistralai benchhub benchhubko benchhuben hret vllm ollama lmstudio`
    .split(/\s+/)
    .filter((w) => w !== ''),
);

/** A name written like a benchmark's: an acronym (`KLUE`), CamelCase (`KoBEST`) or letters and digits (`GSM8K`). */
const NAME = '[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*';

/** Where a name is used as a benchmark (`Name` stands for the name's group). */
const BENCHMARK_CONTEXTS: readonly RegExp[] = [
  new RegExp(
    `(?<![\\w-])(${NAME})\\s*(?:benchmarks?|bench|datasets?|data\\s+set|suite|벤치마크|벤치|데이터\\s*셋|데이터)(?![A-Za-z])`,
    'i',
  ),
  new RegExp(
    `(?<![A-Za-z])(?:on|using|from|with|against)\\s+(?:the\\s+)?(${NAME})(?=\\s*(?:$|[?.!,;:)]|\\s(?:with|using|for|in|and|or|at|to|only)\\b|\\s+\\d))`,
    'i',
  ),
  new RegExp(`(?<![\\w-])(${NAME})(?=(?:으로|로|에서|만|을|를|기준)(?![가-힣]))`),
  new RegExp(
    `(?<![\\w-])(${NAME})(?=\\s*(?:\\d[\\d,]*\\s*)?(?:문제|문항|questions?|items?|samples?|problems?)(?![A-Za-z]))`,
    'i',
  ),
];

/** Benchmarks named in the message for an unknown one. */
const EXAMPLES = ['KMMLU', 'CLIcK', 'HAE-RAE Bench', 'KoBBQ', 'KorMedMCQA', 'MMLU', 'GSM8k', 'HumanEval'];

/** Words between two benchmark names of a list (`KMMLU and KoBEST`, `KoBEST와 KMMLU`). */
const LIST_JOINER = /^\s*(?:,|&|\/|and|or|plus|과|와|랑|및|하고|이랑)?\s*$/i;

function pattern(spelling: string, caseSensitive: boolean): RegExp {
  const body = spelling
    .split(/[\s-]+/)
    .map(escapeRegExp)
    .join('[\\s-]?');
  return new RegExp(`(?<![A-Za-z0-9])${body}(?![A-Za-z0-9]|-[A-Za-z0-9])`, caseSensitive ? '' : 'i');
}

/** Whether a word is written like a benchmark name and is none of the words that merely look so. */
function isBenchmarkLike(name: string): boolean {
  if (name.length < 3 || NOT_BENCHMARKS.has(name.toLowerCase().replace(/-/g, ''))) return false;
  const capitals = name.replace(/[^A-Z]/g, '').length;
  const lettersAndDigits = /[A-Za-z]/.test(name) && /\d/.test(name);
  if (capitals < 2 && !(lettersAndDigits && capitals >= 1)) return false;
  return !compiledTerms().some((t) => {
    const m = t.pattern.exec(name);
    return m !== null && m[0].length === name.length;
  });
}

/** Benchmarks a request names, and names it gives as benchmarks that BenchHub does not have. */
export interface BenchmarkReading {
  named: BenchmarkInfo[];
  unknown: string[];
}

/**
 * Why a benchmark cannot be planned: BenchHub does not have it; with a did-you-mean when one of BenchHub's
 * benchmarks is close (`HumanEvl` → `HumanEval`) or is what the name extends (`MMLU-Pro` → `MMLU`).
 */
export function unknownBenchmarkMessage(name: string): string {
  const key = name.toLowerCase().replace(/[\s_-]+/g, '');
  const extended = BENCHMARK_NAMES.filter((b) => {
    const k = b.toLowerCase().replace(/[\s_-]+/g, '');
    return k.length >= 3 && key.startsWith(k);
  }).sort((a, b) => b.length - a.length)[0];
  const close = closestMatch(name, BENCHMARK_NAMES);
  const near =
    close !== undefined &&
    Math.abs(close.length - name.length) <= 3 &&
    (name.length > 4 || isOneSlipApart(name.toLowerCase(), close.toLowerCase()));
  const hint = (near ? close : undefined) ?? extended;
  const known = hint ? `did you mean "${hint}"?` : `its benchmarks include ${EXAMPLES.join(', ')}, …`;
  return `unknown benchmark "${name}": BenchHub has no benchmark of that name; ${known} (no plan is proposed rather than one over other data)`;
}

function nextToKnown(text: RequestText, m: TextMatch, known: readonly TextMatch[]): boolean {
  return known.some(
    (k) =>
      (k.end <= m.start && LIST_JOINER.test(text.original.slice(k.end, m.start))) ||
      (m.end <= k.start && LIST_JOINER.test(text.original.slice(m.end, k.start))),
  );
}

/**
 * Reads the BenchHub benchmarks a request names (`KMMLU`, `CLIcK`, `HAE-RAE Bench`; case-insensitive
 * except for names that are also words) and masks them. A name written like a benchmark's (`KoBEST`,
 * `KorNLI`, `MMLU-Pro`) that BenchHub does not have is reported as unknown when the request uses it as a
 * benchmark: before "benchmark"/"dataset"/"벤치마크"/"데이터셋", after "on"/"using" at the end of a clause,
 * before a Korean particle (`KoBEST로`), right before "questions"/"문제", or listed with a known benchmark.
 * Subject words, languages and common acronyms (`LLM`, `AI`, `STEM`) are never benchmarks.
 */
export function extractBenchmarks(text: RequestText): BenchmarkReading {
  const spellings = BENCHHUB_BENCHMARKS.flatMap((b) =>
    [b.name, ...(ALIASES[b.name] ?? [])].map((spelling) => ({ benchmark: b, spelling })),
  ).sort((a, b) => b.spelling.length - a.spelling.length);
  const named: BenchmarkInfo[] = [];
  const spans: TextMatch[] = [];
  for (const { benchmark, spelling } of spellings) {
    const exact = WORD_LIKE.has(benchmark.name);
    const found = [
      ...text.take(pattern(spelling, exact)),
      ...(exact ? text.take(pattern(spelling.toUpperCase(), true)) : []),
    ];
    spans.push(...found);
    if (found.length > 0 && !named.includes(benchmark)) named.push(benchmark);
  }
  const unknown: string[] = [];
  const candidates = [
    ...BENCHMARK_CONTEXTS.flatMap((p) => text.find(p)),
    ...text.find(new RegExp(`(?<![\\w-])(${NAME})(?![\\w-])`)).filter((m) => nextToKnown(text, m, spans)),
  ];
  for (const m of candidates) {
    const name = m.groups[0] ?? m.text;
    if (!isBenchmarkLike(name) || unknown.includes(name)) continue;
    unknown.push(name);
    const at = text.original.indexOf(name, m.start);
    if (at >= 0) text.mask(at, at + name.length);
  }
  return { named, unknown };
}
