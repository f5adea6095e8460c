import { DatasetError } from '../../errors/dataset-error.js';
import type { RawRow } from '../rows.js';
import { parseListLiteral } from './list-literal.js';

/** Builds the DatasetError of a malformed field of `raw`. */
export function fieldError(raw: RawRow, field: string, message: string): DatasetError {
  return new DatasetError(message, { source: raw.source, row: raw.row, field });
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value)}`;
}

/** True for undefined, null, NaN and the empty (or blank) string: a field that is not there. */
export function isAbsent(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    (typeof value === 'string' && value.trim() === '') ||
    (typeof value === 'number' && Number.isNaN(value))
  );
}

/** A text field: a string, or a finite number or boolean turned into its text. Undefined when absent. */
export function optionalText(raw: RawRow, field: string): string | undefined {
  const value = raw.data[field];
  if (isAbsent(value)) return undefined;
  if (typeof value === 'string') return value;
  if ((typeof value === 'number' && Number.isFinite(value)) || typeof value === 'boolean')
    return String(value);
  throw fieldError(raw, field, `expected text, got ${describe(value)}`);
}

/** A required, non-blank text field. */
export function requiredText(raw: RawRow, field: string): string {
  const value = optionalText(raw, field);
  if (value === undefined) throw fieldError(raw, field, `missing required field "${field}"`);
  return value;
}

/**
 * A list of strings: an array, a string holding a JSON or Python list literal, or (when `single` is
 * true) a plain string taken as a one-item list. Undefined when absent. Array items must be text.
 */
export function optionalTextList(raw: RawRow, field: string, single: boolean): string[] | undefined {
  const value = raw.data[field];
  if (isAbsent(value)) return undefined;
  let list: unknown[];
  if (Array.isArray(value)) list = value;
  else if (typeof value === 'string') {
    const parsed = parseListLiteral(value);
    if (parsed) list = parsed;
    else if (single) list = [value.trim()];
    else
      throw fieldError(
        raw,
        field,
        `expected a list (an array or a string like "['a', 'b']"), got ${describe(value)}`,
      );
  } else throw fieldError(raw, field, `expected a list, got ${describe(value)}`);
  const out: string[] = new Array(list.length);
  for (let i = 0; i < list.length; i++) {
    const item = list[i];
    if (typeof item === 'string') out[i] = item;
    else if (typeof item === 'number' && Number.isFinite(item)) out[i] = String(item);
    else throw fieldError(raw, `${field}[${i}]`, `expected text, got ${describe(item)}`);
  }
  return out;
}

/** An integer field given as a number or as decimal text. Undefined when absent. */
export function optionalInteger(raw: RawRow, field: string): number | undefined {
  const value = raw.data[field];
  if (isAbsent(value)) return undefined;
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value.trim()) : Number.NaN;
  if (!Number.isInteger(n)) throw fieldError(raw, field, `expected an integer, got ${describe(value)}`);
  return n;
}

/** A finite number given as a number or as text. Undefined when absent. */
export function optionalNumber(raw: RawRow, field: string): number | undefined {
  const value = raw.data[field];
  if (isAbsent(value)) return undefined;
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value.trim()) : Number.NaN;
  if (!Number.isFinite(n)) throw fieldError(raw, field, `expected a number, got ${describe(value)}`);
  return n;
}

/** The last path segment of a source, without directories (either separator). */
export function baseName(source: string): string {
  if (source === lastSource) return lastBase;
  const cut = Math.max(source.lastIndexOf('/'), source.lastIndexOf('\\'));
  lastBase = cut === -1 ? source : source.slice(cut + 1);
  lastSource = source;
  return lastBase;
}

// Rows arrive file by file: remembering the last answer saves the work for every row of a file.
let lastSource = '';
let lastBase = '';

/** The stable id of a row that has none of its own: `<file name>#<row>`. */
export function fallbackId(raw: RawRow): string {
  return `${baseName(raw.source)}#${raw.row}`;
}

/** The row's own `id` field when it has one (text or number), else `<file name>#<row>`. */
export function rowId(raw: RawRow, field = 'id'): string {
  const own = optionalText(raw, field);
  return own === undefined ? fallbackId(raw) : own;
}

/** The 0-based index of an answer letter (`A`, `b`, `(C)`, `D.`) within `count` options, or -1. */
export function letterIndex(text: string, count: number): number {
  const match = /^\(?([A-Za-z])[).]?$/.exec(text.trim());
  if (!match) return -1;
  const index = match[1]!.toUpperCase().charCodeAt(0) - 65;
  return index < count ? index : -1;
}
