import { pythonStrip } from '../../text/python-text.js';
import { regexpTokens } from './tokenizer-regexp.js';

// The ranges sacrebleu's `zh` tokenizer treats as Chinese characters, as its code actually compares
// them. Upstream writes the CJK Extension B and Compatibility Supplement ranges as '\u20000'–'\u2a6d6'
// and '\u2f800'–'\u2fa1d', which Python reads as two-character strings; compared with one character
// they select U+2001–U+2A6D (general punctuation, arrows, math and dingbats included) and
// U+2F81–U+2FA1, and no character beyond the BMP. Mirrored on purpose: it is what the scores use.
const CHINESE_CHAR =
  /[\u2001-\u2a6d\u2e80-\u2eff\u2f00-\u2fdf\u2ff0-\u2fff\u3000-\u303f\u3100-\u312f\u31a0-\u31ef\u3200-\u4db5\u4e00-\u9fbb\uf900-\ufa2d\ufa30-\ufa6a\ufa70-\ufad9\ufe10-\ufe1f\ufe30-\ufe4f\uff00-\uffef]/g;

const CHINESE_CHAR_TEST = new RegExp(CHINESE_CHAR.source);

/** Whether sacrebleu's `zh` tokenizer splits a character off as a Chinese character. */
export function isZhTokenizerChineseChar(char: string): boolean {
  return char.length === 1 && CHINESE_CHAR_TEST.test(char);
}

/**
 * The tokens of sacrebleu's `zh` tokenizer: strips the line, pads every Chinese character with spaces,
 * then applies the mteval-v13a substitutions (without `13a`'s unescaping and line padding).
 */
export function tokensZh(line: string): string[] {
  return regexpTokens(pythonStrip(line).replace(CHINESE_CHAR, ' $& '));
}
