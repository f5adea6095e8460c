import {
  NATIVE_NUMERAL_SOURCE,
  parseNativeKorean,
  parseSinoKorean,
  SINO_NUMERAL_WORDS,
} from './korean-numerals.js';
import type { RequestText, TextMatch } from './request-text.js';

/** A number read from a request, with the text it came from. */
export interface ReadNumber {
  value: number;
  written: string;
}

const KOREAN_MULTIPLIERS: Readonly<Record<string, number>> = { 억: 1e8, 만: 1e4, 천: 1e3, 백: 100 };
const ENGLISH_MULTIPLIERS: Readonly<Record<string, number>> = {
  k: 1e3,
  thousand: 1e3,
  m: 1e6,
  mil: 1e6,
  million: 1e6,
  billion: 1e9,
};

const SEED_PATTERNS = [
  /(?<![A-Za-z])(?:random\s+)?seed\s*(?:number\s*|value\s*)?(?:=|:|of|is|to|as)?\s*(-?\d+)(?![\d.])/i,
  /시드\s*(?:값|번호)?\s*(?:은|는|=|:|을|를|로|으로)?\s*(-?\d+)(?![\d.])/,
];

const NOT_A_SIZE = /^\s*(?:의\s*)?(?:모델|분야|과목|언어|벤치마크|데이터셋|주제|회|번|가지|명)/;

const KOREAN_UNITS = '(?:문제|문항|개|샘플|건|질문)';
const KOREAN_SIZE = new RegExp(
  `(?<![\\w.]|[A-Za-z]-)(-?\\d[\\d,]*(?:\\.\\d+)?)\\s*(억|만|천|백)?\\s*${KOREAN_UNITS}`,
);
const SINO_SIZE = new RegExp(
  `(?<![가-힣\\w.,-])((?:\\d+)?[${SINO_NUMERAL_WORDS}](?:\\d+|[${SINO_NUMERAL_WORDS}])*)\\s*${KOREAN_UNITS}`,
);
const NATIVE_SIZE = new RegExp(`(?<![가-힣])(${NATIVE_NUMERAL_SOURCE})\\s*${KOREAN_UNITS}`);
/** Korean number words before a unit of questions, with their parsers. */
const KOREAN_WORD_SIZES: readonly [RegExp, (numeral: string) => number | undefined][] = [
  [NATIVE_SIZE, parseNativeKorean],
  [SINO_SIZE, parseSinoKorean],
];
const ENGLISH_SIZE =
  /(?<![\w.]|[A-Za-z]-)(-?\d[\d,]*(?:\.\d+)?)\s*(k|thousand|million|mil|m|billion)?(?![A-Za-z])\s*(?:[A-Za-z&'/-]+,?\s+){0,6}?(?:questions?|items?|samples?|problems?|prompts?|examples?|rows?|tasks?|instances?|mcqs?|mcqa|queries|qs|puzzles?|riddles?|exercises?|scenarios?)(?![A-Za-z])/i;
const EXPLICIT_SIZE = [
  /(?<![A-Za-z])n\s*=\s*(-?\d[\d,]*)/i,
  /sample\s+size\s*(?:of|=|:|is)?\s*(-?\d[\d,]*)/i,
  /(?:a\s+)?sample\s+of\s+(-?\d[\d,]*)/i,
  /(?<![\w.])(-?\d[\d,]*)\s+of\s+(?:them|those)(?![A-Za-z])/i,
  /(?:샘플|표본|문항)\s*(?:수|개수)\s*(?:는|은|=|:)?\s*(-?\d[\d,]*)/,
];

const SMALL_NUMBERS: Readonly<Record<string, number>> = Object.fromEntries(
  [
    'zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen',
    'seventeen eighteen nineteen',
  ]
    .join(' ')
    .split(' ')
    .map((w, i) => [w, i]),
);
const TENS: Readonly<Record<string, number>> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
const SCALES: Readonly<Record<string, number>> = { hundred: 100, thousand: 1e3, million: 1e6 };
const NUMBER_WORD = `(?:${[...Object.keys(SMALL_NUMBERS), ...Object.keys(TENS), ...Object.keys(SCALES), 'dozen'].join('|')})`;
const WORD_SIZE = new RegExp(
  `(?<![A-Za-z-])((?:(?:an?|and|${NUMBER_WORD})[\\s-]+)*${NUMBER_WORD})\\s+(?:[A-Za-z&'/-]+,?\\s+){0,6}?(?:questions?|items?|samples?|problems?|prompts?|examples?|mcqs?|mcqa|puzzles?|riddles?|exercises?)(?![A-Za-z])`,
  'i',
);

/** The value of English number words ("a hundred", "two hundred fifty", "fifty", "a dozen"). */
function parseNumberWords(words: string): number | undefined {
  let total = 0;
  let current = 0;
  let seen = false;
  for (const word of words.toLowerCase().split(/[\s-]+/)) {
    if (word === 'a' || word === 'an') current = Math.max(current, 1);
    else if (word === 'and') continue;
    else if (word === 'dozen') {
      current = Math.max(current, 1) * 12;
      seen = true;
    } else if (SMALL_NUMBERS[word] !== undefined) {
      current += SMALL_NUMBERS[word];
      seen = true;
    } else if (TENS[word] !== undefined) {
      current += TENS[word];
      seen = true;
    } else if (word === 'hundred') {
      current = Math.max(current, 1) * 100;
      seen = true;
    } else if (SCALES[word] !== undefined) {
      total += Math.max(current, 1) * SCALES[word];
      current = 0;
      seen = true;
    }
  }
  return seen ? total + current : undefined;
}

const parseDigits = (digits: string): number => Number(digits.replace(/,/g, ''));

function koreanSize(m: TextMatch): ReadNumber {
  const [digits = '0', unit] = m.groups;
  return {
    value: parseDigits(digits) * (unit === undefined ? 1 : (KOREAN_MULTIPLIERS[unit] ?? 1)),
    written: m.text,
  };
}

function englishSize(m: TextMatch): ReadNumber {
  const [digits = '0', unit] = m.groups;
  const multiplier = unit === undefined ? 1 : (ENGLISH_MULTIPLIERS[unit.toLowerCase()] ?? 1);
  return { value: Math.round(parseDigits(digits) * multiplier * 1e6) / 1e6, written: m.text };
}

/**
 * Reads seeds (`seed 7`, `seed=2024`, `시드 7`) and masks them. Run after the models are masked and
 * before {@link extractSampleSizes}, so a seed is never read as a size.
 */
export function extractSeeds(text: RequestText): ReadNumber[] {
  return SEED_PATTERNS.flatMap((p) => text.take(p)).map((m) => ({
    value: Number(m.groups[0]),
    written: m.text,
  }));
}

/**
 * Reads sample sizes and masks them: a number with a unit of questions (`100문제`, `문항 100개`,
 * `500만 문항`, `천 개`, Sino-Korean and native Korean numerals as in `오십 개`, `천오백 문항`, `서른 문제`,
 * `200 questions`, `250 coding MCQA items`, `1,000 samples`, `10 million … questions`, `1.5k items`,
 * `a hundred questions`, `50 logic puzzles`, `-5 law questions`) or an explicit size (`n=50`,
 * `sample size 50`, `45 of them`, `문항 수 300`). `3개 모델` (three models), a lone `이 문제` ("this
 * question") and the number of a hyphenated term (`K-12`) are not sizes. Negative and zero sizes are returned as written, for the
 * caller to reject.
 */
export function extractSampleSizes(text: RequestText): ReadNumber[] {
  const found: { start: number; size: ReadNumber }[] = [];
  for (const pattern of EXPLICIT_SIZE)
    for (const m of text.take(pattern))
      found.push({ start: m.start, size: { value: parseDigits(m.groups[0] ?? '0'), written: m.text } });
  for (const [pattern, parse] of KOREAN_WORD_SIZES)
    for (const m of text.find(pattern)) {
      const numeral = m.groups[0] ?? '';
      const value = parse(numeral);
      if (value === undefined || NOT_A_SIZE.test(text.original.slice(m.end))) continue;
      text.mask(m.start, m.start + numeral.length);
      found.push({ start: m.start, size: { value, written: m.text } });
    }
  for (const m of text.find(KOREAN_SIZE)) {
    if (NOT_A_SIZE.test(text.original.slice(m.end))) continue;
    const number = /^-?\d[\d,]*(?:\.\d+)?\s*(?:억|만|천|백)?/.exec(m.text)?.[0] ?? m.text;
    text.mask(m.start, m.start + number.length);
    found.push({ start: m.start, size: koreanSize(m) });
  }
  for (const m of text.find(ENGLISH_SIZE)) {
    const number =
      /^-?\d[\d,]*(?:\.\d+)?(?:\s*(?:k|thousand|million|mil|m|billion)(?![A-Za-z]))?/i.exec(m.text)?.[0] ??
      m.text;
    text.mask(m.start, m.start + number.length);
    found.push({ start: m.start, size: englishSize(m) });
  }
  for (const m of found.length > 0 ? [] : text.find(WORD_SIZE)) {
    const words = m.groups[0] ?? '';
    const value = parseNumberWords(words);
    if (value === undefined) continue;
    text.mask(m.start, m.start + words.length);
    found.push({ start: m.start, size: { value, written: m.text } });
  }
  return found.sort((a, b) => a.start - b.start).map((f) => f.size);
}
