import type { Sample } from '../domain/sample.js';
import { DatasetError } from '../errors/dataset-error.js';
import { PlanValidationError } from '../errors/plan-validation-error.js';
import type { Logger } from '../logger/logger.js';
import { compileFilters } from './filters.js';
import { ROW_MAPPERS } from './mappers/index.js';
import type { RowMapperContext } from './mappers/types.js';
import { mulberry32 } from './sampling/prng.js';
import { ReservoirSampler } from './sampling/reservoir.js';
import { StratifiedSampler } from './sampling/stratified.js';
import { type HuggingFaceSourceOpener, openDatasetSourceBatches } from './sources/open-source.js';
import { type DatasetSpec, type DatasetSpecInput, DatasetSpecSchema } from './spec.js';
import { validateSample } from './validate-sample.js';

/** Counts of one load; final once iteration has finished. */
export interface LoadStats {
  /** Rows read from the source, malformed ones included. */
  read: number;
  /** Malformed rows skipped (`onInvalidRow: 'skip'`). */
  skipped: number;
  /** Valid rows that passed the filters. */
  matched: number;
  /** Samples yielded (after sampling). */
  selected: number;
}

/** Options of {@link loadSamples}. */
export interface LoadSamplesOptions {
  /** Directory relative file paths resolve against (the plan file's directory); default: cwd. */
  baseDir?: string;
  /** Stops loading when aborted (the iteration throws the signal's reason). */
  signal?: AbortSignal;
  /** Called with each malformed row skipped under `onInvalidRow: 'skip'`. */
  onSkip?: (error: DatasetError) => void;
  /** Receives a summary line at the end and skipped rows at debug level. */
  logger?: Logger;
  /** Opens `huggingface` sources; default `createHuggingFaceOpener()` (public Hub, no token). */
  huggingface?: HuggingFaceSourceOpener;
}

/** The samples of one dataset: iterate them (once or again: each iteration reloads) and read `stats`. */
export interface LoadedSamples extends AsyncIterable<Sample> {
  /** The dataset spec with its defaults applied. */
  readonly spec: DatasetSpec;
  /** Counts of the current (or last) iteration. */
  readonly stats: LoadStats;
}

function parseSpec(input: DatasetSpecInput | DatasetSpec): DatasetSpec {
  const result = DatasetSpecSchema.safeParse(input);
  if (result.success) return result.data;
  throw new PlanValidationError(
    result.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message })),
  );
}

/**
 * Streams the samples of a dataset: source rows → row mapper (validation) → filters → seeded sample.
 *
 * - Without `sampleSize` every matching sample streams through as it is read (memory flat).
 * - With `sampleSize`, a reservoir keeps `sampleSize` samples (O(sampleSize) memory; per subject stratum
 *   when `stratifyBy: 'subject'`, keyed by the first subject) and yields them, in source order, once
 *   the source is exhausted. The same seed gives the same samples on every machine.
 * - A malformed row (bad JSON line, bad CSV record, a mapper's DatasetError) stops the load with that
 *   error under `onInvalidRow: 'stop'` (the default), or is counted in `stats.skipped` and passed to
 *   `onSkip` under `'skip'`.
 *
 * The spec is validated first (a bad spec throws PlanValidationError). Nothing is read until iteration.
 *
 * @example
 * ```ts
 * const loaded = loadSamples({ name: 'ko-hass', source: { type: 'file', path: 'benchhub-ko.jsonl' },
 *   filters: { language: 'ko', subjectType: 'HASS' }, sampleSize: 100, seed: 7 }, { baseDir: planDir });
 * for await (const sample of loaded) console.log(sample.id);
 * console.log(loaded.stats); // { read, skipped, matched, selected }
 * ```
 */
export function loadSamples(
  spec: DatasetSpecInput | DatasetSpec,
  options: LoadSamplesOptions = {},
): LoadedSamples {
  const parsed = parseSpec(spec);
  const stats: LoadStats = { read: 0, skipped: 0, matched: 0, selected: 0 };
  const iterate = async function* (): AsyncGenerator<Sample> {
    stats.read = 0;
    stats.skipped = 0;
    stats.matched = 0;
    stats.selected = 0;
    const { signal, logger } = options;
    const skipping = parsed.onInvalidRow === 'skip';
    const skip = (error: DatasetError): void => {
      stats.skipped++;
      logger?.debug('skipped malformed row', {
        source: error.source,
        row: error.row,
        field: error.field,
        message: error.message,
      });
      options.onSkip?.(error);
    };
    const mapRow = ROW_MAPPERS[parsed.format];
    const context: RowMapperContext = parsed.defaults === undefined ? {} : { defaults: parsed.defaults };
    const keep = compileFilters(parsed.filters);
    const batches = openDatasetSourceBatches(parsed.source, {
      ...(options.baseDir === undefined ? {} : { baseDir: options.baseDir }),
      ...(signal ? { signal } : {}),
      ...(logger ? { logger } : {}),
      ...(options.huggingface ? { huggingface: options.huggingface } : {}),
      ...(skipping
        ? {
            onRowError: (error: DatasetError) => {
              stats.read++;
              skip(error);
            },
          }
        : {}),
    });
    const size = parsed.sampleSize;
    const rng = mulberry32(parsed.seed);
    const reservoir =
      size !== undefined && parsed.stratifyBy === undefined
        ? new ReservoirSampler<Sample>(size, rng)
        : undefined;
    const stratified =
      size !== undefined && parsed.stratifyBy === 'subject'
        ? new StratifiedSampler<Sample>(size, rng)
        : undefined;
    for await (const batch of batches) {
      if (signal?.aborted) signal.throwIfAborted();
      const ready: Sample[] = [];
      for (const raw of batch) {
        stats.read++;
        let sample: Sample;
        try {
          sample = mapRow(raw, context);
          validateSample(sample, raw);
        } catch (error) {
          if (!skipping || !DatasetError.isInstance(error)) throw error;
          skip(error);
          continue;
        }
        if (!keep(sample.metadata)) continue;
        stats.matched++;
        if (reservoir) reservoir.offer(sample);
        else if (stratified) stratified.offer(sample.metadata.subjectType[0] ?? '', sample);
        else ready.push(sample);
      }
      for (const sample of ready) {
        if (signal?.aborted) signal.throwIfAborted();
        stats.selected++;
        yield sample;
      }
    }
    const chosen = reservoir?.result() ?? stratified?.result();
    if (chosen) {
      for (const sample of chosen) {
        stats.selected++;
        yield sample;
      }
    }
    logger?.info('dataset loaded', { dataset: parsed.name, ...stats });
  };
  return {
    spec: parsed,
    stats,
    [Symbol.asyncIterator]: () => iterate(),
  };
}

/**
 * Loads a whole dataset into memory: {@link loadSamples}, collected. Convenient for small datasets and
 * tests; prefer iterating `loadSamples` for large ones.
 */
export async function collectSamples(
  spec: DatasetSpecInput | DatasetSpec,
  options: LoadSamplesOptions = {},
): Promise<{ samples: Sample[]; stats: LoadStats }> {
  const loaded = loadSamples(spec, options);
  const samples: Sample[] = [];
  for await (const sample of loaded) samples.push(sample);
  return { samples, stats: { ...loaded.stats } };
}
