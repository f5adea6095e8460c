import { evaluateExpression } from './expression.js';
import { cleanLatex } from './latex-cleanup.js';

/** A number read from an answer; `percent` when it was written `p%` (`value` is then `p`). */
export interface MathNumber {
  kind: 'number';
  value: number;
  percent: boolean;
}

/** A tuple (`(1, 2)`, `1, 2`) or a set (`\{1, 2\}`) of numbers. */
export interface MathList {
  kind: 'list';
  items: MathNumber[];
  /** Written as a set: order does not matter. */
  set: boolean;
}

/** A parsed answer. */
export type MathValue = MathNumber | MathList;

const THOUSANDS = /(?<![\d.,])\d{1,3}(?:,\d{3})+(?![\d,])/g;

/** Splits at top-level occurrences of `sep` (outside (), [], {}). */
function splitTopLevel(text: string, sep: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\\' && (text[i + 1] === '{' || text[i + 1] === '}')) {
      depth += text[i + 1] === '{' ? 1 : -1;
      i++;
    } else if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c)) depth--;
    else if (depth === 0 && text.startsWith(sep, i)) {
      parts.push(text.slice(start, i));
      start = i + sep.length;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

function parseNumber(text: string): MathNumber | undefined {
  let body = text.trim();
  const percent = body.endsWith('%');
  if (percent) body = body.slice(0, -1);
  const value = evaluateExpression(body);
  return value === undefined ? undefined : { kind: 'number', value, percent };
}

function unwrap(text: string): { inner: string; set: boolean } | undefined {
  const t = text.trim();
  if (t.startsWith('\\{') && t.endsWith('\\}')) return { inner: t.slice(2, -2), set: true };
  const pairs: Record<string, string> = { '(': ')', '[': ']' };
  const close = pairs[t[0] ?? ''];
  if (close !== undefined && t.endsWith(close) && splitTopLevel(t.slice(1, -1), ',').length > 1) {
    return { inner: t.slice(1, -1), set: false };
  }
  return undefined;
}

/**
 * Reads a number, an expression, a percentage or a list of them from an answer string: LaTeX is cleaned
 * ({@link cleanLatex}), thousands separators (`1,234,567`) are removed, an equation gives its right-hand
 * side (`x = 5` → 5), `p%` keeps its percent mark, and top-level commas make a tuple (`(1, 2)`) or, in
 * `\{…\}`, a set. `undefined` when it is not numeric (symbols, words).
 *
 * @example
 * ```ts
 * parseMathValue('\\dfrac{1}{2}'); // { kind: 'number', value: 0.5, percent: false }
 * parseMathValue('50\\%');         // { kind: 'number', value: 50, percent: true }
 * ```
 */
export function parseMathValue(text: string): MathValue | undefined {
  let t = cleanLatex(text)
    .replace(/(\d)\s+(?=\d{3}(?!\d))/g, '$1')
    .replace(THOUSANDS, (m) => m.replace(/,/g, ''));
  const sides = splitTopLevel(t, '=');
  t = sides[sides.length - 1]!.trim();
  if (t === '') return undefined;
  const wrapped = unwrap(t);
  const parts = splitTopLevel(wrapped?.inner ?? t, ',');
  if (parts.length > 1 || wrapped?.set === true) {
    const items = parts.map(parseNumber);
    if (items.some((item) => item === undefined)) return undefined;
    return { kind: 'list', items: items as MathNumber[], set: wrapped?.set ?? false };
  }
  return parseNumber(t);
}

/** Tolerances of numeric comparison. */
export interface MathTolerance {
  /** Relative tolerance (default 1e-9, as Python's `math.isclose`). */
  relTol?: number;
  /** Absolute tolerance (default 1e-6: `0.333333` equals `1/3`, `0.333` does not). */
  absTol?: number;
}

function close(a: number, b: number, tol: MathTolerance): boolean {
  const rel = tol.relTol ?? 1e-9;
  const abs = tol.absTol ?? 1e-6;
  return a === b || Math.abs(a - b) <= Math.max(abs, rel * Math.max(Math.abs(a), Math.abs(b)));
}

function readings(n: MathNumber): number[] {
  return n.percent ? [n.value, n.value / 100] : [n.value];
}

function numbersEqual(a: MathNumber, b: MathNumber, tol: MathTolerance): boolean {
  if (a.percent && b.percent) return close(a.value, b.value, tol);
  return readings(a).some((x) => readings(b).some((y) => close(x, y, tol)));
}

/**
 * Whether two parsed answers are equal: numbers within the tolerance; a percentage `p%` equals both `p`
 * and `p/100` (`50%` = `50` = `0.5`), two percentages compare their `p`; tuples element by element in
 * order; sets (either side written `\{…\}`) in any order.
 *
 * @example
 * ```ts
 * mathValuesEqual(parseMathValue('3/4')!, parseMathValue('0.75')!); // true
 * ```
 */
export function mathValuesEqual(a: MathValue, b: MathValue, tolerance: MathTolerance = {}): boolean {
  if (a.kind === 'number' && b.kind === 'number') return numbersEqual(a, b, tolerance);
  if (a.kind !== 'list' || b.kind !== 'list' || a.items.length !== b.items.length) return false;
  if (!a.set && !b.set) return a.items.every((x, i) => numbersEqual(x, b.items[i]!, tolerance));
  const unused = [...b.items];
  return a.items.every((x) => {
    const at = unused.findIndex((y) => numbersEqual(x, y, tolerance));
    if (at === -1) return false;
    unused.splice(at, 1);
    return true;
  });
}
