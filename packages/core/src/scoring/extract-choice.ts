import { optionLetters } from '../prompts/option-letters.js';
import { normalizeAnswer } from './normalize-answer.js';
import { PY_SPACE, PY_SPACE_CHARS, PY_WORD } from './text/python-classes.js';
import { lastGroup } from './text/regex-matches.js';

interface ChoicePatterns {
  /** `정답[:\s]*([A-E])`, `정답은\s*([A-E])\s*입니다`, `\b([A-E])\.` */
  marked: readonly [RegExp, RegExp, RegExp];
  /** `\b([A-E])\b` */
  bare: RegExp;
}

function patternsFor(letters: readonly string[]): ChoicePatterns {
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

const DEFAULT_PATTERNS = patternsFor(['A', 'B', 'C', 'D', 'E']);

/** The letters and patterns for `count` options (1 to 26), compiled once each. */
const BY_COUNT: { letters: readonly string[]; patterns: ChoicePatterns }[] = [];

function lettersAndPatterns(count: number): { letters: readonly string[]; patterns: ChoicePatterns } {
  let entry = BY_COUNT[count];
  if (entry === undefined) {
    const letters = Object.freeze(optionLetters(count));
    entry = { letters, patterns: patternsFor(letters) };
    BY_COUNT[count] = entry;
  }
  return entry;
}

function lastMatch(regex: RegExp, text: string): string | undefined {
  return lastGroup(regex, text, 1)?.toUpperCase();
}

function allOccurrences(haystack: string, needle: string): number[] {
  const at: number[] = [];
  for (let i = haystack.indexOf(needle); i !== -1; i = haystack.indexOf(needle, i + 1)) at.push(i);
  return at;
}

/** The letter of the option whose text the output names, preferring the one named last. */
function optionByText(
  text: string,
  options: readonly string[],
  letters: readonly string[],
): string | undefined {
  const haystack = normalizeAnswer(text);
  const spans = options.map((option) => {
    const needle = normalizeAnswer(option);
    return needle === ''
      ? []
      : allOccurrences(haystack, needle).map((start) => [start, start + needle.length]);
  });
  let best: { index: number; end: number; length: number } | undefined;
  spans.forEach((own, index) => {
    for (const [start, end] of own as [number, number][]) {
      // An occurrence inside a longer option's occurrence ("1" inside "10") does not count.
      const covered = spans.some(
        (other, j) =>
          j !== index &&
          (other as [number, number][]).some(([s, e]) => s <= start && end <= e && e - s > end - start),
      );
      if (covered) continue;
      if (best === undefined || end > best.end || (end === best.end && end - start > best.length)) {
        best = { index, end, length: end - start };
      }
    }
  });
  return best === undefined ? undefined : letters[best.index];
}

/**
 * Reads the chosen option letter from a free-form answer, or returns `''` when none can be read.
 *
 * Without `options` it is exactly lm-evaluation-harness's KorMedMCQA `extract_choice` (the cascade of
 * the KorMedMCQA paper, Appendix B): the patterns `정답[:\s]*([A-E])`, `정답은\s*([A-E])\s*입니다`,
 * `\b([A-E])\.` and `\b([A-E])\b` are tried in order (case-insensitive, with Python's Unicode `\b`), and
 * the LAST match of the first pattern that matches is returned upper-cased.
 *
 * With `options` (the choices' texts, in order) the letters are those of the options (A–B for two, up
 * to A–Z), and between the marked patterns and the bare-letter pattern the output is searched for an
 * option's text (normalised as {@link normalizeAnswer}; an option found only inside a longer one does
 * not count; the one mentioned last wins), so `서울입니다` picks the option `서울`.
 *
 * @example
 * ```ts
 * extractChoice('**정답: B**');             // 'B'
 * extractChoice('The answer is (C).');      // 'C'
 * extractChoice('잘 모르겠습니다');           // ''
 * extractChoice('수도는 부산입니다', ['서울', '부산']); // 'B'
 * ```
 */
export function extractChoice(text: string, options?: readonly string[]): string {
  if (options !== undefined && options.length === 0) return '';
  const byCount = options === undefined ? undefined : lettersAndPatterns(Math.min(options.length, 26));
  const letters = byCount?.letters;
  const patterns = byCount === undefined ? DEFAULT_PATTERNS : byCount.patterns;
  // The first two marked patterns need `정답` and the third a period: skip them when it is absent.
  const [withMarker, withCopula, withPeriod] = patterns.marked;
  const hasMarker = text.includes('정답');
  const found =
    (hasMarker ? (lastMatch(withMarker, text) ?? lastMatch(withCopula, text)) : undefined) ??
    (text.includes('.') ? lastMatch(withPeriod, text) : undefined);
  if (found !== undefined) return found;
  if (options !== undefined && letters !== undefined) {
    const byText = optionByText(text, options.slice(0, letters.length), letters);
    if (byText !== undefined) return byText;
  }
  return lastMatch(patterns.bare, text) ?? '';
}
