import { pythonStrip } from '../text/python-text.js';
import { optionLetter } from './option-letters.js';
import type { FilterArgument } from './template-ast.js';

/** A filter usable as `{{ field | name(args) }}`. */
export interface TemplateFilter {
  /** Number of literal arguments accepted: [min, max]. */
  arity: readonly [number, number];
  /** Whether the filter accepts a missing value (only `default` does). */
  acceptsMissing?: boolean;
  /** One-line description, shown in error messages and docs. */
  summary: string;
  /** Applies the filter; throws an `Error` whose message says what is wrong (positions are added by the caller). */
  apply(value: unknown, args: readonly FilterArgument[]): unknown;
}

function describeValue(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null || value === undefined) return 'nothing';
  return `a ${typeof value}`;
}

function expectString(name: string, value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  throw new Error(`filter "${name}" expects text but got ${describeValue(value)}`);
}

/** The empty-ness `default` replaces: nothing, null or the empty string. */
function isBlank(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

/**
 * The filters of the template syntax. `trim`/`strip` strip whitespace exactly as Python's `str.strip()`
 * does, so `{{ question | trim }}` renders as lm-evaluation-harness's `{{question.strip()}}`.
 */
export const TEMPLATE_FILTERS: Readonly<Record<string, TemplateFilter>> = {
  trim: {
    arity: [0, 0],
    summary: "strips leading and trailing whitespace (Python's str.strip())",
    apply: (value) => pythonStrip(expectString('trim', value)),
  },
  strip: {
    arity: [0, 0],
    summary: 'same as trim',
    apply: (value) => pythonStrip(expectString('strip', value)),
  },
  upper: {
    arity: [0, 0],
    summary: 'upper-cases text',
    apply: (value) => expectString('upper', value).toUpperCase(),
  },
  lower: {
    arity: [0, 0],
    summary: 'lower-cases text',
    apply: (value) => expectString('lower', value).toLowerCase(),
  },
  replace: {
    arity: [2, 2],
    summary: 'replaces every occurrence of the first argument by the second',
    apply: (value, args) => expectString('replace', value).split(String(args[0])).join(String(args[1])),
  },
  letter: {
    arity: [0, 0],
    summary: 'turns a 0-based index into its option letter (0 → A)',
    apply: (value) => {
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 25) {
        throw new Error(`filter "letter" expects an index from 0 to 25 but got ${JSON.stringify(value)}`);
      }
      return optionLetter(value);
    },
  },
  add: {
    arity: [1, 1],
    summary: 'adds an integer to a number (index | add(1) is 1-based)',
    apply: (value, args) => {
      if (typeof value !== 'number' || typeof args[0] !== 'number') {
        throw new Error(
          `filter "add" expects a number and an integer argument but got ${describeValue(value)}`,
        );
      }
      return value + args[0];
    },
  },
  join: {
    arity: [0, 1],
    summary: 'joins a list with a separator (default ", ")',
    apply: (value, args) => {
      if (!Array.isArray(value))
        throw new Error(`filter "join" expects a list but got ${describeValue(value)}`);
      const separator = args[0] === undefined ? ', ' : String(args[0]);
      return value.map((item) => expectString('join', item)).join(separator);
    },
  },
  length: {
    arity: [0, 0],
    summary: 'the number of items of a list or characters of text',
    apply: (value) => {
      if (Array.isArray(value) || typeof value === 'string') return value.length;
      throw new Error(`filter "length" expects a list or text but got ${describeValue(value)}`);
    },
  },
  default: {
    arity: [1, 1],
    acceptsMissing: true,
    summary: 'the argument when the value is missing, null or empty',
    apply: (value, args) => (isBlank(value) ? args[0] : value),
  },
};
