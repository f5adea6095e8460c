import type { DatasetError } from '../../errors/dataset-error.js';

/** Options shared by the file readers. */
export interface ReadRowsOptions {
  /** The name rows carry as `RawRow.source` and errors name; defaults to the file path. */
  source?: string;
  /** Stops reading when aborted; the reader then throws the signal's reason. */
  signal?: AbortSignal;
  /**
   * Called with a malformed row (a bad JSON line, a CSV record with the wrong field count) instead of
   * throwing it; reading then goes on with the next row. Without it the first malformed row throws.
   */
  onRowError?: (error: DatasetError) => void;
}
