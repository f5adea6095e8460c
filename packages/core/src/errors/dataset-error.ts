import { BenchHubError, type BenchHubErrorOptions, markerGuard } from './benchhub-error.js';

const MARKER = Symbol.for('benchhub.error.dataset');

/** Where a dataset problem is. */
export interface DatasetErrorOptions extends BenchHubErrorOptions {
  /** The file, URL or dataset id. */
  source: string;
  /** 1-based row number (data rows, header excluded) or line number for line-based formats. */
  row?: number;
  /** Field path within the row, e.g. `options[2]`. */
  field?: string;
  /** Whether retrying may succeed (network errors while streaming a remote source). */
  isRetryable?: boolean;
}

/** A dataset could not be read, or one of its rows is malformed. */
export class DatasetError extends BenchHubError {
  override readonly isRetryable: boolean;
  readonly source: string;
  readonly row: number | undefined;
  readonly field: string | undefined;

  constructor(message: string, options: DatasetErrorOptions) {
    const at = [options.source, options.row === undefined ? '' : `row ${options.row}`, options.field ?? '']
      .filter(Boolean)
      .join(', ');
    super(`${message} (${at})`, options);
    Object.defineProperty(this, MARKER, { value: true });
    this.name = 'DatasetError';
    this.source = options.source;
    this.row = options.row;
    this.field = options.field;
    this.isRetryable = options.isRetryable ?? false;
  }

  static override isInstance = markerGuard<DatasetError>(MARKER);
}
