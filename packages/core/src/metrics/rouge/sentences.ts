/**
 * Sentence splitting for rougeLsum. rouge-score's default splits on newlines only; with
 * `split_summaries=True` it calls NLTK's Punkt `sent_tokenize`, whose trained English model is not
 * available here, so {@link splitSentences} is a rule-based approximation of it.
 */

/** Lower-cased abbreviations (without their final period) after which a period does not end a sentence. */
const ABBREVIATIONS = new Set(
  (
    'mr mrs ms dr prof sr jr st vs etc inc ltd co corp jan feb mar apr jun jul aug sep sept oct nov dec ' +
    'no nos fig figs al gen gov rep sen lt col capt sgt mt ave approx dept est vol vols pp ed eds cf ca ' +
    'rev hon messrs mme mlle op seq viz'
  ).split(' '),
);

const CANDIDATE_END = /([.?!\u2026]+)["'”’)\]}»]*(?=\s+(\S))/gu;

/** Whether the period ending `word` (the word without that period) marks an abbreviation or an initial. */
function isAbbreviation(word: string): boolean {
  const bare = word.replace(/^[("'“‘[{«]+/u, '').toLowerCase();
  if (bare.length === 0) return false;
  if (ABBREVIATIONS.has(bare)) return true;
  if (/^\p{L}$/u.test(bare)) return true; // an initial such as "J."
  return /^\p{L}+(\.\p{L}+)+$/u.test(bare); // "e.g", "u.s"
}

/**
 * Splits text into sentences the way `nltk.sent_tokenize` usually does: after `.`, `?`, `!` or an ellipsis
 * (with any closing quotes or brackets) followed by white space, except after common abbreviations, single
 * initials and dotted abbreviations, and except after an ellipsis followed by a lower-case word. Unlike
 * rouge-score's default, a newline alone does not end a sentence. Empty sentences are dropped.
 *
 * @example
 * ```ts
 * splitSentences('Dr. Kim arrived. She said hi! Then... nothing.'); // ['Dr. Kim arrived.', 'She said hi!', 'Then... nothing.']
 * ```
 */
export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  let start = 0;
  for (const match of text.matchAll(CANDIDATE_END)) {
    const punctuation = match[1] ?? '';
    const next = match[2] ?? '';
    const at = match.index;
    if (punctuation === '.') {
      let wordStart = at;
      while (wordStart > 0 && !/\s/u.test(text[wordStart - 1] ?? ' ')) wordStart--;
      if (isAbbreviation(text.slice(wordStart, at))) continue;
    } else if (/^(\.{2,}|\u2026)/u.test(punctuation) && !/^\p{Lu}/u.test(next)) {
      continue; // an ellipsis inside a sentence
    }
    const end = at + match[0].length;
    const sentence = text.slice(start, end).trim();
    if (sentence.length > 0) sentences.push(sentence);
    start = end;
  }
  const rest = text.slice(start).trim();
  if (rest.length > 0) sentences.push(rest);
  return sentences;
}

/** rouge-score's newline split for rougeLsum: lines, empty ones dropped (a line of spaces is kept). */
export function splitLines(text: string): string[] {
  return text.split('\n').filter((line) => line.length > 0);
}
