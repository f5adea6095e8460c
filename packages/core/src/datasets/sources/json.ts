import { createReadStream } from 'node:fs';
import { DatasetError } from '../../errors/dataset-error.js';
import type { RawRow } from '../rows.js';
import { flattenBatches } from './batches.js';
import { JsonArrayScanner } from './json-array-scanner.js';
import type { ReadRowsOptions } from './read-options.js';

/**
 * Streams the rows of a JSON file holding an array of objects (pretty-printed or not), or an object
 * whose `data` member is that array (`{ "data": [...] }`). `row` is the 1-based element index.
 *
 * The file is not read whole: a small structural scanner cuts the text into one element at a time and
 * only that element goes through `JSON.parse`, so memory is flat whatever the file size. The trade-off is
 * speed (every character passes through the scanner, about 100 MB/s) against `JSON.parse` of the whole
 * file (faster, but needing several times the file size in memory); for large data prefer JSON Lines.
 *
 * An element that is not valid JSON or not an object throws a {@link DatasetError} naming the element
 * index and its line (or goes to `onRowError`); a broken document structure always throws.
 *
 * @example
 * ```ts
 * for await (const { data } of readJsonRows('click/Dataset/Culture/Korean Law/Law_KIIP.json')) console.log(data.id);
 * ```
 */
export function readJsonRows(path: string, options: ReadRowsOptions = {}): AsyncGenerator<RawRow> {
  return flattenBatches(readJsonBatches(path, options));
}

/** The batch form of {@link readJsonRows}: the rows completed in each read chunk. */
export async function* readJsonBatches(
  path: string,
  options: ReadRowsOptions = {},
): AsyncGenerator<RawRow[]> {
  const source = options.source ?? path;
  const { signal, onRowError } = options;
  signal?.throwIfAborted();
  const scanner = new JsonArrayScanner();
  const stream = createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 18 });
  let row = 0;
  const toRow = (text: string, line: number): RawRow | undefined => {
    row++;
    let data: unknown;
    let problem: string | undefined;
    let cause: unknown;
    try {
      data = JSON.parse(text);
      if (typeof data !== 'object' || data === null || Array.isArray(data)) {
        problem = `expected an object, got ${Array.isArray(data) ? 'an array' : data === null ? 'null' : typeof data}`;
      }
    } catch (error) {
      cause = error;
      problem = `invalid JSON: ${(error as Error).message}`;
    }
    if (problem === undefined) return { source, row, data: data as Record<string, unknown> };
    const error = new DatasetError(`${problem} (element starting on line ${line})`, { source, row, cause });
    if (!onRowError) throw error;
    onRowError(error);
    return undefined;
  };
  try {
    for await (const chunk of stream as AsyncIterable<string>) {
      signal?.throwIfAborted();
      let elements: ReturnType<JsonArrayScanner['push']>;
      try {
        elements = scanner.push(chunk);
      } catch (error) {
        throw new DatasetError(`malformed JSON: ${(error as Error).message}`, { source });
      }
      const batch: RawRow[] = [];
      let failure: unknown;
      try {
        for (const element of elements) {
          const raw = toRow(element.text, element.line);
          if (raw) batch.push(raw);
        }
      } catch (error) {
        failure = error;
      }
      if (batch.length > 0) yield batch;
      if (failure !== undefined) throw failure;
    }
    try {
      scanner.end();
    } catch (error) {
      throw new DatasetError(`malformed JSON: ${(error as Error).message}`, { source });
    }
  } catch (error) {
    if (DatasetError.isInstance(error) || signal?.aborted) throw error;
    throw new DatasetError(`cannot read file: ${(error as Error).message}`, { source, cause: error });
  } finally {
    stream.destroy();
  }
}
