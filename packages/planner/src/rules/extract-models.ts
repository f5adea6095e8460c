import type { RequestText, TextMatch } from './request-text.js';

/** A model the request names (or a vendor it names, resolved to a default model). */
export interface NamedModel {
  /** BenchHub provider id. */
  provider: string;
  /** Model name as the provider knows it: verbatim from the request unless `assumed` says otherwise. */
  model: string;
  /** Endpoint, for models on a local server. */
  baseUrl?: string;
  /** The text of the request that named it, verbatim. */
  written: string;
  /** Where it was named. */
  start: number;
  /** `judge` when the request names it as the grader (`graded by gpt-4o`). */
  role: 'candidate' | 'judge';
  /** Set when the planner chose the model (a nickname, a bare family name): what it assumed. */
  assumed?: string;
  /** Set when the model is what the request names, written differently (`GPT-4o` → `gpt-4o`). */
  note?: string;
}

/** Families a bare nickname can name ("claude", "GPT", "클로드", "qwen"). */
export type NicknameFamily =
  | 'openai'
  | 'anthropic'
  | 'gemini'
  | 'qwen'
  | 'llama'
  | 'mistral'
  | 'gemma'
  | 'exaone'
  | 'deepseek';

/** The model planned for each nickname. */
export type NicknameModels = Record<NicknameFamily, string>;

/**
 * The documented defaults for nicknames: the cheapest current model of each vendor (`gpt-4o-mini`,
 * `claude-haiku-4-5`, as the golden set's README suggests) and a small instruct model of each open family.
 */
export const DEFAULT_NICKNAME_MODELS: NicknameModels = {
  openai: 'gpt-4o-mini',
  anthropic: 'claude-haiku-4-5',
  gemini: 'gemini-2.5-flash',
  qwen: 'Qwen/Qwen2.5-7B-Instruct',
  llama: 'meta-llama/Llama-3.1-8B-Instruct',
  mistral: 'mistralai/Mistral-7B-Instruct-v0.3',
  gemma: 'google/gemma-2-9b-it',
  exaone: 'LGAI-EXAONE/EXAONE-3.5-7.8B-Instruct',
  deepseek: 'deepseek-ai/DeepSeek-R1-Distill-Qwen-7B',
};

const NICKNAMES: readonly { family: NicknameFamily; provider: string; pattern: RegExp }[] = [
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
  { family: 'gemma', provider: 'huggingface', pattern: /(?<![\w-])gemma(?![\w-])|(?<![가-힣])(?:젬마)/i },
  { family: 'exaone', provider: 'huggingface', pattern: /(?<![\w-])exaone(?![\w-])|(?<![가-힣])(?:엑사원)/i },
  {
    family: 'deepseek',
    provider: 'huggingface',
    pattern: /(?<![\w-])deepseek(?![\w-])|(?<![가-힣])(?:딥시크)/i,
  },
];

/** Vendor names written with spaces ("Claude 3.5 Sonnet", "GPT 4o mini", "Gemini 2.0 Flash", "o3 mini"). */
const SPACED_NAMES: readonly { pattern: RegExp; id: (g: readonly (string | undefined)[]) => string }[] = [
  {
    pattern: /(?<![\w-])claude[\s-]+(\d(?:[.\s-]\d)?)[\s-]+(sonnet|haiku|opus)(?![\w])/i,
    id: ([v = '', tier = '']) => `claude-${v.replace(/[.\s]/g, '-')}-${tier.toLowerCase()}-latest`,
  },
  {
    pattern: /(?<![\w-])claude[\s-]+(sonnet|haiku|opus)(?:[\s-]+(\d(?:[.-]\d)?))?(?![\w.])/i,
    id: ([tier = '', v]) =>
      `claude-${tier.toLowerCase()}-${(v ?? { sonnet: '4.5', haiku: '4.5', opus: '4.1' }[tier.toLowerCase()] ?? '').replace('.', '-')}`,
  },
  {
    pattern:
      /(?<![\w-])(?:chat\s?)?gpt(?:\s+|-)?(4o|4\.1|4\.5|4|5|3\.5)(?:[\s-]+(mini|nano|turbo))?(?![\w.])/i,
    id: ([v = '', tier]) => `gpt-${v.toLowerCase()}${tier === undefined ? '' : `-${tier.toLowerCase()}`}`,
  },
  {
    pattern: /(?<![\w-])gemini[\s-]+(\d(?:\.\d)?)[\s-]+(pro|flash[\s-]lite|flash|ultra|nano)(?![\w])/i,
    id: ([v = '', tier = '']) => `gemini-${v}-${tier.toLowerCase().replace(/\s+/g, '-')}`,
  },
  {
    pattern: /(?<![\w-])(o[1-9])\s+(mini|pro|preview)(?![\w])/i,
    id: ([o = '', tier = '']) => `${o}-${tier}`.toLowerCase(),
  },
  {
    pattern: /(?<![\w-])(llama)\s*(\d(?:\.\d)?)[\s-]+(\d+(?:\.\d+)?)\s*b(?![\w])/i,
    id: ([, v = '', n = '']) => `Llama-${v}-${n}B`,
  },
  {
    pattern: /(?<![\w-])(qwen)\s*(\d(?:\.\d)?)[\s-]+(\d+(?:\.\d+)?)\s*b(?![\w])/i,
    id: ([, v = '', n = '']) => `Qwen${v}-${n}B`,
  },
];

/** Default endpoints of local OpenAI-compatible servers. */
export const LOCAL_SERVER_URLS = {
  ollama: 'http://localhost:11434/v1',
  vllm: 'http://localhost:8000/v1',
  'lm-studio': 'http://localhost:1234/v1',
} as const;

/** Hub organisations of open-weight families, for a bare family name (`Qwen2.5-72B` → `Qwen/…`). */
const FAMILY_ORGS: Readonly<Record<string, string>> = {
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
};

const URL_PATTERN = /https?:\/\/[^\s<>"'()[\]{},가-힣]+/i;
const GGUF_PATTERN = /(?<![\w./~-])(?:~|\.{1,2})?\/?(?:[\w.+-]+\/)*[\w.+-]+\.gguf(?![\w])/i;
const FILE_PATTERN =
  /(?<![\w])(?:(?:\.{1,2}|~)?\/[^\s,;)'"가-힣]+|[\w.-]+\.(?:jsonl|json|csv|parquet|txt|ya?ml|tsv|env))(?![\w])/i;
const HUB_PATTERN =
  /(?<![\w./:@-])([A-Za-z0-9][\w.-]*)\/([A-Za-z0-9][\w.-]*[A-Za-z0-9])(?::([\w.-]+))?(?![\w/])/;
const VENDOR_PATTERN =
  /(?<![\w./-])((?:gpt|claude|gemini|chatgpt)-[\w.-]*[A-Za-z0-9]|o[1-9](?:-(?:mini|pro|preview))?(?:-\d{4}-\d{2}-\d{2})?)(?![\w/-])/i;
const FAMILY_PATTERN = new RegExp(
  `(?<![\\w./-])((?:${Object.keys(FAMILY_ORGS).join('|')})[\\w.-]*(?::[\\w.-]+)?)(?![\\w/])`,
  'i',
);
const SERVER_PATTERN = /\b(vllm|ollama|lm[\s-]?studio)\b/i;
const LOCAL_HINT = /localhost|127\.0\.0\.1|로컬\s*서버|local\s+server|self[\s-]?hosted|on[\s-]?prem/i;

const JUDGE_BEFORE =
  /(?:judge|judged\s+by|graded\s+by|grader|scored\s+by|evaluator|심판|채점)\s*(?:model\s*)?(?:is|=|:|은|는|으로|로)?\s*$/i;
const JUDGE_AFTER =
  /^\s*(?:as\s+(?:the\s+|a\s+)?(?:judge|grader)|(?:을|를)?\s*(?:심판|채점)|(?:으로|로)\s*(?:심판|채점))/i;

/** Whether a URL points at this machine or a private network (the only endpoints taken from a request). */
export function isLocalEndpoint(url: string): boolean {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return false;
  }
  return (
    host === 'localhost' ||
    host === '[::1]' ||
    host === '0.0.0.0' ||
    host.endsWith('.local') ||
    host.endsWith('.localhost') ||
    /^127\./.test(host) ||
    /^10\./.test(host) ||
    /^192\.168\./.test(host) ||
    /^172\.(1[6-9]|2\d|3[01])\./.test(host)
  );
}

interface ServerContext {
  /** The local endpoint the request gives, if any. */
  url: string | undefined;
  /** The local server it names (vLLM, Ollama, LM Studio), if any. */
  server: keyof typeof LOCAL_SERVER_URLS | undefined;
  /** Whether the request speaks of a local or self-hosted server. */
  local: boolean;
}

function serverContext(text: RequestText, warnings: string[]): ServerContext {
  const urls = text.take(URL_PATTERN).map((m) => m.text.replace(/[.,;:!?]+$/, ''));
  const local = urls.filter(isLocalEndpoint);
  if (urls.length > local.length)
    warnings.push(
      'ignored an endpoint in the request that is not a local address: the planner takes only local endpoints from a request; set baseUrl in the plan yourself if you meant it',
    );
  const named = text.find(SERVER_PATTERN)[0]?.groups[0]?.toLowerCase().replace(/[\s-]/g, '');
  const server =
    named === 'vllm' ? 'vllm' : named === 'ollama' ? 'ollama' : named === undefined ? undefined : 'lm-studio';
  return {
    url: local[0],
    server,
    local: local.length > 0 || server !== undefined || LOCAL_HINT.test(text.original),
  };
}

function roleOf(text: RequestText, m: TextMatch): 'candidate' | 'judge' {
  const before = text.original.slice(Math.max(0, m.start - 30), m.start);
  const after = text.original.slice(m.end, m.end + 20);
  return JUDGE_BEFORE.test(before) || JUDGE_AFTER.test(after) ? 'judge' : 'candidate';
}

function vendorModel(text: RequestText, m: TextMatch): NamedModel {
  const written = m.groups[0] ?? m.text;
  const model = written.toLowerCase();
  const provider = model.startsWith('claude')
    ? 'anthropic'
    : model.startsWith('gemini')
      ? 'openai-compatible'
      : 'openai';
  const named: NamedModel = { provider, model, written, start: m.start, role: roleOf(text, m) };
  if (model !== written)
    named.note = `wrote the model id "${written}" as "${model}" (vendor model ids are lower-case)`;
  return named;
}

function localModel(
  model: string,
  written: string,
  m: TextMatch,
  ctx: ServerContext,
  text: RequestText,
): NamedModel {
  const server = ctx.server ?? (model.includes(':') ? 'ollama' : 'vllm');
  const named: NamedModel = {
    provider: 'openai-compatible',
    model,
    written,
    start: m.start,
    role: roleOf(text, m),
    baseUrl: ctx.url ?? LOCAL_SERVER_URLS[server],
  };
  if (ctx.url === undefined)
    named.note = `${model} runs on a local ${server === 'vllm' ? 'vLLM' : server === 'ollama' ? 'Ollama' : 'LM Studio'} server: assumed its default endpoint ${LOCAL_SERVER_URLS[server]}`;
  return named;
}

function hubModel(text: RequestText, m: TextMatch, ctx: ServerContext): NamedModel | undefined {
  const [org = '', name = ''] = m.groups;
  if (!/\d/.test(name) || VENDOR_PATTERN.test(org) || /^(?:https?|www)$/i.test(org)) return undefined;
  const model = `${org}/${name}${m.groups[2] === undefined ? '' : `:${m.groups[2]}`}`;
  if (ctx.local) return localModel(model, m.text, m, ctx, text);
  return { provider: 'huggingface', model, written: m.text, start: m.start, role: roleOf(text, m) };
}

function familyModel(text: RequestText, m: TextMatch, ctx: ServerContext): NamedModel | undefined {
  const written = m.groups[0] ?? m.text;
  if (!/\d/.test(written) && !written.includes(':')) return undefined;
  if (written.includes(':') || ctx.local) return localModel(written, written, m, ctx, text);
  const family = Object.keys(FAMILY_ORGS).find((f) => written.toLowerCase().startsWith(f)) ?? '';
  const model = `${FAMILY_ORGS[family] ?? family}/${written}`;
  return {
    provider: 'huggingface',
    model,
    written,
    start: m.start,
    role: roleOf(text, m),
    assumed: `"${written}" is not a Hugging Face repo id: assumed ${model} (write the full id, e.g. ${model}-Instruct, to pick another)`,
  };
}

function nicknameModel(
  text: RequestText,
  m: TextMatch,
  nickname: (typeof NICKNAMES)[number],
  defaults: NicknameModels,
): NamedModel {
  const written = m.text;
  const { provider } = nickname;
  const model = defaults[nickname.family];
  return {
    provider,
    model,
    written,
    start: m.start,
    role: roleOf(text, m),
    assumed: `"${written}" names no particular model: planned ${provider}:${model}; write a model id to pick another`,
  };
}

/** Models found in a request, with what the planner had to assume about them. */
export interface ModelExtraction {
  models: NamedModel[];
  warnings: string[];
}

/**
 * Reads the models a request names and masks them (so `gpt-4o` or `Qwen2.5-72B` never yields a number):
 *
 * - a `.gguf` path → `local-gguf`, the path verbatim;
 * - a Hub id `org/name` → `huggingface`, verbatim (`openai-compatible` with the endpoint when the request
 *   puts it on a local vLLM/Ollama server or gives a local URL);
 * - vendor ids `gpt-*`, `o1`/`o3`/`o4-mini`, `claude-*` → `openai`/`anthropic` (lower-cased); `gemini-*`
 *   → `openai-compatible` (BenchHub has no Google adapter);
 * - a bare open-weight family with a version (`Qwen2.5-72B`) → `huggingface` with the repo id assumed and
 *   said; with an Ollama tag (`llama3.1:8b`) or on a local server → `openai-compatible` at that server;
 * - nicknames (`claude`, `GPT`, `클로드`, `지피티`, `gemini`) → the vendor's default model, said.
 *
 * URLs are taken only when local (the request is data, not configuration); other file paths are masked and
 * ignored (a plan reads BenchHub's data only).
 */
export function extractModels(
  text: RequestText,
  defaults: NicknameModels = DEFAULT_NICKNAME_MODELS,
): ModelExtraction {
  const warnings: string[] = [];
  const ctx = serverContext(text, warnings);
  const models: NamedModel[] = [];
  for (const m of text.take(GGUF_PATTERN))
    models.push({
      provider: 'local-gguf',
      model: m.text,
      written: m.text,
      start: m.start,
      role: roleOf(text, m),
    });
  if (text.take(FILE_PATTERN).length > 0)
    warnings.push("ignored a file path in the request: a planned evaluation reads BenchHub's data only");
  for (const m of text.find(HUB_PATTERN)) {
    const model = hubModel(text, m, ctx);
    if (model) {
      models.push(model);
      text.mask(m.start, m.end);
    }
  }
  for (const spaced of SPACED_NAMES)
    for (const m of text.find(spaced.pattern)) {
      if (!/\s/.test(m.text)) continue;
      const id = spaced.id(m.groups);
      const family = id.startsWith('Llama') || id.startsWith('Qwen');
      const model = family
        ? familyModel(text, { ...m, groups: [id] }, ctx)
        : vendorModel(text, { ...m, groups: [id] });
      if (model === undefined) continue;
      if (!family) {
        delete model.assumed;
        model.note = `read "${m.text}" as the model id ${model.model}`;
      }
      model.written = m.text;
      models.push(model);
      text.mask(m.start, m.end);
    }
  for (const m of text.take(VENDOR_PATTERN)) models.push(vendorModel(text, m));
  for (const m of text.find(FAMILY_PATTERN)) {
    const model = familyModel(text, m, ctx);
    if (model) {
      models.push(model);
      text.mask(m.start, m.end);
    }
  }
  for (const nickname of NICKNAMES)
    for (const m of text.take(nickname.pattern)) models.push(nicknameModel(text, m, nickname, defaults));

  const seen = new Set<string>();
  const unique = models
    .sort((a, b) => a.start - b.start)
    .filter((m) => {
      const id = `${m.provider}:${m.model}`;
      if (seen.has(id)) return false;
      seen.add(id);
      return true;
    });
  return { models: unique, warnings };
}
