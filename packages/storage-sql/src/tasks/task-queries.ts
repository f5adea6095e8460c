import { randomBytes } from 'node:crypto';
import {
  applyTaskUpdate,
  BenchHubError,
  buildNewTask,
  type CleanupOutcome,
  checkNewTask,
  type NewTask,
  resolvePaging,
  type StoragePage,
  type Task,
  type TaskQuery,
  type TaskStatus,
  type TaskUpdate,
  type TaskUpdateOptions,
} from '@benchhub/core';
import { readCount } from '../dialect/traits.js';
import type { SqlContext } from '../storage/sql-context.js';
import { jsonCopy, toJsonText } from '../values/json.js';
import { TASK_COLUMNS, taskFromRow, taskStateColumns } from './task-rows.js';

const TERMINAL_STATUSES: readonly TaskStatus[] = ['SUCCESS', 'FAILURE', 'CANCELLED'];

/** Rounds of read-compute-write `updateTask` tries when other writers keep changing the task meanwhile. */
const MAX_UPDATE_ROUNDS = 100;

/** A fresh revision token: every update of a task replaces it (the compare-and-set guard). */
function newRevision(): string {
  return randomBytes(9).toString('base64url');
}

function assertDate(value: unknown, where: string): asserts value is Date {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
    throw new BenchHubError(`${where} must be a valid Date, got ${String(value)}`);
  }
}

/** The task half of the SQL storage. */
export interface TaskQueries {
  /** `StorageV1.createTask`; `attempt` > 0 when repeating after a lost connection. */
  create(input: NewTask, generateId: () => string): (attempt: number) => Promise<Task>;
  get(id: string): Promise<Task | undefined>;
  list(query: TaskQuery): Promise<StoragePage<Task>>;
  /** `StorageV1.updateTask`, as a body the runner may repeat. */
  update(id: string, update: TaskUpdate, options: TaskUpdateOptions): () => Promise<Task | undefined>;
  cleanup(olderThan: Date): Promise<CleanupOutcome>;
}

/** Creates the task queries over one database. */
export function createTaskQueries(ctx: SqlContext): TaskQueries {
  const { db, traits } = ctx;

  const readRow = (id: string) =>
    db.selectFrom('evaluation_tasks').select(TASK_COLUMNS).where('id', '=', id).executeTakeFirst();

  return {
    create(input, generateId) {
      const id = checkNewTask(input, generateId);
      const task = buildNewTask(input, id, ctx.now(), jsonCopy);
      const revision = newRevision();
      return async (attempt) => {
        const inserted = await db
          .insertInto('evaluation_tasks')
          .values({
            id,
            plan_name: task.planName,
            plan: toJsonText(task.plan, 'createTask: plan'),
            revision,
            created_at: traits.toTimestamp(task.createdAt),
            ...taskStateColumns(task, traits),
          })
          .onConflict((oc) => oc.column('id').doNothing())
          .executeTakeFirst();
        if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1) return task;
        // A repeat after a lost connection finds the row its first attempt committed.
        if (attempt > 0 && (await readRow(id))?.revision === revision) return task;
        throw new BenchHubError(`createTask: a task with id "${id}" already exists`);
      };
    },

    async get(id) {
      if (typeof id !== 'string') return undefined;
      const row = await readRow(id);
      return row === undefined ? undefined : taskFromRow(row, traits);
    },

    async list(query) {
      const paging = resolvePaging(query, 'listTasks');
      if (query.createdAfter !== undefined) assertDate(query.createdAfter, 'listTasks: createdAfter');
      if (query.createdBefore !== undefined) assertDate(query.createdBefore, 'listTasks: createdBefore');
      const statuses = query.status === undefined || query.status.length === 0 ? undefined : query.status;
      const filtered = db
        .selectFrom('evaluation_tasks')
        .$if(statuses !== undefined, (q) => q.where('status', 'in', statuses as TaskStatus[]))
        .$if(query.createdAfter !== undefined, (q) =>
          q.where('created_at', '>=', traits.toTimestamp(query.createdAfter as Date)),
        )
        .$if(query.createdBefore !== undefined, (q) =>
          q.where('created_at', '<', traits.toTimestamp(query.createdBefore as Date)),
        );
      const direction = query.order === 'oldest' ? 'asc' : 'desc';
      const [counted, rows] = await Promise.all([
        filtered.select((eb) => eb.fn.countAll().as('total')).executeTakeFirst(),
        paging.limit === 0
          ? Promise.resolve([])
          : filtered
              .select(TASK_COLUMNS)
              .orderBy('created_at', direction)
              .orderBy('seq', direction)
              .limit(paging.limit)
              .offset(paging.offset)
              .execute(),
      ]);
      return { items: rows.map((row) => taskFromRow(row, traits)), total: readCount(counted?.total) };
    },

    update(id, update, options) {
      if (options.ifStatus !== undefined && !Array.isArray(options.ifStatus)) {
        throw new BenchHubError('updateTask: ifStatus must be an array of statuses');
      }
      // The last write this call sent: when its connection broke, a repeat recognises it by its revision.
      let sent: { revision: string; task: Task } | undefined;
      return async () => {
        for (let round = 0; round < MAX_UPDATE_ROUNDS; round++) {
          const row = await readRow(id);
          if (row === undefined) throw new BenchHubError(`updateTask: no task with id "${id}"`);
          if (sent !== undefined && row.revision === sent.revision) return sent.task;
          const current = taskFromRow(row, traits);
          if (options.ifStatus !== undefined && !options.ifStatus.includes(current.status)) return undefined;
          const next = applyTaskUpdate(current, update, ctx.now(), jsonCopy);
          const revision = newRevision();
          sent = { revision, task: next };
          // Compare-and-set: applies only if nobody changed the task since it was read.
          const updated = await db
            .updateTable('evaluation_tasks')
            .set({ ...taskStateColumns(next, traits), revision })
            .where('id', '=', id)
            .where('revision', '=', row.revision)
            .$if(options.ifStatus !== undefined, (q) =>
              q.where('status', 'in', options.ifStatus as TaskStatus[]),
            )
            .executeTakeFirst();
          if (Number(updated.numUpdatedRows) === 1) return next;
        }
        throw new BenchHubError(
          `updateTask: task "${id}" kept changing under ${MAX_UPDATE_ROUNDS} concurrent updates; try again`,
        );
      };
    },

    async cleanup(olderThan) {
      assertDate(olderThan, 'cleanup: olderThan');
      const cutoff = traits.toTimestamp(olderThan);
      return traits.writeTransaction(db, async (trx) => {
        const doomed = trx
          .selectFrom('evaluation_tasks')
          .select('id')
          .where('status', 'in', TERMINAL_STATUSES)
          .where('finished_at', '<', cutoff);
        const results = await trx
          .deleteFrom('experiment_samples')
          .where('task_id', 'in', doomed)
          .executeTakeFirst();
        await trx.deleteFrom('task_events').where('task_id', 'in', doomed).execute();
        const tasks = await trx
          .deleteFrom('evaluation_tasks')
          .where('status', 'in', TERMINAL_STATUSES)
          .where('finished_at', '<', cutoff)
          .executeTakeFirst();
        return { tasks: Number(tasks.numDeletedRows), results: Number(results.numDeletedRows) };
      });
    },
  };
}
