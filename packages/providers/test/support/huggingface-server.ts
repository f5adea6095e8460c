import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the server received. */
export interface HuggingFaceServerRecord {
  method: string;
  /** Path and query, as received (with the `/router`, `/hub` or `/fault/KIND` prefix). */
  path: string;
  headers: IncomingHttpHeaders;
  body: Record<string, unknown>;
}

/** A scripted answer: text, and optionally the finish reason and token counts to report. */
export interface HuggingFaceScriptedAnswer {
  text: string;
  /** Function calls in `message.tool_calls`; `arguments` as a JSON string, or an object as TGI before 3.x sent it. */
  toolCalls?: { id: string | number; name: string; arguments: string | Record<string, unknown> }[];
  finishReason?: string;
  promptTokens?: number;
  completionTokens?: number;
}

/** One Inference Provider serving a model, as the Hub's model API lists it. */
export interface HubProviderMapping {
  provider: string;
  providerId: string;
  task: string;
}

/** Options of `startHuggingFaceServer`. */
export interface HuggingFaceServerOptions {
  /** The token the server accepts. The router always requires it; an endpoint only checks one that is sent. */
  token: string;
  /** The model's answer to a prompt (the messages' or the prompt's text). Default `Hello there`. */
  answer?: (prompt: string, body: Record<string, unknown>) => HuggingFaceScriptedAnswer | string;
  /** What the Hub's model API says about each model's Inference Providers. */
  hubMappings?: Readonly<Record<string, readonly HubProviderMapping[]>>;
}

/** The faults a path prefix `/fault/KIND` selects. */
export type HuggingFaceFault = 'hang' | '429' | '503' | '500' | '400' | '401' | 'malformed';

/** A local server speaking the Hugging Face inference wire formats. */
export interface HuggingFaceServer {
  /** Base URL of a healthy dedicated endpoint (`http://127.0.0.1:PORT`). */
  baseURL: string;
  /** Base URL of a failing endpoint. */
  faultURL(kind: HuggingFaceFault): string;
  /**
   * A `fetch` that sends the SDK's requests for the router and the Hub (any `https:` URL) to this
   * server (under `/router` or `/hub`, or under `/fault/KIND/…` with `fault`), and records the URLs
   * the SDK asked for; `http:` URLs go through unchanged.
   */
  routing(fault?: HuggingFaceFault): { fetch: typeof fetch; urls: string[] };
  /** Every request received, in arrival order. */
  requests: HuggingFaceServerRecord[];
  /** The requests whose path starts with `prefix`. */
  requestsUnder(prefix: string): HuggingFaceServerRecord[];
  close(): Promise<void>;
}

/** The Retry-After the 429 fault sends, in seconds. */
export const HF_RETRY_AFTER_S = 3;

/** Size of the test vectors. */
export const VECTOR_SIZE = 4;

/** The test model's vector of one word: deterministic, distinct for distinct words. */
export function wordVector(word: string): number[] {
  let h = 2166136261;
  for (const c of word) h = Math.imul(h ^ (c.codePointAt(0) ?? 0), 16777619) >>> 0;
  return [word.length, (h % 1000) / 1000, ((h >>> 10) % 1000) / 1000, ((h >>> 20) % 1000) / 1000];
}

function wordsOf(text: string): string[] {
  return text.split(/\s+/).filter((w) => w !== '');
}

/** Token-level vectors of a text: one per word. */
export function tokenVectors(text: string): number[][] {
  const words = wordsOf(text);
  return (words.length === 0 ? [''] : words).map(wordVector);
}

function meanOf(vectors: number[][]): number[] {
  return Array.from(
    { length: VECTOR_SIZE },
    (_, i) => vectors.reduce((s, v) => s + (v[i] ?? 0), 0) / vectors.length,
  );
}

/** The pooled vector the server answers for a text on `/embed`: the mean of its word vectors. */
export function pooledVector(text: string): number[] {
  return meanOf(tokenVectors(text));
}

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'application/json', 'x-request-id': `req-${status}`, ...headers });
  res.end(JSON.stringify(body));
}

interface Generated {
  text: string;
  toolCalls: HuggingFaceScriptedAnswer['toolCalls'];
  finishReason: string;
  promptTokens: number;
  completionTokens: number;
}

/** Runs the scripted model like TGI: keeps a matched stop sequence in the text, cuts at max tokens (words). */
function generate(
  options: HuggingFaceServerOptions,
  prompt: string,
  body: Record<string, unknown>,
  maxTokens: unknown,
): Generated {
  const scripted = options.answer?.(prompt, body) ?? 'Hello there';
  const answer = typeof scripted === 'string' ? { text: scripted } : scripted;
  let text = answer.text;
  let finishReason = answer.finishReason ?? 'eos_token';
  let end = -1;
  for (const s of (body.stop as string[] | undefined) ?? []) {
    const at = text.indexOf(s);
    if (at >= 0 && (end < 0 || at + s.length < end)) end = at + s.length;
  }
  if (end >= 0) {
    text = text.slice(0, end);
    finishReason = 'stop_sequence';
  }
  if (typeof maxTokens === 'number' && wordsOf(text).length > maxTokens) {
    text = text
      .split(/(?<=\s)/)
      .slice(0, maxTokens)
      .join('')
      .trimEnd();
    finishReason = 'length';
  }
  return {
    text,
    toolCalls: answer.toolCalls,
    finishReason,
    promptTokens: answer.promptTokens ?? Math.max(1, wordsOf(prompt).length),
    completionTokens: answer.completionTokens ?? wordsOf(text).length,
  };
}

function chatCompletion(options: HuggingFaceServerOptions, body: Record<string, unknown>): unknown {
  const messages = body.messages as { role: string; content: string }[];
  const out = generate(options, messages.map((m) => m.content).join('\n'), body, body.max_tokens);
  const topCount = typeof body.top_logprobs === 'number' ? body.top_logprobs : 0;
  const logprobs =
    body.logprobs === true
      ? {
          content: wordsOf(out.text).map((token, i) => ({
            token,
            logprob: -0.25 * (i + 1),
            top_logprobs: Array.from({ length: topCount }, (_, k) => ({
              token: `${token}#${k}`,
              logprob: -0.25 * (i + 1) - k,
            })),
          })),
        }
      : null;
  return {
    id: 'chatcmpl-test',
    object: 'chat.completion',
    created: 1_700_000_000,
    model: body.model,
    system_fingerprint: '3.3.0-native',
    choices: [
      {
        index: 0,
        message:
          out.toolCalls === undefined
            ? { role: 'assistant', content: out.text }
            : {
                role: 'assistant',
                ...(out.text === '' ? {} : { content: out.text }),
                tool_calls: out.toolCalls.map((call) => ({
                  id: call.id,
                  type: 'function',
                  function: { name: call.name, arguments: call.arguments },
                })),
              },
        logprobs,
        finish_reason: out.finishReason,
      },
    ],
    usage: {
      prompt_tokens: out.promptTokens,
      completion_tokens: out.completionTokens,
      total_tokens: out.promptTokens + out.completionTokens,
    },
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Checks `tools`, `tool_choice` and `response_format` as TGI 3.x deserialises them (the router accepts
 * JSON mode without a schema; TGI answers 422 `missing field value`). Returns the 422 message, if any.
 */
function invalidStructure(body: Record<string, unknown>, viaRouter: boolean): string | undefined {
  const names: string[] = [];
  if (body.tools !== undefined) {
    if (!Array.isArray(body.tools))
      return 'Failed to deserialize the JSON body into the target type: tools: invalid type';
    for (const tool of body.tools as unknown[]) {
      const fn = isObject(tool) ? tool.function : undefined;
      if (!isObject(tool) || tool.type !== 'function' || !isObject(fn) || typeof fn.name !== 'string') {
        return 'Failed to deserialize the JSON body into the target type: tools: missing field `function`';
      }
      names.push(fn.name);
    }
  }
  const choice = body.tool_choice;
  if (choice !== undefined) {
    const named = isObject(choice) && isObject(choice.function) ? choice.function.name : undefined;
    if (!(choice === 'auto' || choice === 'none' || choice === 'required' || typeof named === 'string')) {
      return 'Failed to deserialize the JSON body into the target type: tool_choice: data did not match any variant';
    }
    if (typeof named === 'string' && !names.includes(named))
      return `Tool error: Tool with name ${named} not found`;
  }
  const format = body.response_format;
  if (format !== undefined) {
    if (!isObject(format))
      return 'Failed to deserialize the JSON body into the target type: response_format: invalid type';
    if (format.type === 'json_schema') {
      const config = format.json_schema;
      if (!isObject(config) || !isObject(config.schema)) {
        return 'Failed to deserialize the JSON body into the target type: response_format: missing field `json_schema`';
      }
    } else if (format.type === 'json_object') {
      if (!viaRouter && format.value === undefined) {
        return 'Failed to deserialize the JSON body into the target type: response_format: missing field `value`';
      }
    } else if (format.type !== 'text') {
      return `Failed to deserialize the JSON body into the target type: response_format: unknown variant \`${String(format.type)}\``;
    }
  }
  return undefined;
}

function textCompletion(options: HuggingFaceServerOptions, body: Record<string, unknown>): unknown {
  const out = generate(options, String(body.prompt), body, body.max_tokens);
  return {
    id: 'cmpl-test',
    object: 'text_completion',
    created: 1_700_000_000,
    model: body.model,
    choices: [{ index: 0, text: out.text, logprobs: null, finish_reason: out.finishReason }],
    usage: {
      prompt_tokens: out.promptTokens,
      completion_tokens: out.completionTokens,
      total_tokens: out.promptTokens + out.completionTokens,
    },
  };
}

function featureExtraction(body: Record<string, unknown>, tokenLevel: boolean): unknown {
  const inputs = Array.isArray(body.inputs) ? (body.inputs as string[]) : [String(body.inputs)];
  return inputs.map((text) => (tokenLevel ? tokenVectors(text) : pooledVector(text)));
}

/**
 * Starts a local server speaking what `@huggingface/inference` calls: a dedicated endpoint's
 * OpenAI-compatible routes as TGI serves them (`/v1/chat/completions` with logprobs, tools and response
 * formats checked as TGI 3.x reads them, `/v1/completions`),
 * feature extraction (`{inputs}` → pooled `number[][]` on `/embed` and the router's
 * `…/pipeline/feature-extraction`, token-level `number[][][]` on `/embed-tokens`, one vector short on
 * `/embed-short`), the router
 * (`/router/v1/chat/completions`, `/router/PROVIDER/…`) and the Hub's model API
 * (`/hub/api/models/MODEL?expand[]=inferenceProviderMapping`), with TGI's error bodies (`{error}`)
 * and `Retry-After` on 429.
 */
export async function startHuggingFaceServer(options: HuggingFaceServerOptions): Promise<HuggingFaceServer> {
  const requests: HuggingFaceServerRecord[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      let body: Record<string, unknown> = {};
      try {
        body = raw === '' ? {} : (JSON.parse(raw) as Record<string, unknown>);
      } catch {
        send(res, 400, { error: 'Failed to deserialize the JSON body', error_type: 'validation' });
        return;
      }
      const path = req.url ?? '/';
      requests.push({ method: req.method ?? '', path, headers: req.headers, body });
      const fault = /^\/fault\/([^/]+)(?=\/|$)/.exec(path)?.[1];
      let route = fault === undefined ? path : path.slice(`/fault/${fault}`.length) || '/';
      const viaRouter = route.startsWith('/router/');
      const viaHub = route.startsWith('/hub/');
      if (viaRouter) route = route.slice('/router'.length);
      if (viaHub) route = route.slice('/hub'.length);

      const auth = req.headers.authorization;
      if ((viaRouter && auth === undefined) || (auth !== undefined && auth !== `Bearer ${options.token}`)) {
        // Echo the refused token, so tests can check it is redacted.
        send(res, 401, { error: `Invalid credentials in Authorization header: ${String(auth)}` });
        return;
      }
      switch (fault) {
        case 'hang':
          return;
        case '429':
          send(
            res,
            429,
            { error: 'Rate limit reached. You reached free usage limit.' },
            { 'retry-after': String(HF_RETRY_AFTER_S) },
          );
          return;
        case '503':
          send(res, 503, { error: 'Model is currently loading', estimated_time: 20 });
          return;
        case '500':
          send(res, 500, { error: 'CUDA error: device-side assert triggered', error_type: 'generation' });
          return;
        case '400':
          send(res, 400, {
            error: 'Input validation error: `inputs` must have less than 4096 tokens',
            error_type: 'validation',
          });
          return;
        case '401':
          send(res, 401, { error: 'Invalid credentials in Authorization header' });
          return;
        case 'malformed':
          send(res, 200, { unexpected: true });
          return;
      }

      const hub = /^\/api\/models\/(.+)\?expand(\[\]|%5B%5D)=inferenceProviderMapping$/.exec(route);
      if (req.method === 'GET' && viaHub && hub !== null) {
        const model = decodeURIComponent(hub[1] ?? '');
        const mappings = options.hubMappings?.[model];
        if (mappings === undefined) {
          send(res, 404, { error: 'Repository not found' });
          return;
        }
        const inferenceProviderMapping = Object.fromEntries(
          mappings.map((m) => [m.provider, { status: 'live', providerId: m.providerId, task: m.task }]),
        );
        send(res, 200, { _id: 'x', id: model, inferenceProviderMapping });
        return;
      }
      if (req.method !== 'POST') {
        send(res, 404, { error: `Not found: ${req.method} ${path}` });
        return;
      }
      if (route.endsWith('/v1/chat/completions')) {
        if (!Array.isArray(body.messages) || body.messages.length === 0) {
          send(res, 422, {
            error: 'Input validation error: messages must not be empty',
            error_type: 'validation',
          });
          return;
        }
        const refused = invalidStructure(body, viaRouter);
        if (refused !== undefined) {
          send(res, 422, { error: refused, error_type: 'validation' });
          return;
        }
        send(res, 200, chatCompletion(options, body));
        return;
      }
      if (route.endsWith('/v1/completions')) {
        if (typeof body.prompt !== 'string') {
          send(res, 422, { error: 'Input validation error: prompt is required', error_type: 'validation' });
          return;
        }
        send(res, 200, textCompletion(options, body));
        return;
      }
      if (route === '/embed' || route.endsWith('/pipeline/feature-extraction')) {
        send(res, 200, featureExtraction(body, false));
        return;
      }
      if (route === '/embed-tokens') {
        send(res, 200, featureExtraction(body, true));
        return;
      }
      if (route === '/embed-short') {
        // A broken service: one vector fewer than texts.
        send(res, 200, (featureExtraction(body, false) as number[][]).slice(1));
        return;
      }
      send(res, 404, { error: `Not found: ${req.method} ${path}` });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const baseURL = `http://127.0.0.1:${port}`;
  return {
    baseURL,
    faultURL: (kind) => `${baseURL}/fault/${kind}`,
    routing: (fault) => {
      const urls: string[] = [];
      const routed = (input: Parameters<typeof fetch>[0], init?: RequestInit): Promise<Response> => {
        const url = new URL(input instanceof Request ? input.url : String(input));
        if (url.protocol !== 'https:') return fetch(input, init);
        urls.push(url.href);
        const prefix = `${fault === undefined ? '' : `/fault/${fault}`}${url.hostname.startsWith('router.') ? '/router' : '/hub'}`;
        return fetch(`${baseURL}${prefix}${url.pathname}${url.search}`, init);
      };
      return { fetch: routed as typeof fetch, urls };
    },
    requests,
    requestsUnder: (prefix) => requests.filter((r) => r.path.startsWith(prefix)),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
