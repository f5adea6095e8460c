import { z } from 'zod';

/**
 * Aliases accepted for language codes, lower-cased. Values are BCP-47 tags. The original BenchHub Plus
 * mixed "ko", "Korean" and "Ko"; BenchHub stores only the tag.
 */
const LANGUAGE_ALIASES: Readonly<Record<string, string>> = {
  ko: 'ko',
  kor: 'ko',
  korean: 'ko',
  'ko-kr': 'ko-KR',
  한국어: 'ko',
  en: 'en',
  eng: 'en',
  english: 'en',
  'en-us': 'en-US',
  'en-gb': 'en-GB',
  영어: 'en',
  ja: 'ja',
  japanese: 'ja',
  zh: 'zh',
  chinese: 'zh',
  multilingual: 'mul',
  mul: 'mul',
};

const BCP47 = /^[a-zA-Z]{2,3}(-[a-zA-Z]{4})?(-([a-zA-Z]{2}|\d{3}))?$/;

/**
 * Normalises a language name or code to its BCP-47 tag, or returns undefined when it is neither.
 *
 * @example
 * ```ts
 * normalizeLanguage('Korean'); // 'ko'
 * normalizeLanguage('Ko');     // 'ko'
 * normalizeLanguage('en-us');  // 'en-US'
 * ```
 */
export function normalizeLanguage(value: string): string | undefined {
  const key = value.trim().toLowerCase().replace(/_/g, '-');
  const alias = LANGUAGE_ALIASES[key];
  if (alias) return alias;
  if (!BCP47.test(key)) return undefined;
  const [lang, ...rest] = key.split('-');
  return [
    lang,
    ...rest.map((part) => (part.length === 4 ? part[0]!.toUpperCase() + part.slice(1) : part.toUpperCase())),
  ].join('-');
}

/** A language field: accepts aliases ("Korean", "Ko") and yields the BCP-47 tag. */
export const LanguageSchema = z.string().transform((value, ctx) => {
  const tag = normalizeLanguage(value);
  if (tag === undefined) {
    ctx.addIssue({
      code: 'custom',
      message: `unknown language "${value}": use a BCP-47 code such as "ko" or "en"`,
    });
    return z.NEVER;
  }
  return tag;
});
