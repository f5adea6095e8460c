import type { Task } from '../domain/task.js';
import { BenchHubError } from '../errors/benchhub-error.js';
import type { NewTask } from '../spec/storage.js';
import { cloneData, isPlainRecord, type StorageDataCopy } from './plain-data.js';

/**
 * Checks a `NewTask` as `StorageV1.createTask` defines it and returns the id to use (`input.id`, else
 * `generateId()`); throws a `BenchHubError` naming the bad field.
 */
export function checkNewTask(input: NewTask, generateId: () => string): string {
  if (!isPlainRecord(input)) throw new BenchHubError('createTask: expected a NewTask object');
  if (typeof input.planName !== 'string' || input.planName.trim() === '') {
    throw new BenchHubError('createTask: planName must be a non-empty string');
  }
  if (!isPlainRecord(input.plan)) throw new BenchHubError('createTask: plan must be an object');
  if (input.total !== undefined && !(Number.isInteger(input.total) && input.total >= 0)) {
    throw new BenchHubError(`createTask: total must be an integer >= 0, got ${String(input.total)}`);
  }
  if (input.metadata !== undefined && !isPlainRecord(input.metadata)) {
    throw new BenchHubError('createTask: metadata must be an object');
  }
  if (input.id !== undefined && (typeof input.id !== 'string' || input.id === '')) {
    throw new BenchHubError('createTask: id must be a non-empty string');
  }
  return input.id ?? generateId();
}

/**
 * The PENDING task a checked `NewTask` (see {@link checkNewTask}) creates, its plan and metadata copied
 * with `copy` (default {@link cloneData}).
 */
export function buildNewTask(
  input: NewTask,
  id: string,
  createdAt: Date,
  copy: StorageDataCopy = cloneData,
): Task {
  const task: Task = {
    id,
    planName: input.planName,
    plan: copy(input.plan, 'createTask: plan'),
    status: 'PENDING',
    progress: { total: input.total ?? 0, completed: 0, failed: 0 },
    createdAt,
  };
  if (input.metadata !== undefined) task.metadata = copy(input.metadata, 'createTask: metadata');
  return task;
}
