/**
 * The source benchmarks BenchHub collects, with the languages their questions are in, as BenchHub's dataset
 * list (`benchhub_dataset_info.csv`) names them. A plan's `benchmarkName` filter may name only these.
 *
 * Data module; edit by hand when BenchHub adds a benchmark.
 */

/** One BenchHub source benchmark. */
export interface BenchmarkInfo {
  /** The name BenchHub's rows carry in `benchmark_name`, e.g. `KMMLU`. */
  readonly name: string;
  /** Languages BenchHub has this benchmark's questions in. */
  readonly languages: readonly ('ko' | 'en')[];
}

const ko = ['ko'] as const;
const en = ['en'] as const;

/** Every benchmark of BenchHub with its languages. */
export const BENCHHUB_BENCHMARKS: readonly BenchmarkInfo[] = [
  { name: 'CaLMQA', languages: ['ko', 'en'] },
  { name: 'BLEnD', languages: ko },
  { name: 'KBL', languages: ko },
  { name: 'KorMedMCQA', languages: ko },
  { name: 'KMMLU', languages: ko },
  { name: 'HRM8K', languages: ko },
  { name: 'KoBBQ', languages: ko },
  { name: 'KULTURE Bench', languages: ko },
  { name: 'HAE-RAE Bench', languages: ko },
  { name: 'CLIcK', languages: ko },
  { name: 'HRMCR', languages: ko },
  { name: 'KoSBi', languages: ko },
  { name: 'ARC', languages: en },
  { name: 'SocialIQA', languages: en },
  { name: 'TriviaQA', languages: en },
  { name: 'WinoGrande', languages: en },
  { name: 'Natural Questions (open)', languages: en },
  { name: 'NarrativeQA', languages: en },
  { name: 'TruthfulQA', languages: en },
  { name: 'Open-BookQA', languages: en },
  { name: 'MMLU', languages: en },
  { name: 'BBQ', languages: en },
  { name: 'PIQA', languages: en },
  { name: 'CommonsenseQA', languages: en },
  { name: 'BBH', languages: en },
  { name: 'MATH', languages: en },
  { name: 'HumanEval', languages: en },
  { name: 'MBPP', languages: en },
  { name: 'GSM8k', languages: en },
  { name: 'GPQA', languages: en },
  { name: 'MultiNativQA', languages: en },
  { name: 'CulturalBench', languages: en },
  { name: 'SeaEval', languages: en },
  { name: 'CANDLE CCSK', languages: en },
  { name: 'GeoMLAMA', languages: en },
  { name: 'NormAd', languages: en },
  { name: 'CultureBank', languages: en },
  { name: 'KorNAT', languages: en },
];

/** The benchmark names, in the order of {@link BENCHHUB_BENCHMARKS}. */
export const BENCHMARK_NAMES: readonly string[] = BENCHHUB_BENCHMARKS.map((b) => b.name);

const key = (name: string): string => name.toLowerCase().replace(/[\s_-]+/g, '');

/**
 * The benchmark a name refers to (case, spaces, `-` and `_` ignored: `hae rae bench`, `kmmlu`), or
 * undefined.
 */
export function findBenchmark(name: string): BenchmarkInfo | undefined {
  const wanted = key(name);
  return BENCHHUB_BENCHMARKS.find((b) => key(b.name) === wanted);
}

/**
 * Questions in all of BenchHub over both languages: the BenchHub paper counts about 303K. A request for
 * more samples than this cannot be met by any filter.
 */
export const BENCHHUB_TOTAL_QUESTIONS = 303_000;
