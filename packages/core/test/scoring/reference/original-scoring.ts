/**
 * The scoring text functions as they were before their fast paths (regular expressions on every call,
 * `matchAll`, no pre-checks), kept as the oracle of `fast-paths.test.ts`. Do not optimise this file.
 */
import { optionLetters } from '../../../src/prompts/option-letters.js';
import { PY_SPACE, PY_SPACE_CHARS, PY_WORD } from '../../../src/scoring/text/python-classes.js';
import { collapsePythonWhitespace, pythonStrip } from '../../../src/text/python-text.js';

const FENCE_LINE = /^[ \t]*(?:```|~~~)[^\n]*$/gm;
const HEADER = /^[ \t]{0,3}#{1,6}[ \t]+/gm;
const QUOTE = /^[ \t]*>[ \t]?/gm;
const BULLET = /^[ \t]*[-*+][ \t]+/gm;
const PAIRED_TOKENS = /\*\*|__|~~|`/g;
const SINGLE_EMPHASIS = /(?<![\p{L}\p{N}*_\\])([*_])(?=\S)([^*_\n]*?\S)\1(?![\p{L}\p{N}*_])/gu;

/** `stripMarkdown` before its fast path. */
export function stripMarkdownReference(text: string): string {
  return text
    .replace(FENCE_LINE, '')
    .replace(HEADER, '')
    .replace(QUOTE, '')
    .replace(BULLET, '')
    .replace(PAIRED_TOKENS, '')
    .replace(SINGLE_EMPHASIS, '$2');
}

const TRAILING_PERIOD = /[.。]$/u;

/** `normalizeAnswer` before its fast path. */
export function normalizeAnswerReference(text: string): string {
  const plain = collapsePythonWhitespace(stripMarkdownReference(text.normalize('NFKC')).toLowerCase());
  return collapsePythonWhitespace(plain.replace(TRAILING_PERIOD, ''));
}

const NOT_WORD_BEFORE = `(?<!${PY_WORD})`;
const COLON = '[:：]';
const S = `${PY_SPACE}*`;
const MARKER = new RegExp(
  [
    `${NOT_WORD_BEFORE}(?:final${S})?answer${S}${COLON}`,
    `(?<copula>${NOT_WORD_BEFORE}answer${PY_SPACE}+is(?!${PY_WORD})${S}${COLON}?` +
      `|(?:최종${S})?(?:정답|답)${S}은${S}${COLON}?)`,
    `(?:최종${S})?(?:정답|답변|답안|답)${S}${COLON}`,
  ].join('|'),
  'giu',
);
// biome-ignore lint/suspicious/noControlCharactersInRegex: Python's splitlines() also splits at \x1c-\x1e.
const LINE_BREAK = /\r\n|[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]/;
const COPULA_END = /(?:입니다|이다|이에요|예요|임)?[.。!]?$/u;

function firstNonEmptyLine(text: string): string {
  for (const line of text.split(LINE_BREAK)) {
    const stripped = pythonStrip(line);
    if (stripped !== '') return stripped;
  }
  return '';
}

/** `findAnswer` before its fast path. */
export function findAnswerReference(
  output: string,
  occurrence: 'first' | 'last' = 'last',
): { answer: string; marker: string | undefined } {
  const text = stripMarkdownReference(output);
  let found: { answer: string; marker: string | undefined } | undefined;
  for (const m of text.matchAll(MARKER)) {
    let answer = firstNonEmptyLine(text.slice(m.index + m[0].length));
    if (answer === '') continue;
    if (m.groups?.copula !== undefined) answer = pythonStrip(answer.replace(COPULA_END, ''));
    if (answer === '') continue;
    found = { answer, marker: pythonStrip(m[0]) };
    if (occurrence === 'first') break;
  }
  return found ?? { answer: firstNonEmptyLine(text), marker: undefined };
}

function patternsFor(letters: readonly string[]): { marked: RegExp[]; bare: RegExp } {
  const upper = letters.join('');
  const cls = `[${upper}${upper.toLowerCase()}]`;
  const s = `${PY_SPACE}*`;
  return {
    marked: [
      new RegExp(`정답[:${PY_SPACE_CHARS}]*(${cls})`, 'gu'),
      new RegExp(`정답은${s}(${cls})${s}입니다`, 'gu'),
      new RegExp(`(?<!${PY_WORD})(${cls})\\.`, 'gu'),
    ],
    bare: new RegExp(`(?<!${PY_WORD})(${cls})(?!${PY_WORD})`, 'gu'),
  };
}

function lastMatch(regex: RegExp, text: string): string | undefined {
  let last: string | undefined;
  for (const m of text.matchAll(regex)) last = m[1];
  return last?.toUpperCase();
}

function allOccurrences(haystack: string, needle: string): number[] {
  const at: number[] = [];
  for (let i = haystack.indexOf(needle); i !== -1; i = haystack.indexOf(needle, i + 1)) at.push(i);
  return at;
}

function optionByText(text: string, options: readonly string[], letters: readonly string[]) {
  const haystack = normalizeAnswerReference(text);
  const spans = options.map((option) => {
    const needle = normalizeAnswerReference(option);
    return needle === ''
      ? []
      : allOccurrences(haystack, needle).map((start) => [start, start + needle.length] as const);
  });
  let best: { index: number; end: number; length: number } | undefined;
  spans.forEach((own, index) => {
    for (const [start, end] of own) {
      const covered = spans.some(
        (other, j) => j !== index && other.some(([s, e]) => s <= start && end <= e && e - s > end - start),
      );
      if (covered) continue;
      if (best === undefined || end > best.end || (end === best.end && end - start > best.length)) {
        best = { index, end, length: end - start };
      }
    }
  });
  return best === undefined ? undefined : letters[best.index];
}

/** `extractChoice` before its fast path. */
export function extractChoiceReference(text: string, options?: readonly string[]): string {
  const letters = options === undefined ? undefined : optionLetters(Math.min(options.length, 26));
  const patterns = patternsFor(letters ?? ['A', 'B', 'C', 'D', 'E']);
  if (letters !== undefined && letters.length === 0) return '';
  for (const regex of patterns.marked) {
    const found = lastMatch(regex, text);
    if (found !== undefined) return found;
  }
  if (options !== undefined && letters !== undefined) {
    const byText = optionByText(text, options.slice(0, letters.length), letters);
    if (byText !== undefined) return byText;
  }
  return lastMatch(patterns.bare, text) ?? '';
}
