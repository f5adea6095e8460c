import { BenchHubError } from '@benchhub/core';
import { CompiledQuery, type Kysely, type OnConflictBuilder, sql } from 'kysely';
import type { SqlDialectTraits, SqlValueKind } from '../dialect/traits.js';
import type { BenchHubSqlSchema } from '../schema/tables.js';

/** A column a bulk upsert binds, with the kind of its values. */
export interface BulkColumn {
  readonly name: string;
  readonly kind: SqlValueKind;
}

/** Rows per statement with `unnest` binding (one array per column: the parameter count stays constant). */
export const UNNEST_ROWS_PER_STATEMENT = 5000;

/** Compiled statements kept per bulk upsert (one per distinct row count with `values` binding). */
const CACHED_STATEMENTS = 16;

// biome-ignore lint/suspicious/noExplicitAny: the builder is shared by tables of different row types.
type AnyConflict = OnConflictBuilder<any, any>;
/**
 * The ON CONFLICT clause of a bulk upsert (e.g. `do update set … where …`). It must bind no parameter
 * (write constants as `sql\`null\``): the compiled statement is reused with only the rows' values.
 */
export type BulkConflict = (
  oc: AnyConflict,
) => ReturnType<AnyConflict['doNothing']> | ReturnType<AnyConflict['doUpdateSet']>;

/** The cells of `rows` one row after the other (a plain loop: `Array.prototype.flat` is far slower). */
function rowMajor(rows: readonly (readonly unknown[])[], width: number): unknown[] {
  const cells = new Array<unknown>(rows.length * width);
  let k = 0;
  for (const row of rows) for (let i = 0; i < width; i++) cells[k++] = row[i];
  return cells;
}

/** One array per column. */
function columnMajor(rows: readonly (readonly unknown[])[], width: number): unknown[][] {
  const columns: unknown[][] = [];
  for (let i = 0; i < width; i++) {
    const column = new Array<unknown>(rows.length);
    for (let r = 0; r < rows.length; r++) column[r] = (rows[r] as readonly unknown[])[i];
    columns.push(column);
  }
  return columns;
}

/** Writes many rows with one statement per chunk (see {@link createBulkUpsert}). */
export interface BulkUpsert {
  /** The most rows one `write` call may pass. */
  readonly rowsPerStatement: number;
  /**
   * Runs one INSERT … ON CONFLICT for `rows` (each the values of {@link BulkColumn}s in order) and returns
   * how many rows it inserted or updated.
   */
  write(trx: Kysely<BenchHubSqlSchema>, rows: readonly (readonly unknown[])[]): Promise<number>;
}

/**
 * A bulk INSERT … ON CONFLICT built once with kysely and reused: compiling a statement of thousands of
 * parameters costs more than running it, so the compiled SQL is cached (per row count with `values`
 * binding, once with `unnest`) and later chunks only bind new parameters.
 *
 * @example
 * ```ts
 * const upsert = createBulkUpsert(traits, 'credentials', columns, (oc) => oc.column('name').doNothing());
 * await upsert.write(trx, [['openai', sealed, now]]);
 * ```
 */
export function createBulkUpsert(
  traits: SqlDialectTraits,
  table: keyof BenchHubSqlSchema,
  columns: readonly BulkColumn[],
  conflict: BulkConflict,
): BulkUpsert {
  const names = columns.map((c) => c.name);
  const unnest = traits.rowBinding === 'unnest';
  const elementTypes = traits.arrayElementTypes;
  if (unnest && elementTypes === undefined) {
    throw new BenchHubError(`${traits.name}: rowBinding "unnest" needs arrayElementTypes`);
  }
  const statements = new Map<number, string>();

  const compile = (
    trx: Kysely<BenchHubSqlSchema>,
    rows: readonly (readonly unknown[])[],
    params: unknown[],
  ) => {
    // biome-ignore lint/suspicious/noExplicitAny: see AnyConflict.
    const db = trx as Kysely<any>;
    const insert = unnest
      ? db
          .insertInto(table)
          .columns(names)
          .expression(
            sql`select * from unnest(${sql.join(
              columns.map(
                (c, i) =>
                  sql`${params[i]}::${sql.raw((elementTypes as Record<SqlValueKind, string>)[c.kind])}[]`,
              ),
            )})`,
          )
      : db.insertInto(table).values(rows.map((row) => Object.fromEntries(names.map((n, i) => [n, row[i]]))));
    const compiled = insert.onConflict(conflict).compile();
    if (compiled.parameters.length !== params.length) {
      throw new BenchHubError(
        `${traits.name}: bulk insert into ${table} bound ${compiled.parameters.length} parameters instead of ${params.length}`,
      );
    }
    return compiled.sql;
  };

  return {
    rowsPerStatement: unnest
      ? UNNEST_ROWS_PER_STATEMENT
      : Math.max(1, Math.floor(traits.maxParameters / columns.length)),
    async write(trx, rows) {
      if (rows.length === 0) return 0;
      const params = unnest ? columnMajor(rows, columns.length) : rowMajor(rows, columns.length);
      const key = unnest ? 0 : rows.length;
      let text = statements.get(key);
      if (text === undefined) {
        text = compile(trx, rows, params);
        if (statements.size >= CACHED_STATEMENTS) statements.delete(statements.keys().next().value as number);
        statements.set(key, text);
      }
      const result = await trx.executeQuery(CompiledQuery.raw(text, params));
      return Number(result.numAffectedRows ?? 0);
    },
  };
}
