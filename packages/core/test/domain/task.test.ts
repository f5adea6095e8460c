import { describe, expect, it } from 'vitest';
import {
  assertTransition,
  canTransition,
  isTerminalStatus,
  TASK_STATUSES,
  type Task,
  TaskSchema,
  type TaskStatus,
  TaskTransitionError,
  transitionTask,
} from '../../src/domain/task.js';
import { BenchHubError } from '../../src/errors/index.js';

const ALLOWED: ReadonlyArray<readonly [TaskStatus, TaskStatus]> = [
  ['PENDING', 'STARTED'],
  ['PENDING', 'CANCELLED'],
  ['PENDING', 'HOLD'],
  ['PENDING', 'FAILURE'],
  ['HOLD', 'PENDING'],
  ['HOLD', 'CANCELLED'],
  ['STARTED', 'SUCCESS'],
  ['STARTED', 'FAILURE'],
  ['STARTED', 'CANCELLED'],
  ['STARTED', 'HOLD'],
  ['FAILURE', 'PENDING'],
  ['CANCELLED', 'PENDING'],
];

// biome-ignore lint/suspicious/noTemplateCurlyInString: a plan placeholder, stored unresolved
const STORED_PLAN = { version: '2.0', models: [{ api_key: '${OPENAI_API_KEY}' }] };

function task(overrides: Partial<Task> = {}): Task {
  return TaskSchema.parse({
    id: 'task-1',
    planName: 'ko-history',
    plan: STORED_PLAN,
    status: 'PENDING',
    progress: { total: 10, completed: 0, failed: 0 },
    createdAt: '2025-01-01T00:00:00Z',
    ...overrides,
  });
}

describe('task statuses', () => {
  it("has the original's six statuses and three terminal ones", () => {
    expect([...TASK_STATUSES].sort()).toEqual([
      'CANCELLED',
      'FAILURE',
      'HOLD',
      'PENDING',
      'STARTED',
      'SUCCESS',
    ]);
    expect(TASK_STATUSES.filter(isTerminalStatus).sort()).toEqual(['CANCELLED', 'FAILURE', 'SUCCESS']);
  });

  it('allows exactly the transitions of the table', () => {
    const allowed = new Set(ALLOWED.map(([from, to]) => `${from}>${to}`));
    for (const from of TASK_STATUSES) {
      for (const to of TASK_STATUSES) {
        expect(canTransition(from, to), `${from} → ${to}`).toBe(allowed.has(`${from}>${to}`));
      }
    }
  });

  it('throws a typed error for a refused transition', () => {
    expect(() => assertTransition('PENDING', 'STARTED')).not.toThrow();
    let caught: unknown;
    try {
      assertTransition('SUCCESS', 'STARTED', 'task-9');
    } catch (error) {
      caught = error;
    }
    expect(TaskTransitionError.isInstance(caught)).toBe(true);
    expect(BenchHubError.isInstance(caught)).toBe(true);
    const error = caught as TaskTransitionError;
    expect(error.from).toBe('SUCCESS');
    expect(error.to).toBe('STARTED');
    expect(error.taskId).toBe('task-9');
    expect(error.message).toBe('Cannot move task task-9 from SUCCESS to STARTED: SUCCESS is final');
    expect(() => assertTransition('HOLD', 'SUCCESS')).toThrow(
      'from HOLD a task may move to PENDING, CANCELLED',
    );
    expect(() => assertTransition('STARTED', 'STARTED')).toThrow(TaskTransitionError);
  });
});

describe('TaskSchema', () => {
  it('parses ISO timestamps to dates and keeps the plan as stored', () => {
    const t = task();
    expect(t.createdAt).toBeInstanceOf(Date);
    expect(t.createdAt.toISOString()).toBe('2025-01-01T00:00:00.000Z');
    expect(t.plan).toEqual(STORED_PLAN);
  });

  it('refuses unknown statuses, bad timestamps and impossible progress', () => {
    expect(TaskSchema.safeParse({ ...task(), status: 'RUNNING' }).success).toBe(false);
    expect(TaskSchema.safeParse({ ...task(), createdAt: 'yesterday' }).success).toBe(false);
    const over = TaskSchema.safeParse({ ...task(), progress: { total: 2, completed: 3, failed: 1 } });
    expect(over.error?.issues[0]?.message).toBe('completed exceeds total');
    const failed = TaskSchema.safeParse({ ...task(), progress: { total: 2, completed: 1, failed: 2 } });
    expect(failed.error?.issues[0]?.message).toBe('failed exceeds completed');
    // total 0 means not known yet
    expect(TaskSchema.safeParse({ ...task(), progress: { total: 0, completed: 5, failed: 1 } }).success).toBe(
      true,
    );
  });
});

describe('transitionTask', () => {
  const t0 = new Date('2025-01-01T00:00:01Z');
  const t1 = new Date('2025-01-01T00:05:00Z');

  it('records start and finish times and the error of a failure', () => {
    const started = transitionTask(task(), 'STARTED', { at: t0 });
    expect(started.status).toBe('STARTED');
    expect(started.startedAt).toEqual(t0);
    expect(started.finishedAt).toBeUndefined();
    const failed = transitionTask(started, 'FAILURE', {
      at: t1,
      error: { name: 'DatasetError', message: 'x' },
    });
    expect(failed).toMatchObject({
      status: 'FAILURE',
      startedAt: t0,
      finishedAt: t1,
      error: { name: 'DatasetError' },
    });
    expect(started.status).toBe('STARTED');
  });

  it('keeps the first start across a hold and clears the run on restart', () => {
    const held = transitionTask(transitionTask(task(), 'STARTED', { at: t0 }), 'HOLD', { at: t1 });
    const resumed = transitionTask(transitionTask(held, 'PENDING', { at: t1 }), 'STARTED', { at: t1 });
    expect(resumed.startedAt).toEqual(t0);
    const failed = transitionTask(resumed, 'FAILURE', { at: t1, error: { name: 'E', message: 'm' } });
    const restarted = transitionTask(failed, 'PENDING', { at: t1 });
    expect(restarted.status).toBe('PENDING');
    expect(restarted).not.toHaveProperty('error');
    expect(restarted).not.toHaveProperty('finishedAt');
    expect(restarted).not.toHaveProperty('startedAt');
  });

  it('refuses a transition the table does not allow', () => {
    const done = transitionTask(transitionTask(task(), 'STARTED', { at: t0 }), 'SUCCESS', { at: t1 });
    expect(() => transitionTask(done, 'PENDING', { at: t1 })).toThrow(TaskTransitionError);
  });
});
