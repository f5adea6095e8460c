import { BenchHubError } from '../../errors/index.js';
import { isPythonWhitespace, pythonSplit } from '../../text/python-text.js';
import { tokens13a } from './tokenizer-13a.js';
import { tokensIntl } from './tokenizer-intl.js';
import { tokensZh } from './tokenizer-zh.js';

/**
 * The BLEU tokenizers BenchHub implements, as sacrebleu names them: `13a` (default, mteval-v13a),
 * `intl` (mteval-v14 international), `zh` (Chinese characters split, then 13a rules), `char` (every
 * character a token) and `none` (split on whitespace only).
 */
export type BleuTokenizerName = '13a' | 'intl' | 'zh' | 'char' | 'none';

/**
 * sacrebleu tokenizers that need external models or native libraries (MeCab dictionaries,
 * SentencePiece models); passing one is rejected with an error that says so.
 */
export type UnsupportedBleuTokenizerName =
  | 'ja-mecab'
  | 'ko-mecab'
  | 'spm'
  | 'flores101'
  | 'flores200'
  | 'spBLEU-1K';

/** Every BLEU tokenizer name BenchHub implements. */
export const BLEU_TOKENIZERS: readonly BleuTokenizerName[] = Object.freeze([
  '13a',
  'intl',
  'zh',
  'char',
  'none',
]);

const UNSUPPORTED: readonly string[] = ['ja-mecab', 'ko-mecab', 'spm', 'flores101', 'flores200', 'spBLEU-1K'];

/** A tokenizer as BLEU uses it: a line in, its tokens out. */
export type TokensOf = (line: string) => string[];

function charTokens(line: string): string[] {
  const tokens: string[] = [];
  for (const char of line) if (!isPythonWhitespace(char)) tokens.push(char);
  return tokens;
}

const TOKENS: Readonly<Record<BleuTokenizerName, TokensOf>> = {
  '13a': tokens13a,
  intl: tokensIntl,
  zh: tokensZh,
  char: charTokens,
  none: pythonSplit,
};

/**
 * The token function of a tokenizer name; throws a BenchHubError naming the valid choices for an
 * unknown name, and explaining why for the sacrebleu tokenizers that need external models.
 */
export function bleuTokenizer(name: string, where = 'tokenize'): TokensOf {
  if (Object.hasOwn(TOKENS, name)) return TOKENS[name as BleuTokenizerName];
  if (UNSUPPORTED.includes(name)) {
    throw new BenchHubError(
      `${where}: the '${name}' tokenizer needs an external model or native library (MeCab or SentencePiece) that BenchHub does not ship; use one of ${BLEU_TOKENIZERS.join(', ')}`,
    );
  }
  throw new BenchHubError(
    `${where}: unknown tokenizer ${JSON.stringify(name)}; expected one of ${BLEU_TOKENIZERS.join(', ')}`,
  );
}

/**
 * Tokenizes one line exactly as the sacrebleu tokenizer of that name returns it (a string of tokens
 * separated by single spaces; `char` puts a space between every pair of characters, spaces included, and
 * `none` returns the line unchanged). BLEU then splits this string on whitespace.
 *
 * @example
 * ```ts
 * tokenizeForBleu("It wasn't surprising."); // "It wasn't surprising ."
 * tokenizeForBleu('今天(晴)', 'zh');         // "今 天 ( 晴 )"
 * ```
 */
export function tokenizeForBleu(line: string, tokenize: BleuTokenizerName = '13a'): string {
  if (tokenize === 'none') return line;
  if (tokenize === 'char') return Array.from(line).join(' ');
  return bleuTokenizer(tokenize, 'tokenizeForBleu')(line).join(' ');
}
