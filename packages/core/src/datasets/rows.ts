/** One raw row read from a dataset source, before it is mapped to a Sample. */
export interface RawRow {
  /** The file, URL or dataset id the row came from. */
  source: string;
  /** 1-based row number within `source` (data rows; a CSV header does not count). */
  row: number;
  /** The row's fields as parsed. */
  data: Record<string, unknown>;
}
