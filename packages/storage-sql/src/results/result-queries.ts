import {
  type AppendResultsOutcome,
  BenchHubError,
  type ResultKey,
  type ResultQuery,
  type SampleResult,
} from '@benchhub/core';
import { createBulkUpsert } from '../bulk/bulk-upsert.js';
import type { SqlContext } from '../storage/sql-context.js';
import { isPlainRecord } from '../values/json.js';
import { planBatchStatements } from './batch-plan.js';
import { SAMPLE_COLUMNS, type SampleRow, sampleFromRow, sampleRowValues } from './result-rows.js';
import { assertStorableBatch } from './validate-results.js';

/** Rows read per page when streaming a task's results (memory stays flat whatever the task's size). */
export const STREAM_PAGE_ROWS = 1000;

const KEY_COLUMNS = ['task_id', 'model_name', 'sample_id', 'repeat'] as const;
/** Columns an upsert replaces when the stored row is an error: all but the key. */
const REPLACED_COLUMNS = SAMPLE_COLUMNS.map((c) => c.name).filter(
  (name) => !(KEY_COLUMNS as readonly string[]).includes(name),
);

type SampleKey = readonly [modelName: string, sampleId: string, repeat: number];

/** The sample-result half of the SQL storage. */
export interface ResultQueries {
  /** Checks a batch and returns the body that writes it (in one transaction; repeatable). */
  append(results: readonly SampleResult[]): () => Promise<AppendResultsOutcome>;
  /** Validates a stream query. */
  checkQuery(query: ResultQuery): void;
  /** One page of a task's results after `after` (keyset order: model, sample, repeat). */
  page(query: ResultQuery, after: SampleKey | undefined): Promise<SampleRow[]>;
  /** One page of a task's successful keys after `after`. */
  keyPage(taskId: string, after: SampleKey | undefined): Promise<SampleKey[]>;
  /** Turns a page row into a result. */
  fromRow(row: SampleRow): SampleResult;
}

/** The key a page row continues after. */
export function sampleKeyOf(row: Pick<SampleRow, 'model_name' | 'sample_id' | 'repeat'>): SampleKey {
  return [row.model_name, row.sample_id, Number(row.repeat)];
}

/** Creates the sample-result queries over one database. */
export function createResultQueries(ctx: SqlContext): ResultQueries {
  const { db, traits } = ctx;
  const upsert = createBulkUpsert(traits, 'experiment_samples', SAMPLE_COLUMNS, (oc) =>
    oc
      .columns(KEY_COLUMNS)
      .doUpdateSet((eb) => Object.fromEntries(REPLACED_COLUMNS.map((c) => [c, eb.ref(`excluded.${c}`)])))
      // Only a stored error is replaced: a stored success is never overwritten.
      .where('experiment_samples.error', 'is not', null),
  );

  /** Throws naming the first result whose task does not exist. */
  const assertTasksExist = async (results: readonly SampleResult[]): Promise<void> => {
    const ids = [...new Set(results.map((r) => r.taskId))];
    const found = new Set<string>();
    for (let start = 0; start < ids.length; start += traits.maxParameters) {
      const rows = await db
        .selectFrom('evaluation_tasks')
        .select('id')
        .where('id', 'in', ids.slice(start, start + traits.maxParameters))
        .execute();
      for (const row of rows) found.add(row.id);
    }
    const missing = results.findIndex((r) => !found.has(r.taskId));
    if (missing >= 0) {
      throw new BenchHubError(
        `appendResults: results[${missing}].taskId "${results[missing]?.taskId}" names no task`,
      );
    }
  };

  return {
    append(results) {
      if (!Array.isArray(results)) throw new BenchHubError('appendResults: expected an array of results');
      assertStorableBatch(results);
      const statements = planBatchStatements(results, upsert.rowsPerStatement);
      return async () => {
        if (results.length === 0) return { written: 0, skipped: 0 };
        await assertTasksExist(results);
        const written = await traits.writeTransaction(db, async (trx) => {
          let count = 0;
          for (const rows of statements) {
            count += await upsert.write(
              trx,
              rows.map((r) => sampleRowValues(r, traits)),
            );
          }
          return count;
        });
        return { written, skipped: results.length - written };
      };
    },

    checkQuery(query) {
      if (!isPlainRecord(query) || typeof query.taskId !== 'string' || query.taskId === '') {
        throw new BenchHubError('streamResults: query.taskId must be a non-empty string');
      }
      if (query.modelId !== undefined && !Array.isArray(query.modelId)) {
        throw new BenchHubError('streamResults: query.modelId must be an array of model ids');
      }
      if (query.failed !== undefined && typeof query.failed !== 'boolean') {
        throw new BenchHubError('streamResults: query.failed must be a boolean');
      }
    },

    async page(query, after) {
      const models = query.modelId;
      if (models !== undefined && models.length === 0) return [];
      return db
        .selectFrom('experiment_samples')
        .selectAll()
        .where('task_id', '=', query.taskId)
        .$if(models !== undefined, (q) => q.where('model_name', 'in', models as string[]))
        .$if(query.failed !== undefined, (q) => q.where('error', query.failed ? 'is not' : 'is', null))
        .$if(after !== undefined, (q) =>
          q.where((eb) =>
            eb(eb.refTuple('model_name', 'sample_id', 'repeat'), '>', eb.tuple(...(after as SampleKey))),
          ),
        )
        .orderBy('model_name')
        .orderBy('sample_id')
        .orderBy('repeat')
        .limit(STREAM_PAGE_ROWS)
        .execute();
    },

    async keyPage(taskId, after) {
      const rows = await db
        .selectFrom('experiment_samples')
        .select(['model_name', 'sample_id', 'repeat'])
        .where('task_id', '=', taskId)
        .where('error', 'is', null)
        .$if(after !== undefined, (q) =>
          q.where((eb) =>
            eb(eb.refTuple('model_name', 'sample_id', 'repeat'), '>', eb.tuple(...(after as SampleKey))),
          ),
        )
        .orderBy('model_name')
        .orderBy('sample_id')
        .orderBy('repeat')
        .limit(STREAM_PAGE_ROWS)
        .execute();
      return rows.map(sampleKeyOf);
    },

    fromRow(row) {
      return sampleFromRow(row, traits);
    },
  };
}

/** A result key for `completedKeys`. */
export function resultKeyOf(taskId: string, key: SampleKey): ResultKey {
  return { taskId, modelId: key[0], sampleId: key[1], repeat: key[2] };
}
