import { z } from 'zod';
import { BenchHubError, type BenchHubErrorOptions, markerGuard } from '../errors/benchhub-error.js';

/**
 * A point in time: a `Date`, or an ISO 8601 string with a time zone (what JSON and SQL rows carry).
 * Always parses to a `Date`.
 *
 * @example
 * ```ts
 * TimestampSchema.parse('2025-01-02T03:04:05Z'); // Date
 * ```
 */
export const TimestampSchema = z
  .union([z.date(), z.iso.datetime({ offset: true })])
  .transform((value) => (value instanceof Date ? value : new Date(value)));

/** The statuses of a task; the original BenchHub Plus's values, so its clients keep working. */
export const TASK_STATUSES = ['PENDING', 'STARTED', 'SUCCESS', 'FAILURE', 'CANCELLED', 'HOLD'] as const;

/** A task status. */
export const TaskStatusSchema = z.enum(TASK_STATUSES);
/** A task status. */
export type TaskStatus = z.infer<typeof TaskStatusSchema>;

const TERMINAL: ReadonlySet<TaskStatus> = new Set(['SUCCESS', 'FAILURE', 'CANCELLED']);

/**
 * Whether a status ends a run: no work happens for the task until it is explicitly restarted.
 *
 * @example
 * ```ts
 * isTerminalStatus('FAILURE'); // true
 * isTerminalStatus('HOLD');    // false
 * ```
 */
export function isTerminalStatus(status: TaskStatus): boolean {
  return TERMINAL.has(status);
}

/**
 * The allowed status changes. A task is queued (PENDING), held (HOLD) or started (STARTED); a running
 * task ends in SUCCESS, FAILURE or CANCELLED, or is put on hold. FAILURE and CANCELLED may be restarted
 * (back to PENDING: stored results make the re-run resume where it stopped); SUCCESS is final.
 */
export const TASK_TRANSITIONS: Readonly<Record<TaskStatus, readonly TaskStatus[]>> = {
  PENDING: ['STARTED', 'CANCELLED', 'HOLD', 'FAILURE'],
  HOLD: ['PENDING', 'CANCELLED'],
  STARTED: ['SUCCESS', 'FAILURE', 'CANCELLED', 'HOLD'],
  SUCCESS: [],
  FAILURE: ['PENDING'],
  CANCELLED: ['PENDING'],
};

/**
 * Whether a task may move from one status to another (see {@link TASK_TRANSITIONS}). Staying in the same
 * status is not a transition.
 */
export function canTransition(from: TaskStatus, to: TaskStatus): boolean {
  return TASK_TRANSITIONS[from].includes(to);
}

const TRANSITION_MARKER = Symbol.for('benchhub.error.task-transition');

/** Where a refused status change happened. */
export interface TaskTransitionErrorOptions extends BenchHubErrorOptions {
  /** The task concerned, when known. */
  taskId?: string;
}

/** A task was asked to move to a status its current status does not allow. */
export class TaskTransitionError extends BenchHubError {
  // biome-ignore lint/correctness/noUnusedPrivateClassMembers: read by isInstance through Symbol.for
  private readonly [TRANSITION_MARKER] = true;
  readonly from: TaskStatus;
  readonly to: TaskStatus;
  readonly taskId: string | undefined;

  constructor(from: TaskStatus, to: TaskStatus, options: TaskTransitionErrorOptions = {}) {
    const allowed = TASK_TRANSITIONS[from];
    const task = options.taskId === undefined ? 'task' : `task ${options.taskId}`;
    const why =
      allowed.length === 0 ? `${from} is final` : `from ${from} a task may move to ${allowed.join(', ')}`;
    super(`Cannot move ${task} from ${from} to ${to}: ${why}`, options);
    this.name = 'TaskTransitionError';
    this.from = from;
    this.to = to;
    this.taskId = options.taskId;
  }

  static override isInstance = markerGuard<TaskTransitionError>(TRANSITION_MARKER);
}

/**
 * Throws a {@link TaskTransitionError} unless a task may move from `from` to `to`.
 *
 * @example
 * ```ts
 * assertTransition('PENDING', 'STARTED'); // ok
 * assertTransition('SUCCESS', 'STARTED'); // throws TaskTransitionError: SUCCESS is final
 * ```
 */
export function assertTransition(from: TaskStatus, to: TaskStatus, taskId?: string): void {
  if (!canTransition(from, to)) {
    throw new TaskTransitionError(from, to, taskId === undefined ? {} : { taskId });
  }
}

/**
 * How far a task is: `total` sample results expected (models × samples × repeats; 0 while unknown),
 * `completed` written so far (scored or failed), `failed` of those written with an error. The same shape
 * as the storage contract's `TaskProgress`.
 */
export const TaskProgressSchema = z
  .object({
    total: z.number().int().nonnegative(),
    completed: z.number().int().nonnegative(),
    failed: z.number().int().nonnegative(),
  })
  .superRefine((p, ctx) => {
    if (p.failed > p.completed) {
      ctx.addIssue({ code: 'custom', path: ['failed'], message: 'failed exceeds completed' });
    }
    if (p.total > 0 && p.completed > p.total) {
      ctx.addIssue({ code: 'custom', path: ['completed'], message: 'completed exceeds total' });
    }
  });

/** Why a task failed: the error's name and message (never a stack trace or a secret). */
export const TaskErrorSchema = z.object({ name: z.string().min(1), message: z.string() });
/** Why a task failed. */
export type TaskError = z.infer<typeof TaskErrorSchema>;

/**
 * One run of a plan. `plan` is the stored plan object with its `${VAR}` placeholders unresolved, so a
 * stored task never holds a secret.
 */
export const TaskSchema = z.object({
  id: z.string().min(1),
  planName: z.string().min(1),
  plan: z.record(z.string(), z.unknown()),
  status: TaskStatusSchema,
  progress: TaskProgressSchema,
  createdAt: TimestampSchema,
  startedAt: TimestampSchema.optional(),
  finishedAt: TimestampSchema.optional(),
  error: TaskErrorSchema.optional(),
  /** Free-form labels (who submitted it, policy tags, the request it came from). */
  metadata: z.record(z.string(), z.unknown()).optional(),
});
/** One run of a plan. */
export type Task = z.infer<typeof TaskSchema>;

/** What {@link transitionTask} records with a status change. */
export interface TaskTransitionOptions {
  /** When the change happened. */
  at: Date;
  /** Why the task failed (kept only for FAILURE). */
  error?: TaskError;
}

/**
 * Returns the task moved to status `to`, after {@link assertTransition}: STARTED sets `startedAt`, a
 * terminal status sets `finishedAt`, FAILURE records `error`; any other change clears `finishedAt` and
 * `error`, and a restart (from FAILURE or CANCELLED) clears `startedAt` too. The input is not modified.
 *
 * @example
 * ```ts
 * const running = transitionTask(task, 'STARTED', { at: new Date() });
 * ```
 */
export function transitionTask(task: Task, to: TaskStatus, options: TaskTransitionOptions): Task {
  assertTransition(task.status, to, task.id);
  const { finishedAt: _finishedAt, error: _error, ...rest } = task;
  const next: Task = { ...rest, status: to };
  if (to === 'PENDING' && isTerminalStatus(task.status)) delete next.startedAt;
  if (to === 'STARTED') next.startedAt = task.startedAt ?? options.at;
  if (isTerminalStatus(to)) next.finishedAt = options.at;
  if (to === 'FAILURE' && options.error !== undefined) next.error = options.error;
  return next;
}
