/**
 * The Porter stemmer exactly as NLTK's `nltk.stem.porter.PorterStemmer` behaves (NLTK 3.8), in its three
 * modes. The default, `nltk` (NLTK's `NLTK_EXTENSIONS`), is the one rouge-score uses; other npm Porter
 * stemmers follow Martin Porter's reference implementation and differ from it on words such as
 * `dying`, `flies`, `generously` or `enjoy`.
 */

/**
 * Which variant of the algorithm to run, after NLTK's `mode` argument:
 * `nltk` = `NLTK_EXTENSIONS` (default), `martin` = `MARTIN_EXTENSIONS`, `original` = `ORIGINAL_ALGORITHM`.
 */
export type PorterStemmerMode = 'nltk' | 'martin' | 'original';

/** Options of {@link porterStem}. */
export interface PorterStemOptions {
  /** Algorithm variant; default `nltk`, as `PorterStemmer()` with no argument. */
  mode?: PorterStemmerMode;
  /** Lower-case the word first (NLTK's `to_lowercase`, default true). Upper-case letters count as consonants. */
  toLowercase?: boolean;
}

/** NLTK's table of irregular forms (NLTK mode only): inflected form → stem. */
const IRREGULAR_FORMS: ReadonlyMap<string, string> = new Map([
  ['sky', 'sky'],
  ['skies', 'sky'],
  ['dying', 'die'],
  ['lying', 'lie'],
  ['tying', 'tie'],
  ['news', 'news'],
  ['innings', 'inning'],
  ['inning', 'inning'],
  ['outings', 'outing'],
  ['outing', 'outing'],
  ['cannings', 'canning'],
  ['canning', 'canning'],
  ['howe', 'howe'],
  ['proceed', 'proceed'],
  ['exceed', 'exceed'],
  ['succeed', 'succeed'],
]);

const CODE_Y = 0x79;

function isVowelCode(code: number): boolean {
  // a e i o u (lower case only, as in NLTK)
  return code === 0x61 || code === 0x65 || code === 0x69 || code === 0x6f || code === 0x75;
}

/** The paper's consonant: not a, e, i, o, u, and not a `y` preceded by a consonant. */
function isConsonant(word: string, index: number): boolean {
  let i = index;
  // A run of y's alternates consonant/vowel from its start: walk back to the first non-y.
  let flips = 0;
  while (i >= 0 && word.charCodeAt(i) === CODE_Y) {
    if (i === 0) return flips % 2 === 0; // a leading y is a consonant
    flips++;
    i--;
  }
  if (flips === 0) return !isVowelCode(word.charCodeAt(index));
  // word[i] is the first non-y before the run; the y at i+1 is a consonant iff word[i] is a vowel.
  const firstYIsConsonant = isVowelCode(word.charCodeAt(i));
  return flips % 2 === 1 ? firstYIsConsonant : !firstYIsConsonant;
}

/** The measure m of `[C](VC){m}[V]`: the number of vowel→consonant transitions. */
function measure(stem: string): number {
  let m = 0;
  let previousIsVowel = false;
  for (let i = 0; i < stem.length; i++) {
    const consonant = isConsonant(stem, i);
    if (consonant && previousIsVowel) m++;
    previousIsVowel = !consonant;
  }
  return m;
}

function hasPositiveMeasure(stem: string): boolean {
  return measure(stem) > 0;
}

function containsVowel(stem: string): boolean {
  for (let i = 0; i < stem.length; i++) if (!isConsonant(stem, i)) return true;
  return false;
}

/** Condition *d: ends with a double consonant. */
function endsDoubleConsonant(word: string): boolean {
  const n = word.length;
  return n >= 2 && word.charCodeAt(n - 1) === word.charCodeAt(n - 2) && isConsonant(word, n - 1);
}

/** Condition *o: ends consonant-vowel-consonant, the last not w, x or y (NLTK also accepts a 2-letter vc word). */
function endsCvc(word: string, mode: PorterStemmerMode): boolean {
  const n = word.length;
  if (n >= 3 && isConsonant(word, n - 3) && !isConsonant(word, n - 2) && isConsonant(word, n - 1)) {
    const last = word[n - 1];
    if (last !== 'w' && last !== 'x' && last !== 'y') return true;
  }
  return mode === 'nltk' && n === 2 && !isConsonant(word, 0) && isConsonant(word, 1);
}

/** A suffix rule: when `word` ends with `suffix`, replace it if `condition(stem, word)` holds. */
type SuffixRule = readonly [
  suffix: string,
  replacement: string,
  condition: ((stem: string, word: string) => boolean) | null,
];

/**
 * Applies the first rule whose suffix matches; if its condition fails, no later rule is tried
 * (NLTK's `_apply_rule_list`).
 */
function applyRules(word: string, rules: readonly SuffixRule[]): string {
  for (const [suffix, replacement, condition] of rules) {
    if (!word.endsWith(suffix)) continue;
    const stem = word.slice(0, word.length - suffix.length);
    return condition === null || condition(stem, word) ? stem + replacement : word;
  }
  return word;
}

const positive = (stem: string): boolean => hasPositiveMeasure(stem);
const measureAboveOne = (stem: string): boolean => measure(stem) > 1;

const STEP1A_RULES: readonly SuffixRule[] = [
  ['sses', 'ss', null],
  ['ies', 'i', null],
  ['ss', 'ss', null],
  ['s', '', null],
];

function step1a(word: string, mode: PorterStemmerMode): string {
  // NLTK: 'dies' -> 'die' but 'flies' -> 'fli'
  if (mode === 'nltk' && word.length === 4 && word.endsWith('ies')) return `${word.slice(0, 1)}ie`;
  return applyRules(word, STEP1A_RULES);
}

function step1b(word: string, mode: PorterStemmerMode): string {
  if (mode === 'nltk' && word.endsWith('ied')) {
    return word.length === 4 ? `${word.slice(0, 1)}ie` : `${word.slice(0, -3)}i`;
  }
  if (word.endsWith('eed')) {
    const stem = word.slice(0, -3);
    return measure(stem) > 0 ? `${stem}ee` : word;
  }
  let stem: string;
  if (word.endsWith('ed') && containsVowel(word.slice(0, -2))) stem = word.slice(0, -2);
  else if (word.endsWith('ing') && containsVowel(word.slice(0, -3))) stem = word.slice(0, -3);
  else return word;

  if (stem.endsWith('at') || stem.endsWith('bl') || stem.endsWith('iz')) return `${stem}e`;
  if (endsDoubleConsonant(stem)) {
    const last = stem[stem.length - 1];
    return last === 'l' || last === 's' || last === 'z' ? stem : stem.slice(0, -1);
  }
  return measure(stem) === 1 && endsCvc(stem, mode) ? `${stem}e` : stem;
}

function step1c(word: string, mode: PorterStemmerMode): string {
  if (!word.endsWith('y')) return word;
  const stem = word.slice(0, -1);
  const ok = mode === 'nltk' ? stem.length > 1 && isConsonant(stem, stem.length - 1) : containsVowel(stem);
  return ok ? `${stem}i` : word;
}

const STEP2_COMMON: readonly SuffixRule[] = [
  ['ational', 'ate', positive],
  ['tional', 'tion', positive],
  ['enci', 'ence', positive],
  ['anci', 'ance', positive],
  ['izer', 'ize', positive],
];
const STEP2_TAIL: readonly SuffixRule[] = [
  ['alli', 'al', positive],
  ['entli', 'ent', positive],
  ['eli', 'e', positive],
  ['ousli', 'ous', positive],
  ['ization', 'ize', positive],
  ['ation', 'ate', positive],
  ['ator', 'ate', positive],
  ['alism', 'al', positive],
  ['iveness', 'ive', positive],
  ['fulness', 'ful', positive],
  ['ousness', 'ous', positive],
  ['aliti', 'al', positive],
  ['iviti', 'ive', positive],
  ['biliti', 'ble', positive],
];
const STEP2_RULES: Readonly<Record<PorterStemmerMode, readonly SuffixRule[]>> = {
  original: [...STEP2_COMMON, ['abli', 'able', positive], ...STEP2_TAIL],
  martin: [...STEP2_COMMON, ['bli', 'ble', positive], ...STEP2_TAIL, ['logi', 'log', positive]],
  nltk: [
    ...STEP2_COMMON,
    ['bli', 'ble', positive],
    ...STEP2_TAIL,
    ['fulli', 'ful', positive],
    // the 'l' of 'logi' stays with the stem for the measure, so 'geologi' -> 'geolog'
    ['logi', 'log', (_stem, word) => hasPositiveMeasure(word.slice(0, -3))],
  ],
};

function step2(word: string, mode: PorterStemmerMode): string {
  // NLTK applies ALLI -> AL first and, when it fires, runs step 2 again on the result.
  if (mode === 'nltk' && word.endsWith('alli') && hasPositiveMeasure(word.slice(0, -4))) {
    return step2(`${word.slice(0, -4)}al`, mode);
  }
  return applyRules(word, STEP2_RULES[mode]);
}

const STEP3_RULES: readonly SuffixRule[] = [
  ['icate', 'ic', positive],
  ['ative', '', positive],
  ['alize', 'al', positive],
  ['iciti', 'ic', positive],
  ['ical', 'ic', positive],
  ['ful', '', positive],
  ['ness', '', positive],
];

const STEP4_RULES: readonly SuffixRule[] = [
  ['al', '', measureAboveOne],
  ['ance', '', measureAboveOne],
  ['ence', '', measureAboveOne],
  ['er', '', measureAboveOne],
  ['ic', '', measureAboveOne],
  ['able', '', measureAboveOne],
  ['ible', '', measureAboveOne],
  ['ant', '', measureAboveOne],
  ['ement', '', measureAboveOne],
  ['ment', '', measureAboveOne],
  ['ent', '', measureAboveOne],
  ['ion', '', (stem) => measure(stem) > 1 && (stem.endsWith('s') || stem.endsWith('t'))],
  ['ou', '', measureAboveOne],
  ['ism', '', measureAboveOne],
  ['ate', '', measureAboveOne],
  ['iti', '', measureAboveOne],
  ['ous', '', measureAboveOne],
  ['ive', '', measureAboveOne],
  ['ize', '', measureAboveOne],
];

function step5a(word: string, mode: PorterStemmerMode): string {
  if (!word.endsWith('e')) return word;
  const stem = word.slice(0, -1);
  const m = measure(stem);
  if (m > 1) return stem;
  if (m === 1 && !endsCvc(stem, mode)) return stem;
  return word;
}

function step5b(word: string): string {
  return word.endsWith('ll') && measure(word.slice(0, -1)) > 1 ? word.slice(0, -1) : word;
}

function stemBmp(word: string, lowered: string, mode: PorterStemmerMode, wordLength: number): string {
  if (mode === 'nltk') {
    // NLTK looks the word up before lower-casing it (so 'Dying' is not irregular) and returns the entry.
    const irregular = IRREGULAR_FORMS.get(word);
    if (irregular !== undefined) return irregular;
  }
  // Words of one or two characters are left alone (except in the original algorithm).
  if (mode !== 'original' && wordLength <= 2) return lowered;
  let stem = step1a(lowered, mode);
  stem = step1b(stem, mode);
  stem = step1c(stem, mode);
  stem = step2(stem, mode);
  stem = applyRules(stem, STEP3_RULES);
  stem = applyRules(stem, STEP4_RULES);
  stem = step5a(stem, mode);
  return step5b(stem);
}

const SURROGATE = /[\uD800-\uDFFF]/;

/**
 * Characters outside the BMP are one character to NLTK (Python counts code points) but two UTF-16 units
 * here. They only ever act as consonants, so each distinct one is swapped for an unused private-use
 * character, the word is stemmed, and the swap is undone.
 */
function stemWithAstral(word: string, lowered: string, mode: PorterStemmerMode): string {
  const toPlaceholder = new Map<string, string>();
  const fromPlaceholder = new Map<string, string>();
  let next = 0xe000;
  const used = new Set(Array.from(word + lowered));
  const encode = (text: string): string =>
    Array.from(text, (ch) => {
      if (ch.length === 1) return ch;
      let placeholder = toPlaceholder.get(ch);
      if (placeholder === undefined) {
        while (used.has(String.fromCharCode(next))) next++;
        placeholder = String.fromCharCode(next++);
        toPlaceholder.set(ch, placeholder);
        fromPlaceholder.set(placeholder, ch);
      }
      return placeholder;
    }).join('');
  const encodedWord = encode(word);
  const stem = stemBmp(encodedWord, encode(lowered), mode, encodedWord.length);
  return Array.from(stem, (ch) => fromPlaceholder.get(ch) ?? ch).join('');
}

/**
 * Stems one word as NLTK's `PorterStemmer(mode).stem(word, to_lowercase)` does, quirks included: the
 * irregular-forms table is consulted before lower-casing, words of at most two characters come back
 * (lower-cased) unchanged, and `y` after a consonant becomes `i` only when more than one letter precedes it.
 *
 * @example
 * ```ts
 * porterStem('generously');   // 'gener'
 * porterStem('dying');        // 'die'
 * porterStem('Github', { toLowercase: false }); // 'Github'
 * porterStem('happy', { mode: 'martin' });      // 'happi'
 * ```
 */
export function porterStem(word: string, options: PorterStemOptions = {}): string {
  const mode = options.mode ?? 'nltk';
  const lowered = options.toLowercase === false ? word : word.toLowerCase();
  if (SURROGATE.test(word) || SURROGATE.test(lowered)) return stemWithAstral(word, lowered, mode);
  return stemBmp(word, lowered, mode, word.length);
}
