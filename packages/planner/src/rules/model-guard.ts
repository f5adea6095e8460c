import { FAMILY_ORGS, MODEL_SUFFIX_WORDS } from './model-families.js';
import type { RequestText, TextMatch } from './request-text.js';

/** A token of ASCII letters, digits and `-_.` that starts with a letter (and a Hub `org/name`). */
const TOKEN =
  /(?<![\w./:@-])([A-Za-z][A-Za-z0-9]*(?:[-_.][A-Za-z0-9]+)*(?:\/[A-Za-z0-9][\w.-]*[A-Za-z0-9])?)(?![\w/:@-]|\.[A-Za-z0-9])/;

/** A part of an id that reads as a size or version: `7b`, `1.5B`, `v2`, `3.5`, `r1`, `4o`, `8x7b`. */
const VERSION_PART =
  /^(?:\d+(?:\.\d+)*[bmkt]|v\d+(?:\.\d+)*|\d+\.\d+(?:\.\d+)*|[a-z]\d+(?:\.\d+)?|\d+[a-z]|\d+x\d+b)$/i;

/** Descriptive parts after a model prefix (`-max`, `-nano-instruct`), for names without a version. */
const SUFFIXES_ONLY = new RegExp(`^(?:[-_](?:${MODEL_SUFFIX_WORDS}))+$`, 'i');

/** Prefixes of names that are models and nothing else (vendors and open families). */
const MODEL_PREFIXES = [
  'gpt',
  'chatgpt',
  'claude',
  'gemini',
  'hcx',
  'grok',
  ...Object.keys(FAMILY_ORGS).filter((f) => f.length >= 4),
];

/**
 * Whether a token looks like a model id: a known model prefix followed by a version or descriptive parts
 * (`solar-foo-2`, `qwen-max`, `gpt4-o`; not `solar-powered`), or a hyphenated name with a size or version part (`foo-7b`,
 * `bar-v2`, `Baz-3.5-chat`), or a Hub `org/name` whose name has a digit or looks like a model id. Plain words (`multiple-choice`),
 * numbered terms (`COVID-19`, `K-12`) and one-letter prefixes (`H-1B`) are not.
 */
export function looksLikeModelId(token: string): boolean {
  const [org, name] = token.includes('/') ? token.split('/', 2) : [undefined, token];
  if (name === undefined || name === '') return false;
  if (org !== undefined) return /\d/.test(name) || looksLikeModelId(name);
  const lower = name.toLowerCase();
  const prefix = MODEL_PREFIXES.find((p) => lower.startsWith(p));
  const rest = prefix === undefined ? '' : lower.slice(prefix.length);
  if (/^[-_.\d]/.test(rest) && (/\d/.test(rest) || SUFFIXES_ONLY.test(rest))) return true;
  const parts = name.split(/[-_]/);
  const first = parts[0] ?? '';
  return parts.length > 1 && /^[A-Za-z]{2,}/.test(first) && parts.slice(1).some((p) => VERSION_PART.test(p));
}

/**
 * The tokens left in the request after every model pattern ran that still look like model ids
 * ({@link looksLikeModelId}). The caller turns each into a model (on a local server) or refuses the
 * request: a model the user names is never silently replaced by other models.
 */
export function findUnreadModelIds(text: RequestText): TextMatch[] {
  return text.find(TOKEN).filter((m) => looksLikeModelId(m.groups[0] ?? m.text));
}
