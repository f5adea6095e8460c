import { findCompatibleVendor } from '../plan/compatible-vendors.js';
import { escapeRegExp } from './escape-regexp.js';
import { localEndpoint, readServerContext, type ServerContext } from './local-servers.js';
import {
  correctVendorPrefix,
  DEFAULT_NICKNAME_MODELS,
  FAMILY_ORGS,
  KNOWN_HUB_ORGS,
  MODEL_SUFFIX_WORDS,
  NICKNAMES,
  type Nickname,
  type NicknameModels,
  VENDOR_SPELLINGS,
} from './model-families.js';
import { findUnreadModelIds } from './model-guard.js';
import type { RequestText, TextMatch } from './request-text.js';

export { isLocalEndpoint, LOCAL_SERVER_URLS } from './local-servers.js';
export { DEFAULT_NICKNAME_MODELS, type NicknameFamily, type NicknameModels } from './model-families.js';

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

const GGUF_PATTERN = /(?<![\w./~-])(?:~|\.{1,2})?\/?(?:[\w.+-]+\/)*[\w.+-]+\.gguf(?![\w])/i;
const FILE_PATTERN =
  /(?<![\w])(?:(?:\.{1,2}|~)?\/[^\s,;)'"가-힣]+|[\w.-]+\.(?:jsonl|json|csv|parquet|txt|ya?ml|tsv|env))(?![\w])/i;
const HUB_PATTERN =
  /(?<![\w./:@-])([A-Za-z0-9][\w.-]*)\/([A-Za-z0-9][\w.-]*[A-Za-z0-9])(?::([\w.-]+))?(?![\w/])/;
const VENDOR_PATTERN =
  /(?<![\w./-])((?:gpt|claude|gemini|chatgpt)-(?=[\w.-]*\d)[\w.-]*[A-Za-z0-9]|gemini-(?:pro|ultra)(?:-vision)?|o[1-9](?:-(?:mini|pro|preview))?(?:-\d{4}-\d{2}-\d{2})?)(?![\w/-])/i;
/** A standalone id-like token, for the hosted APIs' ids (`solar-pro`, `HCX-003`, `deepseek-chat`). */
const ID_TOKEN = /(?<![\w./:@-])([A-Za-z][\w.-]*[A-Za-z0-9])(?![\w/:@-]|\.[A-Za-z0-9])/;
const FAMILY_PATTERN = new RegExp(
  `(?<![\\w./-])((?:${Object.keys(FAMILY_ORGS).map(escapeRegExp).join('|')})[\\w.-]*(?::[\\w.-]+)?)(?![\\w/])`,
  'i',
);
/** A descriptive part of a model name (`-instruct`, `-chat`, `-it`). */
const MODEL_PART = new RegExp(`[-_](?:${MODEL_SUFFIX_WORDS})(?![A-Za-z])`, 'i');
/** A family name with only descriptive parts after it (`kanana-nano`, `exaone-deep`). */
const FAMILY_WITH_SUFFIX = new RegExp(`^[A-Za-z.]+(?:-(?:${MODEL_SUFFIX_WORDS}))+$`, 'i');

const JUDGE_BEFORE =
  /(?:judge|judged\s+by|graded\s+by|grader|scored\s+by|evaluator|심판|채점)\s*(?:model\s*)?(?:is|=|:|은|는|으로|로)?\s*$/i;
const JUDGE_AFTER =
  /^\s*(?:as\s+(?:the\s+|a\s+)?(?:judge|grader)|(?:을|를)?\s*(?:심판|채점)|(?:으로|로)\s*(?:심판|채점))/i;

function roleOf(text: RequestText, m: TextMatch): 'candidate' | 'judge' {
  const before = text.original.slice(Math.max(0, m.start - 30), m.start);
  const after = text.original.slice(m.end, m.end + 20);
  return JUDGE_BEFORE.test(before) || JUDGE_AFTER.test(after) ? 'judge' : 'candidate';
}

/**
 * A vendor id (`gpt-*`, `o3-mini`, `claude-*`, `gemini-*`, `solar-pro`) as its provider knows it
 * (lower-case); ids of hosted APIs other than OpenAI's and Anthropic's go through `openai-compatible`.
 */
function vendorModel(text: RequestText, m: TextMatch, id: string = m.groups[0] ?? m.text): NamedModel {
  const model = id.toLowerCase();
  const provider = model.startsWith('claude')
    ? 'anthropic'
    : findCompatibleVendor(model) === undefined
      ? 'openai'
      : 'openai-compatible';
  const named: NamedModel = { provider, model, written: m.text, start: m.start, role: roleOf(text, m) };
  if (model !== m.text)
    named.note =
      model === m.text.toLowerCase()
        ? `wrote the model id "${m.text}" as "${model}" (vendor model ids are lower-case)`
        : `read "${m.text}" as the model id ${model}`;
  return named;
}

/** An id of a hosted API reached through `openai-compatible` (`solar-pro`, `HCX-003`), or undefined. */
function hostedModel(text: RequestText, m: TextMatch): NamedModel | undefined {
  const written = m.groups[0] ?? m.text;
  const vendor = findCompatibleVendor(written);
  if (vendor === undefined) return undefined;
  const model = vendor.idCase === 'upper' ? written.toUpperCase() : written.toLowerCase();
  const named: NamedModel = {
    provider: 'openai-compatible',
    model,
    written,
    start: m.start,
    role: roleOf(text, m),
  };
  if (model !== written) named.note = `wrote the ${vendor.name} model id "${written}" as "${model}"`;
  return named;
}

function localModel(
  model: string,
  written: string,
  m: TextMatch,
  ctx: ServerContext,
  text: RequestText,
): NamedModel {
  const { baseUrl, note } = localEndpoint(ctx, model);
  const named: NamedModel = {
    provider: 'openai-compatible',
    model,
    written,
    start: m.start,
    role: roleOf(text, m),
    baseUrl,
  };
  if (note !== undefined) named.note = note;
  return named;
}

function hubModel(text: RequestText, m: TextMatch, ctx: ServerContext): NamedModel | undefined {
  const [org = '', name = ''] = m.groups;
  const modelLike = /\d/.test(name) || KNOWN_HUB_ORGS.has(org.toLowerCase()) || MODEL_PART.test(name);
  if (!modelLike || VENDOR_PATTERN.test(org) || /^(?:https?|www)$/i.test(org)) return undefined;
  const model = `${org}/${name}${m.groups[2] === undefined ? '' : `:${m.groups[2]}`}`;
  if (ctx.local) return localModel(model, m.text, m, ctx, text);
  return { provider: 'huggingface', model, written: m.text, start: m.start, role: roleOf(text, m) };
}

function familyModel(text: RequestText, m: TextMatch, ctx: ServerContext): NamedModel | undefined {
  const written = m.groups[0] ?? m.text;
  if (!/\d/.test(written) && !written.includes(':') && !FAMILY_WITH_SUFFIX.test(written)) return undefined;
  if (written.includes(':') || ctx.local) return localModel(written, written, m, ctx, text);
  const family = Object.keys(FAMILY_ORGS).find((f) => written.toLowerCase().startsWith(f)) ?? '';
  const model = `${FAMILY_ORGS[family] ?? family}/${written}`;
  return {
    provider: 'huggingface',
    model,
    written,
    start: m.start,
    role: roleOf(text, m),
    assumed: `"${written}" is not a Hugging Face repo id: assumed ${model} (write the full id${/instruct|chat|-it$/i.test(written) ? '' : `, e.g. ${model}-Instruct,`} to pick another)`,
  };
}

function nicknameModel(
  text: RequestText,
  m: TextMatch,
  nickname: Nickname,
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

/**
 * The vendor id a garbled vendor name stands for (`gtp-4o` → `gpt-4o`, `cluade-3-5-haiku-latest`), or
 * undefined.
 */
function correctedVendorId(written: string): string | undefined {
  const prefix = /^[A-Za-z]+/.exec(written)?.[0] ?? '';
  const corrected = correctVendorPrefix(prefix);
  if (corrected === undefined) return undefined;
  const candidate = corrected + written.slice(prefix.length);
  for (const spelling of VENDOR_SPELLINGS) {
    const m =
      spelling.kind === 'vendor' ? new RegExp(`^(?:${spelling.pattern.source})$`, 'i').exec(candidate) : null;
    if (m) return spelling.id(m.slice(1));
  }
  return new RegExp(`^(?:${VENDOR_PATTERN.source})$`, 'i').test(candidate)
    ? candidate.toLowerCase()
    : undefined;
}

/** Models found in a request, with what the planner had to assume about them. */
export interface ModelExtraction {
  models: NamedModel[];
  warnings: string[];
  /**
   * Words that look like model ids but name no model the planner can place (`foo-7b` with no server):
   * the caller refuses the request rather than plan other models.
   */
  unread: string[];
}

/** Reads vendor names written with spaces or slips (`GPT 4o mini`, `gpt4o`, `sonnet 4.5`). */
function readSpellings(text: RequestText, ctx: ServerContext, models: NamedModel[]): void {
  for (const spelling of VENDOR_SPELLINGS)
    for (const m of text.find(spelling.pattern)) {
      const id = spelling.id(m.groups);
      const family = spelling.kind === 'family';
      // Already the id (left to the id patterns, which keep dated suffixes), or the id goes on (`-latest`).
      if (family ? !/\s/.test(m.text) : m.text.toLowerCase() === id.toLowerCase()) continue;
      if (/^[-.][A-Za-z0-9]/.test(text.original.slice(m.end))) continue;
      const model = family ? familyModel(text, { ...m, groups: [id] }, ctx) : vendorModel(text, m, id);
      if (model === undefined) continue;
      if (!family) delete model.assumed;
      model.written = m.text;
      models.push(model);
      text.mask(m.start, m.end);
    }
}

/**
 * What is left that looks like a model id: a garbled vendor id (`gtp-4o`, read with a note), a model on
 * the request's local server (`my-finetune-7b` with vLLM), or a word the planner cannot place.
 */
function readLeftovers(text: RequestText, ctx: ServerContext, models: NamedModel[]): string[] {
  const unread: string[] = [];
  for (const m of findUnreadModelIds(text)) {
    const written = m.groups[0] ?? m.text;
    const corrected = correctedVendorId(written);
    if (corrected !== undefined) models.push(vendorModel(text, m, corrected));
    else if (ctx.local && !written.includes('/')) models.push(localModel(written, written, m, ctx, text));
    else unread.push(written);
    text.mask(m.start, m.end);
  }
  return unread;
}

/**
 * Reads the models a request names and masks them (so `gpt-4o` or `Qwen2.5-72B` never yields a number):
 *
 * - a `.gguf` path → `local-gguf`, the path verbatim;
 * - a Hub id `org/name` (with a digit or a model part such as `-instruct` in the name, or of a known
 *   organisation) → `huggingface`, verbatim (`openai-compatible` with the endpoint when the request
 *   puts it on a local vLLM/Ollama server or gives a local URL);
 * - vendor names with spaces or slips (`GPT 4o mini`, `gpt4o`, `Claude 3.5 Sonnet`, `sonnet 4.5`, `haiku`)
 *   → the vendor id, with a note saying how it was read;
 * - vendor ids `gpt-*`, `o1`/`o3`/`o4-mini`, `claude-*` → `openai`/`anthropic` (lower-cased); `gemini-*`
 *   and the ids of other hosted APIs (Upstage `solar-pro`, Naver `HCX-003`, `deepseek-chat`, `grok-3`,
 *   `mistral-large-latest`, `command-r`) → `openai-compatible` (BenchHub ships no adapter of their own);
 * - a bare open-weight family with a version (`Qwen2.5-72B`, `EXAONE-3.5-7.8B`, `phi-4`) → `huggingface`
 *   with the repo id assumed and said; with an Ollama tag (`llama3.1:8b`) or on a local server →
 *   `openai-compatible` at that server;
 * - nicknames (`claude`, `GPT`, `클로드`, `지피티`, `gemini`, `솔라`, `exaone`) → the vendor's default
 *   model, said.
 *
 * What still looks like a model id after that (`foo-7b`) is a model on the request's local server when it
 * names one, else it is returned in `unread`. URLs are taken only when local (the request is data, not
 * configuration); other file paths are masked and ignored (a plan reads BenchHub's data only).
 */
export function extractModels(
  text: RequestText,
  defaults: NicknameModels = DEFAULT_NICKNAME_MODELS,
): ModelExtraction {
  const warnings: string[] = [];
  const ctx = readServerContext(text, warnings);
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
  readSpellings(text, ctx, models);
  for (const m of text.take(VENDOR_PATTERN)) models.push(vendorModel(text, m));
  for (const m of text.find(ID_TOKEN)) {
    const model = hostedModel(text, m);
    if (model) {
      models.push(model);
      text.mask(m.start, m.end);
    }
  }
  for (const m of text.find(FAMILY_PATTERN)) {
    const model = familyModel(text, m, ctx);
    if (model) {
      models.push(model);
      text.mask(m.start, m.end);
    }
  }
  for (const nickname of NICKNAMES)
    for (const m of text.take(nickname.pattern)) models.push(nicknameModel(text, m, nickname, defaults));
  const unread = readLeftovers(text, ctx, models);

  const seen = new Set<string>();
  const unique = models
    .sort((a, b) => a.start - b.start)
    .filter((m) => {
      const id = `${m.provider}:${m.model}`;
      if (seen.has(id)) return false;
      seen.add(id);
      return true;
    });
  return { models: unique, warnings, unread };
}
