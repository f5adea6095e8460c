import type { RawRow } from '../rows.js';

/** Turns a stream of row batches into a stream of rows. */
export async function* flattenBatches(batches: AsyncIterable<RawRow[]>): AsyncGenerator<RawRow> {
  for await (const batch of batches) yield* batch;
}

/** Turns a stream of rows into batches of one row (for sources that read row by row). */
export async function* singleRowBatches(rows: AsyncIterable<RawRow>): AsyncGenerator<RawRow[]> {
  for await (const row of rows) yield [row];
}
