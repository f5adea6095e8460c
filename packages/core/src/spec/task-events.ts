import type { TaskError, TaskStatus } from '../domain/task.js';
import type { ResultKey, TaskProgress } from './storage.js';
import type { BenchHubSpecVersion } from './version.js';

/** Fields every task event carries. */
interface TaskEventBase {
  /** The task the event is about. */
  taskId: string;
  /** When the event happened (distributed backends revive it from ISO 8601 text). */
  at: Date;
}

/** A task changed status. */
export interface TaskStatusEvent extends TaskEventBase {
  /** Discriminant. */
  type: 'task.status';
  /** The new status. */
  status: TaskStatus;
  /** The status before, when known. */
  previous?: TaskStatus;
}

/** A task's counters moved. */
export interface TaskProgressEvent extends TaskEventBase {
  /** Discriminant. */
  type: 'task.progress';
  /** The counters after the change. */
  progress: TaskProgress;
}

/** A batch of sample results was stored. */
export interface ResultAppendedEvent extends TaskEventBase {
  /** Discriminant. */
  type: 'result.appended';
  /** Keys of the results written (not those skipped as duplicates). */
  keys: ResultKey[];
}

/** A task reached a terminal status; no further event about it follows unless it is restarted. */
export interface TaskDoneEvent extends TaskEventBase {
  /** Discriminant. */
  type: 'task.done';
  /** The terminal status. */
  status: Extract<TaskStatus, 'SUCCESS' | 'FAILURE' | 'CANCELLED'>;
  /** Final counters. */
  progress: TaskProgress;
  /** Why the task failed, for FAILURE. */
  error?: TaskError;
}

/** Everything that can happen to a task, discriminated by `type`. */
export type TaskEvent = TaskStatusEvent | TaskProgressEvent | ResultAppendedEvent | TaskDoneEvent;

/** Receives events; a listener that throws does not affect other listeners or the publisher. */
export type TaskEventListener = (event: TaskEvent) => void;

/** Stops a subscription; calling it twice is harmless. */
export type Unsubscribe = () => void;

/**
 * Publish/subscribe of task events: progress bars, server-sent events and webhooks listen here.
 * In-process it is an event emitter; distributed backends (Redis pub/sub) carry events between
 * workers and the server. Delivery is at most once: state lives in storage, events only notify.
 *
 * @example
 * ```ts
 * const stop = events.subscribe(taskId, (e) => { if (e.type === 'task.progress') bar.update(e.progress.completed); });
 * ```
 */
export interface TaskEventsV1 {
  /** The contract version this event bus implements. */
  readonly specificationVersion: BenchHubSpecVersion;
  /** Sends an event to the current subscribers of its task and of `'*'`. */
  publish(event: TaskEvent): Promise<void>;
  /** Listens to one task's events, or to every task's with `'*'`. */
  subscribe(taskId: string | '*', listener: TaskEventListener): Unsubscribe;
}
