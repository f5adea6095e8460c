import { z } from 'zod';

/** Where rows come from. Paths are relative to the plan file (or the working directory). */
export const DatasetSourceSpecSchema = z.discriminatedUnion('type', [
  z
    .object({
      type: z.literal('file'),
      /** A file, a directory (every data file below it), or a glob-free list of both. */
      path: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]),
      /** Defaults to the file extension: .jsonl/.ndjson, .json, .csv, .parquet. */
      format: z.enum(['jsonl', 'json', 'csv', 'parquet']).optional(),
    })
    .strict(),
  z
    .object({
      type: z.literal('huggingface'),
      /** Dataset id on the Hub, e.g. `BenchHub/BenchHub-Ko`. */
      dataset: z.string().min(1),
      config: z.string().default('default'),
      split: z.string().default('train'),
      /** Hub endpoint; defaults to the public Hub. */
      endpoint: z.string().url().optional(),
      /** Name of an environment variable holding an access token (never the token itself). */
      tokenEnv: z.string().optional(),
    })
    .strict(),
  z
    .object({
      type: z.literal('inline'),
      /** Rows given in the plan itself (small tests and examples). */
      rows: z.array(z.record(z.string(), z.unknown())).min(1),
    })
    .strict(),
]);
/** Where rows come from. */
export type DatasetSourceSpec = z.infer<typeof DatasetSourceSpecSchema>;

/** Row layouts BenchHub maps to samples. */
export const ROW_FORMATS = ['benchhub', 'click', 'haerae', 'mmlu', 'kmmlu'] as const;
/** A row layout. */
export type RowFormat = (typeof ROW_FORMATS)[number];

const stringList = z.union([z.string(), z.array(z.string())]).transform((v) => (Array.isArray(v) ? v : [v]));

/**
 * BenchHub's filters: case-insensitive, OR within one filter, AND across filters. A coarse subject
 * (`HASS`) matches its fine subjects (`HASS/History`).
 */
export const DatasetFiltersSchema = z
  .object({
    problemType: stringList.optional(),
    taskType: stringList.optional(),
    targetType: stringList.optional(),
    subjectType: stringList.optional(),
    benchmarkName: stringList.optional(),
    language: stringList.optional(),
  })
  .strict();
/** Filters over sample labels. */
export type DatasetFilters = z.infer<typeof DatasetFiltersSchema>;

/** One dataset of a plan: source, layout, filters and seeded sampling. */
export const DatasetSpecSchema = z
  .object({
    /** A name for reports; unique within the plan. */
    name: z.string().min(1),
    source: DatasetSourceSpecSchema,
    /** How rows map to samples. */
    format: z.enum(ROW_FORMATS).default('benchhub'),
    filters: DatasetFiltersSchema.optional(),
    /** How many samples to draw after filtering; all when absent. */
    sampleSize: z.number().int().positive().optional(),
    /** Seed of the sampler; the same seed gives the same rows on every machine. */
    seed: z.number().int().default(42),
    /** Draw the sample proportionally within each subject. */
    stratifyBy: z.enum(['subject']).optional(),
    /** What a malformed row does: stop the run (default) or skip it and count it. */
    onInvalidRow: z.enum(['stop', 'skip']).default('stop'),
    /** Labels applied to rows that do not carry them (e.g. the language of an MMLU CSV). */
    defaults: z
      .object({
        language: z.string().optional(),
        subjectType: stringList.optional(),
        taskType: z.string().optional(),
        targetType: z.string().optional(),
        benchmarkName: z.string().optional(),
      })
      .strict()
      .optional(),
  })
  .strict();
/** One dataset of a plan. */
export type DatasetSpec = z.infer<typeof DatasetSpecSchema>;
/** A dataset spec as written (before defaults apply). */
export type DatasetSpecInput = z.input<typeof DatasetSpecSchema>;
