import type { DatasetSpecInput, PlanInput } from '@benchhub/core';
import {
  datasetLabelFilter,
  datasetLanguages,
  datasetSeed,
  datasetSubjects,
  datasetTaskTypes,
  type PlannedModel,
  plannedDatasets,
  plannedMethod,
  plannedMetrics,
  plannedModels,
  subjectSelection,
} from './plan-fields.js';
import type { GoldenEntry, GoldenModel } from './schema.js';

/** What a planner produced for one request: a plan with its warnings, or an error. */
export interface PlanOutcome {
  /** The plan, when planning succeeded. */
  plan?: PlanInput | undefined;
  /** Warnings the planner gave (e.g. what it assumed for a vague request). */
  warnings: readonly string[];
  /** The message of the planning error, when planning failed. */
  error?: string | undefined;
}

/** The result of one expected field (one point). */
export interface GoldenFieldResult {
  /** `models[0]`, `subjectType`, `sampleSize`, ... */
  field: string;
  expected: unknown;
  actual: unknown;
  ok: boolean;
}

/** The score of one golden entry: one point per expected field. */
export interface GoldenScore {
  id: string;
  matched: number;
  total: number;
  fields: GoldenFieldResult[];
}

/** Scores of many entries added up, overall and per field name (`models[2]` counts as `models`). */
export interface GoldenSummary {
  entries: number;
  matched: number;
  total: number;
  /** `matched / total`; 0 when nothing was expected. */
  fieldAccuracy: number;
  byField: Record<string, { matched: number; total: number }>;
}

const sameSet = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && [...a].sort().every((v, i) => v === [...b].sort()[i]);

/** Reported value: one dataset's values as a scalar when single, else the list per dataset. */
function perDataset(values: readonly string[][]): unknown {
  const compact = values.map((v) => (v.length === 1 ? v[0] : v));
  return compact.length === 1 ? compact[0] : compact;
}

/** One point when every dataset of the plan selects exactly `expected` (there is at least one dataset). */
function everyDataset(
  field: string,
  expected: unknown,
  wanted: readonly string[],
  datasets: readonly DatasetSpecInput[] | undefined,
  read: (dataset: DatasetSpecInput) => string[],
): GoldenFieldResult {
  if (datasets === undefined) return { field, expected, actual: undefined, ok: false };
  const values = datasets.map(read);
  const ok = values.length > 0 && values.every((v) => sameSet(v, wanted));
  return { field, expected, actual: perDataset(values), ok };
}

const trimSlash = (url: string): string => url.replace(/\/+$/, '');

function modelMatches(expected: GoldenModel, actual: PlannedModel): boolean {
  if (actual.provider !== expected.provider) return false;
  if (expected.model !== undefined && actual.model !== expected.model) return false;
  if (expected.baseUrl === undefined) return true;
  return actual.baseUrl !== undefined && trimSlash(actual.baseUrl) === trimSlash(expected.baseUrl);
}

/**
 * One point per expected model. Each plan model answers one expectation; expectations naming a model
 * are matched before provider-only ones, so `{ provider: 'openai' }` cannot take the `gpt-4o` another
 * expectation needs.
 */
function scoreModels(expected: readonly GoldenModel[], plan: PlanInput | undefined): GoldenFieldResult[] {
  const actual = plan === undefined ? [] : plannedModels(plan);
  const taken = new Set<number>();
  const matchOf = new Map<number, PlannedModel>();
  const order = expected
    .map((model, index) => ({ model, index }))
    .sort((a, b) => Number(a.model.model === undefined) - Number(b.model.model === undefined));
  for (const { model, index } of order) {
    const found = actual.findIndex((candidate, i) => !taken.has(i) && modelMatches(model, candidate));
    if (found === -1) continue;
    taken.add(found);
    matchOf.set(index, actual[found]!);
  }
  return expected.map((model, index) => {
    const match = matchOf.get(index);
    return {
      field: `models[${index}]`,
      expected: model,
      actual: match ?? (plan === undefined ? undefined : actual),
      ok: match !== undefined,
    };
  });
}

function scoreSampleSize(
  expected: number,
  datasets: readonly DatasetSpecInput[] | undefined,
): GoldenFieldResult {
  const sizes = datasets?.map((d) => d.sampleSize) ?? [];
  const complete = sizes.length > 0 && sizes.every((s) => s !== undefined);
  const total = complete ? sizes.reduce<number>((sum, s) => sum + (s ?? 0), 0) : undefined;
  return { field: 'sampleSize', expected, actual: total, ok: total === expected };
}

function scoreAbsent(expected: readonly string[], plan: PlanInput | undefined): GoldenFieldResult {
  if (plan === undefined) return { field: 'absent', expected, actual: undefined, ok: false };
  const text = JSON.stringify(plan).toLowerCase();
  const found = expected.filter((needle) => text.includes(needle.toLowerCase()));
  return { field: 'absent', expected, actual: found, ok: found.length === 0 };
}

/**
 * Scores a planner's outcome against a golden entry: one point per expected field.
 *
 * - `models`: one point per expected model, matched by provider and, when given, model name (verbatim)
 *   and base URL; each plan model matches one expectation. Extra plan models cost nothing.
 * - `language`, `taskType`, `problemType`, `targetType`, `benchmarkName`, `seed`: every dataset of the
 *   plan must select exactly the expected value (language from the filter, the default label or the
 *   BenchHub Hub dataset; task types normalised; the label filters case-insensitive; a missing seed is
 *   the schema's default, 42).
 * - `subjectType`: every dataset's subject filter must select the same subjects as expected (names
 *   resolved, so aliases count; a coarse subject listed beside its fine ones widens the selection to
 *   the coarse subject).
 * - `sampleSize`: the sum over the plan's datasets (each must set one).
 * - `metrics` (as a set) and `method`: the plan's evaluation, defaults applied.
 * - `absent`: the plan exists and contains none of the given texts (case-insensitive).
 * - `warning`: at least one warning. `error`: planning failed with a message containing the text.
 *
 * Without a plan every plan field fails.
 *
 * @example
 * ```ts
 * const score = scorePlanAgainstGolden(entry, { plan, warnings: [] });
 * console.log(`${score.id}: ${score.matched}/${score.total}`);
 * ```
 */
export function scorePlanAgainstGolden(entry: GoldenEntry, outcome: PlanOutcome): GoldenScore {
  const { expect } = entry;
  const plan = outcome.plan;
  const datasets = plan === undefined ? undefined : plannedDatasets(plan);
  const fields: GoldenFieldResult[] = [];

  if (expect.models !== undefined) fields.push(...scoreModels(expect.models, plan));
  if (expect.language !== undefined)
    fields.push(everyDataset('language', expect.language, [expect.language], datasets, datasetLanguages));
  if (expect.subjectType !== undefined) {
    const wanted = subjectSelection(expect.subjectType);
    fields.push({
      ...everyDataset('subjectType', expect.subjectType, wanted, datasets, (d) =>
        subjectSelection(datasetSubjects(d)),
      ),
      ...(datasets === undefined ? {} : { actual: perDataset(datasets.map(datasetSubjects)) }),
    });
  }
  if (expect.taskType !== undefined)
    fields.push(everyDataset('taskType', expect.taskType, [expect.taskType], datasets, datasetTaskTypes));
  for (const field of ['problemType', 'targetType'] as const) {
    const value = expect[field];
    if (value !== undefined)
      fields.push(
        everyDataset(field, value, [value.toLowerCase()], datasets, (d) => datasetLabelFilter(d, field)),
      );
  }
  if (expect.benchmarkName !== undefined) {
    const wanted = [...new Set(expect.benchmarkName.map((b) => b.trim().toLowerCase()))];
    fields.push(
      everyDataset('benchmarkName', expect.benchmarkName, wanted, datasets, (d) =>
        datasetLabelFilter(d, 'benchmarkName'),
      ),
    );
  }
  if (expect.sampleSize !== undefined) fields.push(scoreSampleSize(expect.sampleSize, datasets));
  if (expect.seed !== undefined)
    fields.push(
      everyDataset('seed', expect.seed, [String(expect.seed)], datasets, (d) => [String(datasetSeed(d))]),
    );
  if (expect.metrics !== undefined) {
    const actual = plan === undefined ? undefined : plannedMetrics(plan);
    const ok = actual !== undefined && sameSet([...new Set(actual)], [...new Set(expect.metrics)]);
    fields.push({ field: 'metrics', expected: expect.metrics, actual, ok });
  }
  if (expect.method !== undefined) {
    const actual = plan === undefined ? undefined : plannedMethod(plan);
    fields.push({ field: 'method', expected: expect.method, actual, ok: actual === expect.method });
  }
  if (expect.absent !== undefined) fields.push(scoreAbsent(expect.absent, plan));
  if (expect.warning !== undefined)
    fields.push({
      field: 'warning',
      expected: true,
      actual: outcome.warnings,
      ok: outcome.warnings.length > 0,
    });
  if (expect.error !== undefined) {
    const error = outcome.error;
    const ok = error?.toLowerCase().includes(expect.error.toLowerCase()) === true;
    fields.push({ field: 'error', expected: expect.error, actual: error, ok });
  }

  const matched = fields.filter((f) => f.ok).length;
  return { id: entry.id, matched, total: fields.length, fields };
}

/**
 * Adds up entry scores: `fieldAccuracy` is matched over expected fields across all entries, and
 * `byField` shows which fields a planner gets wrong.
 */
export function summarizeGoldenScores(scores: readonly GoldenScore[]): GoldenSummary {
  const byField: Record<string, { matched: number; total: number }> = {};
  let matched = 0;
  let total = 0;
  for (const score of scores) {
    matched += score.matched;
    total += score.total;
    for (const field of score.fields) {
      const name = field.field.replace(/\[\d+\]$/, '');
      const tally = byField[name] ?? { matched: 0, total: 0 };
      byField[name] = tally;
      tally.total++;
      if (field.ok) tally.matched++;
    }
  }
  return {
    entries: scores.length,
    matched,
    total,
    fieldAccuracy: total === 0 ? 0 : matched / total,
    byField,
  };
}
