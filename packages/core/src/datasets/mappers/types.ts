import type { Sample } from '../../domain/sample.js';
import type { RawRow } from '../rows.js';
import type { DatasetSpec } from '../spec.js';

/** Labels a dataset applies to rows that do not carry them (`DatasetSpec.defaults`, lists normalised). */
export type LabelDefaults = NonNullable<DatasetSpec['defaults']>;

/** What a row mapper knows besides the row. */
export interface RowMapperContext {
  /** Labels for rows that do not carry them. They never override a label the row has. */
  defaults?: LabelDefaults;
}

/**
 * Turns one raw row into a Sample, validating it: a malformed row throws a DatasetError naming the
 * source, row and field.
 */
export type RowMapper = (raw: RawRow, context: RowMapperContext) => Sample;
