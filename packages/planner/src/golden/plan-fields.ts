import {
  BENCHHUB_HUB_DATASETS,
  type DatasetSpecInput,
  DatasetSpecSchema,
  EvaluationSpecSchema,
  normalizeLanguage,
  normalizeTaskType,
  type PlanInput,
  resolveSubject,
  subjectKey,
  subjectMatches,
} from '@benchhub/core';

/** A model of a plan as the scorer compares it. */
export interface PlannedModel {
  provider: string;
  model: string;
  baseUrl?: string;
}

const asList = (value: string | readonly string[] | undefined): string[] =>
  value === undefined ? [] : typeof value === 'string' ? [value] : [...value];

const unique = (values: readonly string[]): string[] => [...new Set(values)];

/** The plan's models, reduced to what a golden entry can expect. */
export function plannedModels(plan: PlanInput): PlannedModel[] {
  return (plan.models ?? []).map((m) => ({
    provider: m.provider,
    model: m.model,
    ...(typeof m.baseUrl === 'string' ? { baseUrl: m.baseUrl } : {}),
  }));
}

/** The plan's datasets (none when the field is missing). */
export function plannedDatasets(plan: PlanInput): readonly DatasetSpecInput[] {
  return plan.datasets ?? [];
}

function hubLanguage(dataset: DatasetSpecInput): string | undefined {
  if (dataset.source.type !== 'huggingface') return undefined;
  const id = dataset.source.dataset;
  return Object.entries(BENCHHUB_HUB_DATASETS).find(([, hubId]) => hubId === id)?.[0];
}

/**
 * Languages a dataset evaluates, as base tags (`ko`, `en`): its language filter, else its default label,
 * else the BenchHub Hub dataset it reads (`BenchHub/BenchHub-Ko` is Korean).
 */
export function datasetLanguages(dataset: DatasetSpecInput): string[] {
  const written = asList(dataset.filters?.language);
  const labelled = written.length > 0 ? written : asList(dataset.defaults?.language);
  const fromHub = hubLanguage(dataset);
  const names = labelled.length > 0 ? labelled : fromHub === undefined ? [] : [fromHub];
  return unique(names.map((n) => (normalizeLanguage(n) ?? n.trim().toLowerCase()).split('-')[0] ?? n));
}

/**
 * Subject filter of a dataset as comparison keys, canonical where the name resolves, with subjects that
 * another listed subject already covers removed: `["Tech.", "Tech./Coding"]` selects all of `Tech.`.
 */
export function subjectSelection(subjects: readonly string[]): string[] {
  const canonical = unique(subjects.map((s) => resolveSubject(s) ?? s.trim()));
  const kept = canonical.filter((s) => !canonical.some((other) => other !== s && subjectMatches(other, s)));
  return unique(kept.map((s) => subjectKey(s))).sort();
}

/** The subject filter of a dataset. */
export function datasetSubjects(dataset: DatasetSpecInput): string[] {
  return asList(dataset.filters?.subjectType);
}

/** Task types of a dataset's filter, canonically spelled (`value` → `Value/alignment`). */
export function datasetTaskTypes(dataset: DatasetSpecInput): string[] {
  return unique(asList(dataset.filters?.taskType).map(normalizeTaskType));
}

/** A case-insensitive filter of a dataset (`problemType`, `targetType`, `benchmarkName`), lower-cased. */
export function datasetLabelFilter(
  dataset: DatasetSpecInput,
  field: 'problemType' | 'targetType' | 'benchmarkName',
): string[] {
  return unique(asList(dataset.filters?.[field]).map((v) => v.trim().toLowerCase()));
}

/** The seed a dataset samples with, the schema's default applied. */
export function datasetSeed(dataset: DatasetSpecInput): number {
  return dataset.seed ?? DatasetSpecSchema.shape.seed.parse(undefined);
}

/** The plan's scoring method, the schema's default applied. */
export function plannedMethod(plan: PlanInput): string {
  return plan.evaluation?.method ?? EvaluationSpecSchema.shape.method.parse(undefined);
}

/** The plan's metrics, the schema's default applied. */
export function plannedMetrics(plan: PlanInput): string[] {
  return plan.evaluation?.metrics ?? EvaluationSpecSchema.shape.metrics.parse(undefined);
}
