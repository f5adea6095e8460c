import {
  type Task,
  TaskErrorSchema,
  TaskProgressSchema,
  TaskStatusSchema,
  transitionTask,
} from '../domain/task.js';
import { BenchHubError } from '../errors/benchhub-error.js';
import type { TaskUpdate } from '../spec/storage.js';
import { cloneData, isPlainRecord, type StorageDataCopy } from './plain-data.js';

/**
 * The task after `update`, as `StorageV1.updateTask` defines it: a status change goes through
 * `transitionTask` (which throws `TaskTransitionError` when the change is not allowed and sets or clears
 * `startedAt`, `finishedAt` and `error`); the same status again is no transition; progress counters merge
 * and are validated; metadata is replaced by a copy made with `copy` (default {@link cloneData}). Pure:
 * `current` is not modified.
 *
 * @example
 * ```ts
 * applyTaskUpdate(task, { status: 'STARTED', progress: { total: 10 } }, new Date());
 * ```
 */
export function applyTaskUpdate(
  current: Task,
  update: TaskUpdate,
  at: Date,
  copy: StorageDataCopy = cloneData,
): Task {
  if (typeof update !== 'object' || update === null) {
    throw new BenchHubError('updateTask: expected a TaskUpdate object');
  }
  if (update.status !== undefined && !TaskStatusSchema.safeParse(update.status).success) {
    throw new BenchHubError(`updateTask: unknown status "${String(update.status)}"`);
  }
  const target = update.status ?? current.status;
  if (update.error !== undefined) {
    if (target !== 'FAILURE') {
      throw new BenchHubError(
        `updateTask: an error is recorded only with status FAILURE (task ${current.id} would be ${target})`,
      );
    }
    if (!TaskErrorSchema.safeParse(update.error).success) {
      throw new BenchHubError('updateTask: error must be { name: non-empty string, message: string }');
    }
  }
  let next: Task =
    target === current.status
      ? { ...current }
      : transitionTask(current, target, {
          at,
          ...(update.error === undefined ? {} : { error: { ...update.error } }),
        });
  if (target === current.status && update.error !== undefined) next.error = { ...update.error };
  if (update.progress !== undefined) {
    const merged = { ...next.progress };
    for (const field of ['total', 'completed', 'failed'] as const) {
      const value = update.progress[field];
      if (value !== undefined) merged[field] = value;
    }
    const parsed = TaskProgressSchema.safeParse(merged);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new BenchHubError(
        `updateTask: progress${issue?.path.length ? `.${issue.path.join('.')}` : ''} ${issue?.message ?? 'is invalid'} (got ${JSON.stringify(merged)})`,
      );
    }
    next = { ...next, progress: merged };
  }
  if (update.metadata !== undefined) {
    if (!isPlainRecord(update.metadata)) throw new BenchHubError('updateTask: metadata must be an object');
    next.metadata = copy(update.metadata, 'updateTask: metadata');
  }
  return next;
}
