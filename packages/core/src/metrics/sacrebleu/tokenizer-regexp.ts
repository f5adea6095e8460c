import { pythonSplit } from '../../text/python-text.js';

// The four substitutions of mteval-v13a's language-dependent step, in sacrebleu's order.
// 1. Pad ASCII punctuation and symbols except `'`, `,`, `-` and `.` with spaces. mteval's class also
//    holds the space itself; padding a space with spaces cannot change the tokens (a run of spaces
//    matches exactly as a single one in the rules below), so it is left out here for speed.
const SYMBOLS = /[\x21-\x26\x28-\x2b\x2f\x3a-\x40\x5b-\x60\x7b-\x7e]/g;
// 2. Split a period or comma from a preceding non-digit.
const PERIOD_COMMA_AFTER_NON_DIGIT = /([^0-9])([.,])/g;
// 3. Split a period or comma from a following non-digit.
const PERIOD_COMMA_BEFORE_NON_DIGIT = /([.,])([^0-9])/g;
// 4. Split a dash from a preceding digit.
const DASH_AFTER_DIGIT = /([0-9])-/g;

/**
 * The tokens of sacrebleu's `TokenizerRegexp`, the post-processing step shared by the `13a` and `zh`
 * tokenizers: the four mteval-v13a substitutions applied in turn, then a split on Python whitespace.
 */
export function regexpTokens(line: string): string[] {
  let text = line.replace(SYMBOLS, ' $& ');
  if (text.includes('.') || text.includes(',')) {
    text = text.replace(PERIOD_COMMA_AFTER_NON_DIGIT, '$1 $2 ');
    text = text.replace(PERIOD_COMMA_BEFORE_NON_DIGIT, ' $1 $2');
  }
  if (text.includes('-')) text = text.replace(DASH_AFTER_DIGIT, '$1 - ');
  return pythonSplit(text);
}
