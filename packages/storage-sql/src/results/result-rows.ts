import type { SampleResult, SampleResultError, SampleResultLabels } from '@benchhub/core';
import type { Selectable } from 'kysely';
import { readJson, type SqlDialectTraits, type SqlValueKind } from '../dialect/traits.js';
import type { ExperimentSamplesTable } from '../schema/tables.js';

/** A sample result row as read back. */
export type SampleRow = Selectable<ExperimentSamplesTable>;

/** The columns of a sample result row, in bind order, with the kind of their values. */
export const SAMPLE_COLUMNS = [
  { name: 'task_id', kind: 'text' },
  { name: 'model_name', kind: 'text' },
  { name: 'sample_id', kind: 'text' },
  { name: 'repeat', kind: 'integer' },
  { name: 'dataset_name', kind: 'text' },
  { name: 'output', kind: 'text' },
  { name: 'extracted', kind: 'text' },
  { name: 'scores', kind: 'json' },
  { name: 'score', kind: 'double' },
  { name: 'input_tokens', kind: 'integer' },
  { name: 'output_tokens', kind: 'integer' },
  { name: 'cost_usd', kind: 'double' },
  { name: 'latency_ms', kind: 'double' },
  { name: 'attempts', kind: 'integer' },
  { name: 'error', kind: 'json' },
  { name: 'language', kind: 'text' },
  { name: 'subject_type', kind: 'text' },
  { name: 'subject_types', kind: 'json' },
  { name: 'task_type', kind: 'text' },
  { name: 'target_type', kind: 'text' },
  { name: 'problem_type', kind: 'text' },
  { name: 'benchmark_name', kind: 'text' },
  { name: 'created_at', kind: 'timestamp' },
] as const satisfies readonly { name: keyof ExperimentSamplesTable; kind: SqlValueKind }[];

/**
 * The score kept in the numeric `score` column: `accuracy` when the result has it, else its first metric;
 * NULL when it has none (a failed result) or that metric could not score the sample.
 */
export function primaryScore(scores: Readonly<Record<string, number | null>>): number | null {
  if ('accuracy' in scores) return scores.accuracy ?? null;
  for (const metric in scores) return scores[metric] ?? null;
  return null;
}

/** The values that store a result, in {@link SAMPLE_COLUMNS} order. */
export function sampleRowValues(result: SampleResult, traits: SqlDialectTraits): unknown[] {
  const labels = result.labels;
  const scores = result.scores ?? {};
  return [
    result.taskId,
    result.modelId,
    result.sampleId,
    result.repeat,
    result.datasetName,
    result.output ?? null,
    result.extracted ?? null,
    JSON.stringify(scores),
    primaryScore(scores),
    result.usage?.inputTokens ?? null,
    result.usage?.outputTokens ?? null,
    result.costUsd ?? null,
    result.latencyMs ?? null,
    result.attempts,
    result.error === undefined ? null : JSON.stringify(result.error),
    labels.language,
    labels.subjectType[0] ?? null,
    JSON.stringify(labels.subjectType),
    labels.taskType ?? null,
    labels.targetType ?? null,
    labels.problemType ?? null,
    labels.benchmarkName ?? null,
    traits.toTimestamp(result.createdAt),
  ];
}

/** The result a row stores (optional fields absent when NULL). */
export function sampleFromRow(row: SampleRow, traits: SqlDialectTraits): SampleResult {
  const labels: SampleResultLabels = {
    language: row.language,
    subjectType: readJson(row.subject_types) as string[],
  };
  if (row.task_type !== null) labels.taskType = row.task_type;
  if (row.target_type !== null) labels.targetType = row.target_type;
  if (row.problem_type !== null) labels.problemType = row.problem_type;
  if (row.benchmark_name !== null) labels.benchmarkName = row.benchmark_name;
  const result: SampleResult = {
    taskId: row.task_id,
    modelId: row.model_name,
    sampleId: row.sample_id,
    datasetName: row.dataset_name,
    repeat: Number(row.repeat),
    scores: readJson(row.scores) as Record<string, number | null>,
    attempts: Number(row.attempts),
    labels,
    createdAt: traits.fromTimestamp(row.created_at),
  };
  if (row.output !== null) result.output = row.output;
  if (row.extracted !== null) result.extracted = row.extracted;
  if (row.input_tokens !== null && row.output_tokens !== null) {
    result.usage = { inputTokens: Number(row.input_tokens), outputTokens: Number(row.output_tokens) };
  }
  if (row.cost_usd !== null) result.costUsd = Number(row.cost_usd);
  if (row.latency_ms !== null) result.latencyMs = Number(row.latency_ms);
  if (row.error !== null) result.error = readJson(row.error) as SampleResultError;
  return result;
}
