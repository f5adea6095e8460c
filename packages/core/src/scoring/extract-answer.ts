import { isPythonWhitespaceCode, pythonRstrip, pythonStrip } from '../text/python-text.js';
import { stripMarkdown } from './text/markdown.js';
import { PY_SPACE, PY_WORD } from './text/python-classes.js';
import { nextMatch } from './text/regex-matches.js';

/** Which marker occurrence `extractAnswer` reads when the output has several. */
export type MarkerOccurrence = 'first' | 'last';

/** Options of {@link extractAnswer}. */
export interface ExtractAnswerOptions {
  /**
   * `last` (default): the answer after the last marker, since a model that reasons first states its final
   * answer last. `first` reproduces HRET's `extract_final_answer` (a `re.search`), which suits base models
   * that run on into the next few-shot question (better stopped with stop sequences).
   */
  occurrence?: MarkerOccurrence;
}

/** Where and how an answer was found. */
export interface FoundAnswer {
  /** The answer text: the first non-empty line after the marker (or of the output), trimmed. */
  answer: string;
  /** The marker as written in the output (`Answer:`, `정답은`), or `undefined` when there was none. */
  marker: string | undefined;
}

const NOT_WORD_BEFORE = `(?<!${PY_WORD})`;
const COLON = '[:：]';
const S = `${PY_SPACE}*`;
/**
 * Answer markers, case-insensitive; a full-width colon counts as a colon. `answer is`, `정답은` and `답은`
 * are copular ("the answer is X", "정답은 X입니다") and need no colon.
 */
const MARKER = new RegExp(
  [
    `${NOT_WORD_BEFORE}(?:final${S})?answer${S}${COLON}`,
    `(?<copula>${NOT_WORD_BEFORE}answer${PY_SPACE}+is(?!${PY_WORD})${S}${COLON}?` +
      `|(?:최종${S})?(?:정답|답)${S}은${S}${COLON}?)`,
    `(?:최종${S})?(?:정답|답변|답안|답)${S}${COLON}`,
  ].join('|'),
  'giu',
);
const COPULA_END = /(?:입니다|이다|이에요|예요|임)?[.。!]?$/u;

/**
 * Whether a code unit ends a line for Python's `str.splitlines()`. `\r\n` is one break there and two
 * here, which only adds a blank line: harmless, as blank lines are skipped.
 */
function isLineBreakCode(code: number): boolean {
  return (
    code === 0x0a ||
    code === 0x0d ||
    code === 0x0b ||
    code === 0x0c ||
    code === 0x1c ||
    code === 0x1d ||
    code === 0x1e ||
    code === 0x85 ||
    code === 0x2028 ||
    code === 0x2029
  );
}

/**
 * Python's `text[from:].splitlines()`, then the first line that is not blank, stripped; `''` when none.
 * Every line break is also Python whitespace, so that line is the one holding the first non-whitespace
 * character: it runs from there to the next line break.
 */
function firstNonEmptyLine(text: string, from = 0): string {
  const length = text.length;
  let start = from;
  while (start < length && isPythonWhitespaceCode(text.charCodeAt(start))) start++;
  if (start === length) return '';
  let end = start + 1;
  while (end < length && !isLineBreakCode(text.charCodeAt(end))) end++;
  return pythonRstrip(start === 0 && end === length ? text : text.slice(start, end));
}

const DAP = 0xb2f5; // 답
const LONG_S = 0x17f; // ſ, which the `iu` flags fold to `s`

/** Whether the code unit at `at` is the ASCII letter `lower` (given in lower case) in either case. */
function isLetterAt(text: string, at: number, lower: string): boolean {
  return (text.charCodeAt(at) | 0x20) === lower.charCodeAt(0);
}

/**
 * Whether {@link MARKER} can match in `text`: every Korean marker contains `답` and every English one the
 * word `answer` in some case, also spelt with `ſ` (U+017F), which the `iu` flags fold to `s` (no other
 * character folds to one of its letters). A scan for `w`, the rarest of its letters, and a look around.
 */
function mayHaveMarker(text: string): boolean {
  const length = text.length;
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    if (code === DAP) return true;
    if (
      (code | 0x20) === 0x77 &&
      i >= 3 &&
      i + 2 < length &&
      isLetterAt(text, i - 3, 'a') &&
      isLetterAt(text, i - 2, 'n') &&
      (isLetterAt(text, i - 1, 's') || text.charCodeAt(i - 1) === LONG_S) &&
      isLetterAt(text, i + 1, 'e') &&
      isLetterAt(text, i + 2, 'r')
    ) {
      return true;
    }
  }
  return false;
}

/**
 * Finds the answer in a model output: markdown is stripped, then the text after an answer marker —
 * `Answer:`, `Final answer:`, `answer is`, `정답:`, `정답은`, `답:`, `답은`, `답변:`, `답안:`, `최종 정답:`
 * (any case; `：` counts as `:`) — is read up to the end of its first non-empty line. Without a marker,
 * the output's first non-empty line is the answer. By default the LAST marker with text after it wins
 * (see {@link ExtractAnswerOptions.occurrence}). After a copular marker a Korean ending (`입니다`, `이다`,
 * `이에요`, `예요`, `임`) and a final period are dropped: `정답은 서울입니다.` → `서울`.
 *
 * @example
 * ```ts
 * findAnswer('Let me think.\n**Answer:** B\nAnswer: C').answer; // 'C'
 * findAnswer('정답은 D입니다').answer;                          // 'D'
 * ```
 */
export function findAnswer(output: string, options: ExtractAnswerOptions = {}): FoundAnswer {
  const text = stripMarkdown(output);
  if (!mayHaveMarker(text)) return { answer: firstNonEmptyLine(text), marker: undefined };
  const occurrence = options.occurrence ?? 'last';
  let found: FoundAnswer | undefined;
  MARKER.lastIndex = 0;
  for (let m = nextMatch(MARKER, text); m !== null; m = nextMatch(MARKER, text)) {
    let answer = firstNonEmptyLine(text, m.index + m[0].length);
    if (answer === '') continue;
    if (m.groups?.copula !== undefined) answer = pythonStrip(answer.replace(COPULA_END, ''));
    if (answer === '') continue;
    found = { answer, marker: pythonStrip(m[0]) };
    if (occurrence === 'first') break;
  }
  return found ?? { answer: firstNonEmptyLine(text), marker: undefined };
}

/**
 * The answer in a model output (see {@link findAnswer}), before normalisation.
 *
 * @example
 * ```ts
 * extractAnswer('풀이...\n정답： 3번'); // '3번'
 * extractAnswer('Paris\nbecause...'); // 'Paris'
 * ```
 */
export function extractAnswer(output: string, options: ExtractAnswerOptions = {}): string {
  return findAnswer(output, options).answer;
}
