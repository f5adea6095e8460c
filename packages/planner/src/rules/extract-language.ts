import type { PlanLanguage } from '../plan/draft.js';
import type { RequestText } from './request-text.js';

/** What a request says about the language of its questions. */
export interface LanguageReading {
  /** Languages the request asks for explicitly (`in English`, `한국어 문항`, `영어로 된`). */
  stated: PlanLanguage[];
  /** Korean, when an English request is about a Korean topic (`Korean law`) without naming a language. */
  topic: PlanLanguage | undefined;
  /** Languages asked for that BenchHub has no data in (`in French`, `일본어 문항`), as written. */
  unsupported: string[];
  /** The language the request is written in: `ko` when it contains Hangul. */
  script: PlanLanguage;
}

const OTHER_LANGUAGES_EN =
  'French|Japanese|Chinese|Mandarin|German|Spanish|Russian|Arabic|Vietnamese|Italian|Portuguese|Hindi|Thai|Indonesian|Turkish|Dutch|Polish';
const OTHER_LANGUAGES_KO =
  '프랑스어|불어|일본어|중국어|독일어|스페인어|러시아어|아랍어|베트남어|이탈리아어|포르투갈어|힌디어|태국어|인도네시아어|터키어|네덜란드어';
const QUESTION_WORDS =
  'questions?|items?|samples?|problems?|prompts?|data|dataset|version|subset|split|benchmarks?|texts?|tests?|only';

const EN_EXPLICIT = [
  new RegExp(`\\bin\\s+(?:the\\s+)?(Korean|English|${OTHER_LANGUAGES_EN})(?:\\s+language)?\\b`, 'i'),
  new RegExp(
    `\\b(Korean|English|${OTHER_LANGUAGES_EN})[\\s-]+(?:language\\s+)?(?:${QUESTION_WORDS})\\b`,
    'i',
  ),
  new RegExp(`\\bonly\\s+(?:in\\s+)?(Korean|English|${OTHER_LANGUAGES_EN})\\b`, 'i'),
  new RegExp(`\\bat\\s+(Korean|English|${OTHER_LANGUAGES_EN})\\b(?!\\s+[A-Za-z])`, 'i'),
];

function tagOf(name: string): PlanLanguage | undefined {
  const key = name.toLowerCase();
  if (key === 'ko' || key === 'kor') return 'ko';
  if (key === 'en' || key === 'eng') return 'en';
  if (key === 'korean' || key.startsWith('한국') || key === '국문') return 'ko';
  if (key === 'english' || key.startsWith('영')) return 'en';
  return undefined;
}

/**
 * Reads the evaluation language a request asks for and masks the words it read. English requests:
 * `language: en`, `in English`, `Korean questions`, `English-only`, `at Korean`, and any other `English` are
 * explicit; a `Korean` before another word (`Korean law`, `Korean history`) or `Korea` is a topic, not a
 * language. Korean requests: `한국어`, `영어`, `영문` are explicit. Other languages are collected as unsupported.
 */
export function extractLanguage(text: RequestText): LanguageReading {
  const stated: PlanLanguage[] = [];
  const unsupported: string[] = [];
  const note = (name: string): void => {
    const tag = tagOf(name);
    if (tag === undefined) unsupported.push(name);
    else if (!stated.includes(tag)) stated.push(tag);
  };
  for (const m of text.take(/\blang(?:uage)?\s*[:=]\s*(ko|en|kor|eng|korean|english)\b/i))
    note(m.groups[0] ?? '');
  for (const pattern of EN_EXPLICIT) for (const m of text.take(pattern)) note(m.groups[0] ?? m.text);
  for (const m of text.take(/한국어|한국말|국문|영어|영문/)) note(m.text);
  for (const m of text.take(new RegExp(OTHER_LANGUAGES_KO))) note(m.text);
  for (const m of text.take(/\bEnglish\b/i)) note(m.text);
  let topic: PlanLanguage | undefined;
  for (const m of text.find(/\bKorean\b(?=\s+[A-Za-z])|\bKorea\b/i)) {
    topic = 'ko';
    text.mask(m.start, m.end);
  }
  for (const m of text.take(/\bKorean\b/i)) note(m.text);
  const script: PlanLanguage = /[가-힣]/.test(text.original) ? 'ko' : 'en';
  return { stated, topic, unsupported, script };
}
