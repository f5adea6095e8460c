import { createReadStream } from 'node:fs';
import { type CsvError, parse } from 'csv-parse';
import { DatasetError } from '../../errors/dataset-error.js';
import type { RawRow } from '../rows.js';
import type { ReadRowsOptions } from './read-options.js';

interface NumberedRecord {
  row: number;
  data: Record<string, unknown>;
}

/**
 * Streams the rows of a CSV file with a header row (csv-parse): quoted fields may span lines, a UTF-8
 * BOM is dropped, empty lines are skipped, and every value is a string. `row` is the 1-based data row
 * (the header does not count; a malformed record counts, so later rows keep their numbers).
 *
 * A record whose field count differs from the header's throws a {@link DatasetError} naming its row
 * and line (or goes to `onRowError`, and reading goes on); rows before it are yielded first.
 *
 * @example
 * ```ts
 * for await (const { row, data } of readCsvRows('haerae_bench_1.0_general_knowledge.csv')) console.log(row, data.answer);
 * ```
 */
export async function* readCsvRows(path: string, options: ReadRowsOptions = {}): AsyncGenerator<RawRow> {
  const source = options.source ?? path;
  const { signal, onRowError } = options;
  signal?.throwIfAborted();
  let count = 0;
  const pending: DatasetError[] = [];
  const parser = parse({
    columns: true,
    bom: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_record: (record: Record<string, unknown>): NumberedRecord => ({ row: ++count, data: record }),
    on_skip: (error: CsvError | undefined) => {
      count++;
      const where = error?.lines === undefined ? '' : ` on line ${error.lines}`;
      const reason = error?.message.replace(/ on line \d+$/, '') ?? 'malformed record';
      pending.push(
        new DatasetError(`malformed CSV record${where}: ${reason}`, { source, row: count, cause: error }),
      );
      return undefined;
    },
  });
  const input = createReadStream(path, { highWaterMark: 1 << 18 });
  input.on('error', (error) => parser.destroy(error));
  input.pipe(parser);
  const flush = (before: number): void => {
    while (pending.length > 0 && pending[0]!.row! < before) {
      const error = pending.shift()!;
      if (!onRowError) throw error;
      onRowError(error);
    }
  };
  try {
    for await (const record of parser as AsyncIterable<NumberedRecord>) {
      signal?.throwIfAborted();
      flush(record.row);
      yield { source, row: record.row, data: record.data };
    }
    flush(Number.POSITIVE_INFINITY);
  } catch (error) {
    if (DatasetError.isInstance(error) || signal?.aborted) throw error;
    throw new DatasetError(`cannot read CSV: ${(error as Error).message}`, { source, cause: error });
  } finally {
    input.destroy();
    parser.destroy();
  }
}
