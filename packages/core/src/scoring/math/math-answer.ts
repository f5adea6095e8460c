import { pythonStrip } from '../../text/python-text.js';
import { findAnswer } from '../extract-answer.js';
import { lastBoxed } from './braces.js';
import { cleanLatex } from './latex-cleanup.js';
import { type MathValue, parseMathValue } from './math-value.js';

/** Where a math answer was read from. */
export type MathAnswerSource = 'boxed' | 'hashes' | 'marker' | 'last-line';

/** A math answer read from an output. */
export interface MathAnswer {
  /** The answer text as written. */
  text: string;
  /** Where it was found. */
  source: MathAnswerSource;
  /** Its numeric value, when it has one. */
  value: MathValue | undefined;
}

const NUMBER_TOKEN = /-?\d{1,3}(?:,\d{3})+(?:\.\d+)?%?|-?\d+(?:\.\d+)?(?:\/\d+)?%?/g;
/** A word of two or more letters (not a `\command`): the text is prose, not a symbolic expression. */
const PROSE = /(?<![\\\p{L}])\p{L}{2,}/u;
const TRAILING_WORDS = /(?:\s*(?<![\\\p{L}])\p{L}[\p{L}\p{M}]*(?:\^\{?\d+\}?)?[.。]?)+\s*$/u;

function lastNonEmptyLine(text: string): string {
  const lines = text
    .split(/\r\n|[\n\r]/)
    .map(pythonStrip)
    .filter((l) => l !== '');
  return lines[lines.length - 1] ?? '';
}

function locate(output: string): { text: string; source: MathAnswerSource } {
  const boxed = lastBoxed(output);
  if (boxed !== undefined) return { text: boxed.trim(), source: 'boxed' };
  const hashes = output.lastIndexOf('####');
  if (hashes !== -1) {
    const line = output.slice(hashes + 4).split(/\r\n|[\n\r]/)[0] ?? '';
    if (line.trim() !== '') return { text: line.trim(), source: 'hashes' };
  }
  const found = findAnswer(output);
  if (found.marker !== undefined) return { text: found.answer, source: 'marker' };
  return { text: lastNonEmptyLine(output), source: 'last-line' };
}

/**
 * Reads the final answer of a math solution: the last `\boxed{…}`; else the text after the last `####`
 * (GSM8K); else the text after the last answer marker (`Answer:`, `정답:` …, see `findAnswer`); else
 * the last non-empty line. Its value is the whole text parsed ({@link parseMathValue}); failing that,
 * the text without trailing words and units (`42 apples`, `5 cm^2`, `1,000원`); failing that, the first
 * number of a marked answer or the last number of a last line (`so the total is 42.` → 42).
 *
 * @example
 * ```ts
 * readMathAnswer('... = 6 \\times 7 = \\boxed{42}').value; // { kind: 'number', value: 42, percent: false }
 * ```
 */
export function readMathAnswer(output: string): MathAnswer {
  const { text, source } = locate(output);
  let value = parseMathValue(text);
  if (value === undefined) {
    const withoutWords = cleanLatex(text).replace(TRAILING_WORDS, '');
    if (withoutWords !== '') value = parseMathValue(withoutWords);
  }
  if (value === undefined && PROSE.test(cleanLatex(text))) {
    const numbers = cleanLatex(text).match(NUMBER_TOKEN) ?? [];
    const pick = source === 'last-line' ? numbers[numbers.length - 1] : numbers[0];
    if (pick !== undefined) value = parseMathValue(pick);
  }
  return { text, source, value };
}
