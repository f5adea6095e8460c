import type { Task, TaskError, TaskStatus } from '@benchhub/core';
import type { Selectable } from 'kysely';
import { readJson, type SqlDialectTraits } from '../dialect/traits.js';
import type { EvaluationTasksTable } from '../schema/tables.js';

/** The columns a task is read from. */
export const TASK_COLUMNS = [
  'id',
  'plan_name',
  'plan',
  'status',
  'progress_total',
  'progress_completed',
  'progress_failed',
  'error',
  'metadata',
  'revision',
  'created_at',
  'started_at',
  'finished_at',
] as const;

/** A task row as selected with {@link TASK_COLUMNS}. */
export type TaskRow = Pick<Selectable<EvaluationTasksTable>, (typeof TASK_COLUMNS)[number]>;

/** Turns a stored row into the task it holds (optional fields absent when NULL). */
export function taskFromRow(row: TaskRow, traits: SqlDialectTraits): Task {
  const task: Task = {
    id: row.id,
    planName: row.plan_name,
    plan: readJson(row.plan) as Record<string, unknown>,
    status: row.status as TaskStatus,
    progress: {
      total: Number(row.progress_total),
      completed: Number(row.progress_completed),
      failed: Number(row.progress_failed),
    },
    createdAt: traits.fromTimestamp(row.created_at),
  };
  if (row.started_at !== null) task.startedAt = traits.fromTimestamp(row.started_at);
  if (row.finished_at !== null) task.finishedAt = traits.fromTimestamp(row.finished_at);
  if (row.error !== null) task.error = readJson(row.error) as TaskError;
  if (row.metadata !== null) task.metadata = readJson(row.metadata) as Record<string, unknown>;
  return task;
}

/** The columns that store a task's changeable state. */
export function taskStateColumns(task: Task, traits: SqlDialectTraits) {
  return {
    status: task.status,
    progress_total: task.progress.total,
    progress_completed: task.progress.completed,
    progress_failed: task.progress.failed,
    error: task.error === undefined ? null : JSON.stringify(task.error),
    metadata: task.metadata === undefined ? null : JSON.stringify(task.metadata),
    started_at: task.startedAt === undefined ? null : traits.toTimestamp(task.startedAt),
    finished_at: task.finishedAt === undefined ? null : traits.toTimestamp(task.finishedAt),
  };
}
