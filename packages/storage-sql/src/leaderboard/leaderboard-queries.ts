import type { LeaderboardCategories, LeaderboardFilter, StorageStats } from '@benchhub/core';
import {
  BenchHubError,
  compareCodePoints,
  encodeLeaderboardCursor,
  type LeaderboardEntry,
  type LeaderboardPosition,
  type LeaderboardQuery,
  type LeaderboardSort,
  leaderboardKey,
  leaderboardPosition,
  parseLeaderboardEntries,
  resolveLeaderboardBrowse,
  resolveLeaderboardFilter,
  type StoragePage,
} from '@benchhub/core';
import { type Expression, type SqlBool, sql } from 'kysely';
import { createBulkUpsert } from '../bulk/bulk-upsert.js';
import { readCount } from '../dialect/traits.js';
import type { SqlContext } from '../storage/sql-context.js';
import {
  ENTRY_COLUMNS,
  ENTRY_KEY_COLUMNS,
  ENTRY_WRITE_COLUMNS,
  entryFromRow,
  entryRowValues,
} from './entry-rows.js';
import { type LeaderboardEb, leaderboardConditions } from './filter-sql.js';

const SORT_COLUMNS = {
  score: 'score',
  n: 'n',
  updatedAt: 'updated_at',
  modelName: 'model_name',
} as const;

/** Columns an upsert replaces; quarantine is kept, a soft delete is undone. */
const UPSERT_COLUMNS = [
  'score',
  'n',
  'stderr',
  'ci_lower',
  'ci_upper',
  'ci_level',
  'source',
  'updated_at',
] as const;

const CATEGORY_COLUMNS = {
  modelNames: 'model_name',
  metrics: 'metric',
  languages: 'language',
  subjectTypes: 'subject_type',
  taskTypes: 'task_type',
} as const;

function compareEntries(a: LeaderboardEntry, b: LeaderboardEntry): number {
  return (
    compareCodePoints(a.modelName, b.modelName) ||
    compareCodePoints(a.metric, b.metric) ||
    compareCodePoints(a.language, b.language) ||
    compareCodePoints(a.subjectType, b.subjectType) ||
    compareCodePoints(a.taskType, b.taskType)
  );
}

/** Parses every entry first (an invalid one writes nothing); the last of equal keys wins. */
function parseEntries(entries: readonly LeaderboardEntry[]): LeaderboardEntry[] {
  const byKey = new Map<string, LeaderboardEntry>();
  for (const entry of parseLeaderboardEntries(entries)) {
    const key = leaderboardKey(entry);
    byKey.delete(key);
    byKey.set(key, entry);
  }
  // Sorted by key: concurrent upserts lock rows in the same order and cannot deadlock.
  return [...byKey.values()].sort(compareEntries);
}

/** The leaderboard half of the SQL storage. */
export interface LeaderboardQueries {
  /** Checks entries and returns the body that writes them. */
  upsert(entries: readonly LeaderboardEntry[]): () => Promise<void>;
  /** Checks a query and returns the body that browses. */
  browse(query: LeaderboardQuery): () => Promise<StoragePage<LeaderboardEntry>>;
  categories(): Promise<LeaderboardCategories>;
  quarantine(filter: LeaderboardFilter, quarantined: boolean): () => Promise<number>;
  remove(filter: LeaderboardFilter): () => Promise<number>;
  counts(): Promise<StorageStats['leaderboard']>;
}

/** Creates the leaderboard queries over one database. */
export function createLeaderboardQueries(ctx: SqlContext): LeaderboardQueries {
  const { db, traits } = ctx;
  const upsertRows = createBulkUpsert(traits, 'leaderboard_cache', ENTRY_WRITE_COLUMNS, (oc) =>
    oc.columns(ENTRY_KEY_COLUMNS).doUpdateSet((eb) => ({
      ...Object.fromEntries(UPSERT_COLUMNS.map((c) => [c, eb.ref(`excluded.${c}`)])),
      // An upsert revives a soft-deleted entry and keeps its quarantine.
      deleted_at: sql<null>`null`,
    })),
  );

  /** Entries strictly after `after` in `sort`: a worse sort value, or an equal one and a greater key. */
  const afterPosition = (eb: LeaderboardEb, sort: LeaderboardSort, after: LeaderboardPosition) => {
    const column = SORT_COLUMNS[sort.by];
    const value = sort.by === 'updatedAt' ? traits.toTimestamp(new Date(after.value as number)) : after.value;
    return eb.or([
      eb(column, sort.direction === 'desc' ? '<' : '>', value as never),
      eb.and([
        eb(column, '=', value as never),
        eb(eb.refTuple(...ENTRY_KEY_COLUMNS), '>', eb.tuple(...after.tie)),
      ]),
    ]);
  };

  return {
    upsert(entries) {
      const parsed = parseEntries(entries);
      return async () => {
        if (parsed.length === 0) return;
        await traits.writeTransaction(db, async (trx) => {
          const size = upsertRows.rowsPerStatement;
          for (let start = 0; start < parsed.length; start += size) {
            const rows = parsed.slice(start, start + size).map((e) => entryRowValues(e, traits));
            await upsertRows.write(trx, rows);
          }
        });
      };
    },

    browse(query) {
      const where = 'browseLeaderboard';
      const { paging, sort, includeQuarantined, after } = resolveLeaderboardBrowse(query, where);
      const visibility = includeQuarantined ? 'not-deleted' : 'visible';
      return async () => {
        const filter = resolveLeaderboardFilter(query, ctx.now().getTime(), where);
        const matching = (eb: LeaderboardEb): Expression<SqlBool> =>
          leaderboardConditions(eb, filter, visibility, traits);
        const column = SORT_COLUMNS[sort.by];
        const [counted, rows] = await Promise.all([
          db
            .selectFrom('leaderboard_cache')
            .select((eb) => eb.fn.countAll().as('total'))
            .where(matching)
            .executeTakeFirst(),
          paging.limit === 0
            ? Promise.resolve([])
            : db
                .selectFrom('leaderboard_cache')
                .select(ENTRY_COLUMNS)
                .where(matching)
                .$if(after !== undefined, (q) =>
                  q.where((eb) => afterPosition(eb, sort, after as LeaderboardPosition)),
                )
                .orderBy(column, sort.direction)
                .orderBy('model_name')
                .orderBy('metric')
                .orderBy('language')
                .orderBy('subject_type')
                .orderBy('task_type')
                .limit(paging.limit + 1)
                .offset(paging.offset)
                .execute(),
        ]);
        const items = rows.slice(0, paging.limit).map((row) => entryFromRow(row, traits));
        const page: StoragePage<LeaderboardEntry> = { items, total: readCount(counted?.total) };
        const last = items.at(-1);
        if (last !== undefined && rows.length > paging.limit) {
          page.nextCursor = encodeLeaderboardCursor(sort, leaderboardPosition(last, sort.by));
        }
        return page;
      };
    },

    async categories() {
      const entries = await Promise.all(
        Object.entries(CATEGORY_COLUMNS).map(async ([field, column]) => {
          const rows = await db
            .selectFrom('leaderboard_cache')
            .select(column)
            .distinct()
            .where((eb) => leaderboardConditions(eb, {}, 'visible', traits))
            .execute();
          const values = rows.map((row) => (row as Record<string, string>)[column] as string);
          return [field, values.sort(compareCodePoints)] as const;
        }),
      );
      return Object.fromEntries(entries) as unknown as LeaderboardCategories;
    },

    quarantine(filter, quarantined) {
      const where = 'quarantineLeaderboard';
      if (typeof quarantined !== 'boolean')
        throw new BenchHubError(`${where}: quarantined must be a boolean`);
      return async () => {
        const resolved = resolveLeaderboardFilter(filter, ctx.now().getTime(), where);
        const outcome = await db
          .updateTable('leaderboard_cache')
          .set({ quarantined: traits.toBoolean(quarantined) })
          .where((eb) => leaderboardConditions(eb, resolved, 'not-deleted', traits))
          .where('quarantined', '=', traits.toBoolean(!quarantined))
          .executeTakeFirst();
        return Number(outcome.numUpdatedRows);
      };
    },

    remove(filter) {
      return async () => {
        const now = ctx.now();
        const resolved = resolveLeaderboardFilter(filter, now.getTime(), 'deleteLeaderboard');
        const outcome = await db
          .updateTable('leaderboard_cache')
          .set({ deleted_at: traits.toTimestamp(now) })
          .where((eb) => leaderboardConditions(eb, resolved, 'not-deleted', traits))
          .executeTakeFirst();
        return Number(outcome.numUpdatedRows);
      };
    },

    async counts() {
      const yes = traits.toBoolean(true);
      const no = traits.toBoolean(false);
      const row = await db
        .selectFrom('leaderboard_cache')
        .select((eb) => [
          eb.fn.sum<number>(eb.case().when('deleted_at', 'is not', null).then(1).else(0).end()).as('deleted'),
          eb.fn
            .sum<number>(
              eb
                .case()
                .when(eb.and([eb('deleted_at', 'is', null), eb('quarantined', '=', yes)]))
                .then(1)
                .else(0)
                .end(),
            )
            .as('quarantined'),
          eb.fn
            .sum<number>(
              eb
                .case()
                .when(eb.and([eb('deleted_at', 'is', null), eb('quarantined', '=', no)]))
                .then(1)
                .else(0)
                .end(),
            )
            .as('visible'),
        ])
        .executeTakeFirst();
      return {
        visible: readCount(row?.visible),
        quarantined: readCount(row?.quarantined),
        deleted: readCount(row?.deleted),
      };
    },
  };
}
