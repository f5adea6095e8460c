import type { RawRow } from '../rows.js';
import { fieldError, isAbsent, letterIndex } from './fields.js';

/**
 * Resolves an MCQA answer to the 0-based index of its option. Accepted, in this order: the option's
 * text (exact, then ignoring surrounding spaces), a letter (`B`, `(b)`, `B.`), or an integer index
 * (0-based when a number). Anything else throws a DatasetError on `field`.
 */
export function resolveAnswerIndex(raw: RawRow, field: string, options: readonly string[]): number {
  const value = raw.data[field];
  if (isAbsent(value)) throw fieldError(raw, field, `missing required field "${field}"`);
  if (typeof value === 'number') {
    if (Number.isInteger(value) && value >= 0 && value < options.length) return value;
    throw fieldError(raw, field, `answer index ${value} is outside the ${options.length} options (0-based)`);
  }
  if (typeof value !== 'string')
    throw fieldError(raw, field, `expected the answer as text or an index, got ${typeof value}`);
  const exact = options.indexOf(value);
  if (exact !== -1) return exact;
  const trimmed = value.trim();
  for (let i = 0; i < options.length; i++) if (options[i]!.trim() === trimmed) return i;
  const letter = letterIndex(trimmed, options.length);
  if (letter !== -1) return letter;
  const shown = trimmed.length > 60 ? `${trimmed.slice(0, 57)}...` : trimmed;
  throw fieldError(
    raw,
    field,
    `answer "${shown}" is neither one of the ${options.length} options nor an option letter`,
  );
}
