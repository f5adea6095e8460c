import {
  BENCHHUB_HUB_DATASETS,
  BUILTIN_METRIC_NAMES,
  COARSE_SUBJECTS,
  EVALUATION_METHODS,
  FINE_SUBJECTS,
  KNOWN_PROVIDERS,
  PROBLEM_TYPES,
  resolveSubject,
  TASK_TYPES,
  unknownSubjectMessage,
} from '@benchhub/core';
import { z } from 'zod';

/**
 * Problem types a golden entry may expect: core's `PROBLEM_TYPES` plus `short-form` (short answers), which
 * BenchHub Plus's planner offers. Compared case-insensitively, as BenchHub's filters are.
 */
export const GOLDEN_PROBLEM_TYPES = [...PROBLEM_TYPES, 'short-form'] as const;

/** Target types of BenchHub: universal knowledge (`General`) or culture-specific (`Local`). */
export const GOLDEN_TARGET_TYPES = ['General', 'Local'] as const;

/** Evaluation languages BenchHub has data in (the keys of `BENCHHUB_HUB_DATASETS`). */
export const GOLDEN_LANGUAGES = Object.keys(BENCHHUB_HUB_DATASETS) as ['ko', 'en'];

/** How a request reads: fully stated, vague (a warning is due), or impossible (planning must fail). */
export const GOLDEN_KINDS = ['specific', 'vague', 'impossible'] as const;

let canonicalSubjects: ReadonlySet<string> | undefined;

/** Whether a name is a canonical subject of core's taxonomy, spelled exactly (coarse or fine). */
export function isCanonicalSubject(name: string): boolean {
  canonicalSubjects ??= new Set<string>([...COARSE_SUBJECTS, ...Object.values(FINE_SUBJECTS).flat()]);
  return canonicalSubjects.has(name);
}

const CanonicalSubjectSchema = z.string().superRefine((name, ctx) => {
  if (isCanonicalSubject(name)) return;
  const canonical = resolveSubject(name);
  ctx.addIssue({
    code: 'custom',
    message:
      canonical === undefined
        ? unknownSubjectMessage(name)
        : `write the canonical subject "${canonical}" instead of "${name}"`,
  });
});

const MetricNameSchema = z
  .string()
  .refine((name) => BUILTIN_METRIC_NAMES.includes(name) || /^pass@[1-9]\d*$/.test(name), {
    error: (issue) =>
      `unknown metric "${String(issue.input)}" (built-in: ${BUILTIN_METRIC_NAMES.join(', ')})`,
  });

/**
 * One model the plan must contain: always its provider; the model name when the request names a concrete
 * model (verbatim, "/" included); the base URL when the request gives an endpoint.
 */
export const GoldenModelSchema = z
  .object({
    provider: z.string().refine((p) => (KNOWN_PROVIDERS as readonly string[]).includes(p), {
      error: (issue) => `unknown provider "${String(issue.input)}": use one of ${KNOWN_PROVIDERS.join(', ')}`,
    }),
    model: z.string().min(1).optional(),
    baseUrl: z.string().min(1).optional(),
  })
  .strict();
/** One expected model. */
export type GoldenModel = z.infer<typeof GoldenModelSchema>;

/** The plan fields a request determines; only listed fields are scored. */
export const GoldenExpectSchema = z
  .object({
    /** Every model the request names, in any order. */
    models: z.array(GoldenModelSchema).min(1).optional(),
    /** Evaluation language of every dataset. */
    language: z.enum(GOLDEN_LANGUAGES).optional(),
    /** Canonical subjects; compared as sets (a coarse subject covers its fine ones). */
    subjectType: z.array(CanonicalSubjectSchema).min(1).optional(),
    taskType: z.enum(TASK_TYPES).optional(),
    problemType: z.enum(GOLDEN_PROBLEM_TYPES).optional(),
    targetType: z.enum(GOLDEN_TARGET_TYPES).optional(),
    /** Benchmarks of BenchHub the request restricts to (names as in BenchHub's dataset list). */
    benchmarkName: z.array(z.string().min(1)).min(1).optional(),
    /** Questions in total, over all datasets of the plan. */
    sampleSize: z.number().int().positive().optional(),
    seed: z.number().int().optional(),
    metrics: z.array(MetricNameSchema).min(1).optional(),
    method: z.enum(EVALUATION_METHODS).optional(),
    /** Text injected into the request that must not appear anywhere in the plan. */
    absent: z.array(z.string().min(1)).min(1).optional(),
    /** At least one warning is expected (for vague requests: what was assumed). */
    warning: z.literal(true).optional(),
    /** Planning must fail with a message containing this text (case-insensitive). */
    error: z.string().min(1).optional(),
  })
  .strict();
/** The expected plan fields of one golden entry. */
export type GoldenExpect = z.infer<typeof GoldenExpectSchema>;

/** One request of the golden set with the plan fields a careful human expects. */
export const GoldenEntrySchema = z
  .object({
    /** Unique id, prefixed with the request's language: `ko-history-compare`. */
    id: z.string().regex(/^(ko|en)-[a-z0-9]+(-[a-z0-9]+)*$/, {
      error: 'must be kebab-case and start with the language, e.g. "ko-history-compare"',
    }),
    /** Language the request is written in. */
    language: z.enum(GOLDEN_LANGUAGES),
    kind: z.enum(GOLDEN_KINDS),
    query: z.string().min(1),
    expect: GoldenExpectSchema,
    /** Why the expectation is what it is, where a reader could doubt it. */
    note: z.string().optional(),
  })
  .strict()
  .superRefine((entry, ctx) => {
    const issue = (path: PropertyKey[], message: string): void => {
      ctx.addIssue({ code: 'custom', path, message });
    };
    if (!entry.id.startsWith(`${entry.language}-`))
      issue(['id'], `must start with "${entry.language}-", the language of the entry`);
    const listed = Object.keys(entry.expect);
    if (listed.length === 0) issue(['expect'], 'expects nothing: list at least one field');
    if (entry.kind === 'impossible') {
      if (entry.expect.error === undefined)
        issue(['expect', 'error'], 'an impossible request must expect an error (a substring of its message)');
      const others = listed.filter((field) => field !== 'error');
      if (others.length > 0)
        issue(['expect'], `an impossible request expects only an error, not ${others.join(', ')}`);
    } else if (entry.expect.error !== undefined) {
      issue(['expect', 'error'], `only impossible requests expect an error (kind is "${entry.kind}")`);
    }
    if (entry.kind === 'vague' && entry.expect.warning !== true)
      issue(['expect', 'warning'], 'a vague request must expect a warning saying what was assumed');
  });
/** One golden entry. */
export type GoldenEntry = z.infer<typeof GoldenEntrySchema>;

/** A golden set file: `{ version: 1, entries: [...] }` with unique entry ids. */
export const GoldenSetSchema = z
  .object({
    version: z.literal(1, { error: 'unsupported golden set version: this BenchHub reads version 1' }),
    description: z.string().optional(),
    entries: z.array(GoldenEntrySchema).min(1),
  })
  .strict()
  .superRefine((set, ctx) => {
    const seen = new Map<string, number>();
    set.entries.forEach((entry, index) => {
      const first = seen.get(entry.id);
      if (first === undefined) seen.set(entry.id, index);
      else
        ctx.addIssue({
          code: 'custom',
          path: ['entries', index, 'id'],
          message: `id "${entry.id}" is already used by entries[${first}]`,
        });
    });
  });
/** A validated golden set. */
export type GoldenSet = z.infer<typeof GoldenSetSchema>;
