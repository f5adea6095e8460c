/**
 * What the rule planner knows about model names: vendor nicknames and the model each stands for, the Hub
 * organisations of open-weight families, and vendor ids written with spaces or common slips ("gpt4o",
 * "Claude 3.5 Sonnet", "sonnet 4.5").
 *
 * Data module; extend it by adding rows.
 */
import { escapeRegExp } from './escape-regexp.js';
import { isOneSlipApart, isTransposition } from './typos.js';

/** Families a bare nickname can name ("claude", "GPT", "클로드", "qwen", "솔라"). */
export type NicknameFamily =
  | 'openai'
  | 'anthropic'
  | 'gemini'
  | 'qwen'
  | 'llama'
  | 'mistral'
  | 'mixtral'
  | 'gemma'
  | 'phi'
  | 'exaone'
  | 'deepseek'
  | 'solar'
  | 'hyperclova'
  | 'kanana'
  | 'midm'
  | 'ax'
  | 'grok';

/** The model planned for each nickname. */
export type NicknameModels = Record<NicknameFamily, string>;

/**
 * The documented defaults for nicknames: the cheapest current model of each vendor (`gpt-4o-mini`,
 * `claude-haiku-4-5`, as the golden set's README suggests), a small model of each hosted API and a small
 * instruct model of each open family.
 */
export const DEFAULT_NICKNAME_MODELS: NicknameModels = {
  openai: 'gpt-4o-mini',
  anthropic: 'claude-haiku-4-5',
  gemini: 'gemini-2.5-flash',
  qwen: 'Qwen/Qwen2.5-7B-Instruct',
  llama: 'meta-llama/Llama-3.1-8B-Instruct',
  mistral: 'mistralai/Mistral-7B-Instruct-v0.3',
  mixtral: 'mistralai/Mixtral-8x7B-Instruct-v0.1',
  gemma: 'google/gemma-2-9b-it',
  phi: 'microsoft/Phi-4-mini-instruct',
  exaone: 'LGAI-EXAONE/EXAONE-3.5-7.8B-Instruct',
  deepseek: 'deepseek-ai/DeepSeek-R1-Distill-Qwen-7B',
  solar: 'solar-mini',
  hyperclova: 'HCX-DASH-001',
  kanana: 'kakaocorp/kanana-1.5-8b-instruct-2505',
  midm: 'K-intelligence/Midm-2.0-Mini-Instruct',
  ax: 'skt/A.X-4.0-Light',
  grok: 'grok-3-mini',
};

/** A nickname: how it is written and the provider its default model runs on. */
export interface Nickname {
  readonly family: NicknameFamily;
  readonly provider: string;
  readonly pattern: RegExp;
}

/** English words after which "Solar" is the sun's, not Upstage's model. */
const SOLAR_NOUNS = 'system|energy|power|panels?|cells?|eclipses?|wind|flares?|radiation|physics|farms?';

/** Nicknames in English and Korean; ASCII ones must stand alone, Korean ones must start a word. */
export const NICKNAMES: readonly Nickname[] = [
  {
    family: 'anthropic',
    provider: 'anthropic',
    pattern: /(?<![\w-])claude(?![\w-])|(?<![가-힣])(?:클로드)/i,
  },
  {
    family: 'openai',
    provider: 'openai',
    pattern: /(?<![\w-])(?:chat\s?)?gpt(?![\w-])|(?<![가-힣])(?:챗\s?(?:지피티|gpt)|지피티)/i,
  },
  {
    family: 'gemini',
    provider: 'openai-compatible',
    pattern: /(?<![\w-])gemini(?![\w-])|(?<![가-힣])(?:제미나이)/i,
  },
  { family: 'qwen', provider: 'huggingface', pattern: /(?<![\w-])qwen(?![\w-])|(?<![가-힣])(?:큐웬|큐원)/i },
  { family: 'llama', provider: 'huggingface', pattern: /(?<![\w-])llama(?![\w-])|(?<![가-힣])(?:라마)/i },
  {
    family: 'mistral',
    provider: 'huggingface',
    pattern: /(?<![\w-])mistral(?![\w-])|(?<![가-힣])(?:미스트랄)/i,
  },
  {
    family: 'mixtral',
    provider: 'huggingface',
    pattern: /(?<![\w-])mixtral(?![\w-])|(?<![가-힣])(?:믹스트랄)/i,
  },
  { family: 'gemma', provider: 'huggingface', pattern: /(?<![\w-])gemma(?![\w-])|(?<![가-힣])(?:젬마)/i },
  { family: 'phi', provider: 'huggingface', pattern: /(?<![\w-])(?:Phi|PHI|phi(?=[가-힣]))(?![\w-])/ },
  { family: 'exaone', provider: 'huggingface', pattern: /(?<![\w-])exaone(?![\w-])|(?<![가-힣])(?:엑사원)/i },
  {
    family: 'deepseek',
    provider: 'huggingface',
    pattern: /(?<![\w-])deepseek(?![\w-])|(?<![가-힣])(?:딥시크)/i,
  },
  {
    family: 'solar',
    provider: 'openai-compatible',
    pattern: new RegExp(
      `(?<![\\w-])(?:[Uu]pstage\\s+)?(?:Solar|SOLAR)(?![\\w-])(?!\\s+(?:${SOLAR_NOUNS})\\b)|(?<![\\w-])(?:[Uu]pstage|UPSTAGE)(?![\\w/-])|(?<![가-힣])(?:업스테이지\\s*)?솔라(?!\\s*(?:패널|에너지|발전|시스템))|(?<![가-힣])업스테이지`,
    ),
  },
  {
    family: 'hyperclova',
    provider: 'openai-compatible',
    pattern:
      /(?<![\w-])(?:(?:hyper\s*clova|clova)(?:\s*x)?|hcx)(?![\w-])|(?<![가-힣])(?:하이퍼\s*)?클로바(?:\s*(?:X|엑스))?/i,
  },
  { family: 'kanana', provider: 'huggingface', pattern: /(?<![\w-])kanana(?![\w-])|(?<![가-힣])카나나/i },
  { family: 'midm', provider: 'huggingface', pattern: /(?<![\w-])mi:?dm(?![\w-])|(?<![가-힣])믿:음/i },
  { family: 'ax', provider: 'huggingface', pattern: /(?<![\w.-])A\.X(?![\w.-])|(?<![가-힣])에이닷/ },
  { family: 'grok', provider: 'openai-compatible', pattern: /(?<![\w-])grok(?![\w-])|(?<![가-힣])그록/i },
];

/** Hub organisations of open-weight families, for a bare family name (`Qwen2.5-72B` → `Qwen/…`). */
export const FAMILY_ORGS: Readonly<Record<string, string>> = {
  qwen: 'Qwen',
  llama: 'meta-llama',
  mistral: 'mistralai',
  mixtral: 'mistralai',
  gemma: 'google',
  phi: 'microsoft',
  deepseek: 'deepseek-ai',
  exaone: 'LGAI-EXAONE',
  solar: 'upstage',
  yi: '01-ai',
  falcon: 'tiiuae',
  olmo: 'allenai',
  internlm: 'internlm',
  smollm: 'HuggingFaceTB',
  granite: 'ibm-granite',
  kanana: 'kakaocorp',
  midm: 'K-intelligence',
  'a.x': 'skt',
  hyperclovax: 'naver-hyperclovax',
};

/**
 * Hub organisations whose `org/name` ids are read as models even without a digit in the name
 * (`upstage/solar-pro-preview-instruct`, `kakaocorp/kanana-nano`).
 */
export const KNOWN_HUB_ORGS: ReadonlySet<string> = new Set(
  [
    ...Object.values(FAMILY_ORGS),
    'openai',
    'nvidia',
    'CohereLabs',
    'CohereForAI',
    'beomi',
    'yanolja',
    'trillionlabs',
    'NCSOFT',
    'naver',
    'sentence-transformers',
  ].map((org) => org.toLowerCase()),
);

/**
 * Words that may follow a family name without a version and still name a model (`kanana-nano`,
 * `exaone-deep`); anything else after a hyphen (`solar-powered`) is not read as a model.
 */
export const MODEL_SUFFIX_WORDS =
  'instruct|chat|it|base|mini|nano|pro|plus|max|turbo|deep|light|lite|small|medium|large|flash|coder|math|vision|guard|preview';

/**
 * The Anthropic id for a tier and version (`sonnet`, `4.5` → `claude-sonnet-4-5`; `sonnet`, `3.5` →
 * `claude-3-5-sonnet-latest`, the 3.x naming). Without a version, the current model of the tier.
 */
export function anthropicId(tier: string, version?: string): string {
  const t = tier.toLowerCase();
  const v = version ?? ({ sonnet: '4.5', haiku: '4.5', opus: '4.1' } as Record<string, string>)[t] ?? '4';
  const [major = '4', minor] = v.split(/[.\s-]/);
  return Number(major) < 4
    ? `claude-${major}${minor === undefined ? '' : `-${minor}`}-${t}-latest`
    : `claude-${t}-${major}-${minor ?? '0'}`;
}

/** How a vendor spelling turns into an id: a vendor id, or a family name (read as a bare family). */
export interface VendorSpelling {
  readonly kind: 'vendor' | 'family';
  readonly pattern: RegExp;
  readonly id: (groups: readonly (string | undefined)[]) => string;
}

const KOREAN_TIERS: Readonly<Record<string, string>> = { 소넷: 'sonnet', 하이쿠: 'haiku', 오퍼스: 'opus' };
const KOREAN_SOLAR_TIERS: Readonly<Record<string, string>> = { 프로: 'pro', 미니: 'mini' };
const tierOf = (written: string): string => KOREAN_TIERS[written] ?? written.toLowerCase();

/**
 * Model names written other than as their id: with spaces ("Claude 3.5 Sonnet", "GPT 4o mini",
 * "Gemini 2.0 Flash", "Solar Pro", "o3 mini", "Llama 3.1 8B"), without the hyphen ("gpt4o", "gpt4o-mini"), with a dot
 * where the id has a hyphen ("claude-3.5-sonnet"), or as the tier alone ("sonnet 4.5", "haiku", "클로드
 * 소넷"). A match that is already the id is left to the id patterns, which keep dated suffixes.
 */
export const VENDOR_SPELLINGS: readonly VendorSpelling[] = [
  {
    kind: 'vendor',
    pattern: /(?<![\w-])claude[\s-]*(\d(?:[.\s-]\d)?)[\s-]+(sonnet|haiku|opus)(?![\w-])/i,
    id: ([v = '', tier = '']) => anthropicId(tier, v),
  },
  {
    kind: 'vendor',
    pattern: /(?<![\w-])claude[\s-]+(sonnet|haiku|opus)(?:[\s-]+(\d(?:[.-]\d)?))?(?![\w.])/i,
    id: ([tier = '', v]) => anthropicId(tier, v),
  },
  {
    kind: 'vendor',
    pattern:
      /(?<![\w-])(?:(?:anthropic|claude)[\s-]+|(?:클로드|앤트로픽)\s*)?(sonnet|haiku|opus|소넷|하이쿠|오퍼스)(?:[\s-]*(\d(?:\.\d)?))?(?![\w.])(?!\s+(?:poems?|poetry|verses?|form|writing|sequence|questions?|problems?|items?)\b)/i,
    id: ([tier = '', v]) => anthropicId(tierOf(tier), v),
  },
  {
    kind: 'vendor',
    pattern:
      /(?<![\w-])(?:chat\s?)?gpt(?:\s+|-)?(4o|4\.1|4\.5|4|5|3\.5)(?:[\s-]*(mini|nano|turbo))?(?![\w.])/i,
    id: ([v = '', tier]) => `gpt-${v.toLowerCase()}${tier === undefined ? '' : `-${tier.toLowerCase()}`}`,
  },
  {
    kind: 'vendor',
    pattern: /(?<![\w-])gemini[\s-]+(\d(?:\.\d)?)[\s-]+(pro|flash[\s-]lite|flash|ultra|nano)(?![\w])/i,
    id: ([v = '', tier = '']) => `gemini-${v}-${tier.toLowerCase().replace(/\s+/g, '-')}`,
  },
  {
    kind: 'vendor',
    pattern:
      /(?<![\w-])(?:upstage\s+|업스테이지\s*)?(?:solar|솔라)[\s-]*(pro|mini|프로|미니)(?:[\s-]*(\d))?(?![\w])/i,
    id: ([tier = '', v = '']) => `solar-${KOREAN_SOLAR_TIERS[tier] ?? tier.toLowerCase()}${v}`,
  },
  {
    kind: 'vendor',
    pattern: /(?<![\w-])(o[1-9])\s+(mini|pro|preview)(?![\w])/i,
    id: ([o = '', tier = '']) => `${o}-${tier}`.toLowerCase(),
  },
  {
    kind: 'family',
    pattern: new RegExp(
      `(?<![\\w-])(${Object.keys(FAMILY_ORGS).map(escapeRegExp).join('|')})[\\s-]*(\\d(?:\\.\\d)?)\\s+(\\d+(?:\\.\\d+)?)\\s*b(?![\\w])`,
      'i',
    ),
    id: ([family = '', v = '', n = '']) => {
      const lower = family.toLowerCase();
      if (lower === 'qwen') return `Qwen${v}-${n}B`;
      return `${lower === 'llama' ? 'Llama' : family}-${v}-${n}B`;
    },
  },
];

/** Vendor prefixes a slip of the keyboard may garble (`gtp-4o`, `cluade-3-5-haiku-latest`). */
const VENDOR_PREFIXES = ['gpt', 'claude', 'gemini'] as const;

/**
 * The vendor prefix a garbled one stands for: two letters swapped (`gtp` → `gpt`), or for the longer
 * prefixes one letter off (`cluade`, `calude`, `claud`, `gemeni` → `claude`, `gemini`). Undefined when the
 * prefix is not a slip of one.
 */
export function correctVendorPrefix(prefix: string): string | undefined {
  const p = prefix.toLowerCase();
  return VENDOR_PREFIXES.find((v) =>
    v.length <= 3 ? isTransposition(p, v) : p.length >= 5 && isOneSlipApart(p, v),
  );
}
