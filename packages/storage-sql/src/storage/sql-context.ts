import type { Kysely } from 'kysely';
import type { SqlDialectTraits } from '../dialect/traits.js';
import type { BenchHubSqlSchema } from '../schema/tables.js';

/** What every query module of the SQL storage works with. */
export interface SqlContext {
  /** The database, already scoped to the storage's schema. */
  readonly db: Kysely<BenchHubSqlSchema>;
  /** The dialect's differences. */
  readonly traits: SqlDialectTraits;
  /** The storage's clock. */
  readonly now: () => Date;
}
