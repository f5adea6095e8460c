import { TASK_STATUSES, type TaskStatus } from '@benchhub/core';
import { readCount } from '../dialect/traits.js';
import type { SqlContext } from '../storage/sql-context.js';

/** Tasks per status, every status present. */
export async function countTasksByStatus(ctx: SqlContext): Promise<Record<TaskStatus, number>> {
  const counts = Object.fromEntries(TASK_STATUSES.map((status) => [status, 0])) as Record<TaskStatus, number>;
  const rows = await ctx.db
    .selectFrom('evaluation_tasks')
    .select((eb) => ['status', eb.fn.countAll().as('count')])
    .groupBy('status')
    .execute();
  for (const row of rows) {
    if (row.status in counts) counts[row.status as TaskStatus] = readCount(row.count);
  }
  return counts;
}

/** Sample results stored, and how many are failures. */
export async function countResults(ctx: SqlContext): Promise<{ total: number; failed: number }> {
  const row = await ctx.db
    .selectFrom('experiment_samples')
    .select((eb) => [eb.fn.countAll().as('total'), eb.fn.count('error').as('failed')])
    .executeTakeFirst();
  return { total: readCount(row?.total), failed: readCount(row?.failed) };
}
