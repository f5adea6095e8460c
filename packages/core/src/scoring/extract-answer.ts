import { pythonStrip } from '../text/python-text.js';
import { stripMarkdown } from './text/markdown.js';
import { PY_SPACE, PY_WORD } from './text/python-classes.js';

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
/** Python's `str.splitlines()` boundaries. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: Python's splitlines() also splits at \x1c-\x1e.
const LINE_BREAK = /\r\n|[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]/;
const COPULA_END = /(?:입니다|이다|이에요|예요|임)?[.。!]?$/u;

/** Python's `splitlines()` then the first line that is not blank, stripped; `''` when none. */
function firstNonEmptyLine(text: string): string {
  for (const line of text.split(LINE_BREAK)) {
    const stripped = pythonStrip(line);
    if (stripped !== '') return stripped;
  }
  return '';
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
  const occurrence = options.occurrence ?? 'last';
  let found: FoundAnswer | undefined;
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
