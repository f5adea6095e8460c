import { porterStem } from './porter-stemmer.js';

/** A tokenizer of your own: an object with `tokenize` (as rouge-score's `Tokenizer`) or a plain function. */
export type RougeCustomTokenizer =
  | { tokenize(text: string): readonly string[] }
  | ((text: string) => readonly string[]);

/**
 * How ROUGE splits text into tokens:
 * - `default`: exactly rouge-score's `DefaultTokenizer`: lower-case, every character outside `[a-z0-9]`
 *   becomes a separator, Porter-stem (NLTK) tokens longer than 3 characters when `useStemmer` is on.
 *   Text in Korean or any other non-Latin script therefore yields **no tokens** and scores 0.
 * - `unicode`: a deliberate difference from the reference for non-English text: NFC-normalised,
 *   lower-cased, tokens are runs of Unicode letters, combining marks and digits (`[\p{L}\p{M}\p{N}]+`),
 *   so Korean (`정답은 서울`) is kept; stemming applies as in `default` (it only changes English words).
 *   Scores from it are not comparable with rouge-score's.
 * - a custom tokenizer: its tokens are used as they are and `useStemmer` is ignored, as upstream.
 */
export type RougeTokenizerOption = 'default' | 'unicode' | RougeCustomTokenizer;

/** Most distinct words whose stems are remembered; the oldest entry is dropped beyond it. */
const STEM_CACHE_LIMIT = 100_000;
const stemCache = new Map<string, string>();

/** NLTK-mode Porter stem, memoised in a bounded cache (stemming dominates ROUGE's cost otherwise). */
function cachedStem(word: string): string {
  const hit = stemCache.get(word);
  if (hit !== undefined) return hit;
  const stem = porterStem(word);
  if (stemCache.size >= STEM_CACHE_LIMIT) {
    const oldest = stemCache.keys().next().value;
    if (oldest !== undefined) stemCache.delete(oldest);
  }
  stemCache.set(word, stem);
  return stem;
}

function isAsciiWordCode(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39);
}

/** rouge-score's `tokenize.tokenize(text, stemmer)`. */
function tokenizeDefault(text: string, useStemmer: boolean): string[] {
  const lower = text.toLowerCase();
  const tokens: string[] = [];
  let start = -1;
  for (let i = 0; i <= lower.length; i++) {
    const inWord = i < lower.length && isAsciiWordCode(lower.charCodeAt(i));
    if (inWord) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      const token = lower.slice(start, i);
      const kept = useStemmer && token.length > 3 ? cachedStem(token) : token;
      if (kept.length > 0) tokens.push(kept); // upstream's final check drops empty tokens
      start = -1;
    }
  }
  return tokens;
}

const UNICODE_TOKEN = /[\p{L}\p{M}\p{N}]+/gu;

function tokenizeUnicode(text: string, useStemmer: boolean): string[] {
  const tokens: string[] = [];
  for (const match of text.normalize('NFC').toLowerCase().matchAll(UNICODE_TOKEN)) {
    const token = match[0];
    const kept = useStemmer && token.length > 3 ? cachedStem(token) : token;
    if (kept.length > 0) tokens.push(kept);
  }
  return tokens;
}

/**
 * Splits `text` into ROUGE tokens (see {@link RougeTokenizerOption}).
 *
 * @example
 * ```ts
 * tokenizeForRouge('The runners ran, quickly!', { useStemmer: true }); // ['the', 'runner', 'ran', 'quickli']
 * tokenizeForRouge('정답은 서울', { tokenizer: 'unicode' });            // ['정답은', '서울']
 * tokenizeForRouge('정답은 서울');                                      // []
 * ```
 */
export function tokenizeForRouge(
  text: string,
  options: { useStemmer?: boolean; tokenizer?: RougeTokenizerOption } = {},
): string[] {
  const tokenizer = options.tokenizer ?? 'default';
  const useStemmer = options.useStemmer ?? false;
  if (tokenizer === 'default') return tokenizeDefault(text, useStemmer);
  if (tokenizer === 'unicode') return tokenizeUnicode(text, useStemmer);
  const tokens = typeof tokenizer === 'function' ? tokenizer(text) : tokenizer.tokenize(text);
  return Array.from(tokens);
}
