import type { FoundLabel } from './extract-labels.js';
import { SUBJECT_LEXICON } from './lexicon.js';
import { hangulLetters, isOneSlipApart, isTransposition } from './typos.js';

interface SpelledTerm {
  /** The term as the lexicon writes it. */
  term: string;
  /** What is compared: lower-case letters, Hangul split into letters. */
  key: string;
  value: string;
}

let terms: readonly SpelledTerm[] | undefined;

/** Single-word subject terms long enough for a slip to be told from another word (built on first use). */
function spelledTerms(): readonly SpelledTerm[] {
  terms ??= SUBJECT_LEXICON.flatMap((entry) =>
    entry.means.flatMap((meaning) =>
      meaning.kind !== 'subject'
        ? []
        : [
            ...(entry.en ?? [])
              .filter((t) => /^[a-z]{5,}$/.test(t))
              .map((t) => ({ term: t, key: t, value: meaning.value })),
            ...(entry.ko ?? [])
              .map((t) => t.replace(/^\^/, ''))
              .filter((t) => /^[가-힣]{2,}$/.test(t))
              .map((t) => ({ term: t, key: hangulLetters(t), value: meaning.value })),
          ],
    ),
  );
  return terms;
}

/**
 * Subjects the words of an unknown topic name with a slip of the keyboard: one letter off from a subject
 * term of the lexicon (`histroy` → history, `econmics` → economics, `역샤` → 역사, one Hangul letter off).
 * English words need five letters, and a substituted letter counts only in words of eight or more (else
 * `taming` would be `gaming`; swapped neighbours always count); Korean words need two syllables. The slip must point at one subject only;
 * each reading carries a note saying how the word was read. The caller asks only when no subject
 * was recognised and would otherwise refuse the topic.
 *
 * @param topic - The unknown topic's words, as {@link findUnknownTopic} returns them.
 * @param request - The request, to place the words.
 */
export function readMisspelledSubjects(topic: string, request: string): FoundLabel[] {
  const found: FoundLabel[] = [];
  for (const word of topic.split(/\s+/)) {
    const hangul = /^[가-힣]{2,}$/.test(word);
    if (!hangul && !/^[A-Za-z]{5,}$/.test(word)) continue;
    const key = hangul ? hangulLetters(word) : word.toLowerCase();
    const syllables = word.length;
    const matches = spelledTerms().filter(
      (t) =>
        (hangul
          ? t.term.length === syllables
          : key.length !== t.key.length || key.length >= 8 || isTransposition(key, t.key)) &&
        isOneSlipApart(key, t.key),
    );
    const values = [...new Set(matches.map((m) => m.value))];
    const [match] = matches;
    if (values.length !== 1 || match === undefined) continue;
    found.push({
      kind: 'subject',
      value: match.value,
      written: word,
      start: Math.max(0, request.indexOf(word)),
      note: `read "${word}" as "${match.term}" (${match.value}): check the spelling`,
    });
  }
  return found;
}
