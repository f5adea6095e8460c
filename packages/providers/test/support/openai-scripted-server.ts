import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * How the server treats every request under `/<mode>/…`: `ok` answers, `hang` holds the request
 * until the client goes away, the others answer with an OpenAI-style error body.
 */
export type ScriptedMode = 'ok' | 'hang' | 'rate-limit' | 'server-error' | 'bad-request' | 'unauthorized';

/** One request as the server saw it. */
export interface ScriptedRequest {
  method: string;
  /** Path without the mode prefix and without the query, e.g. `/v1/chat/completions`. */
  path: string;
  /** The query parameters. */
  query: URLSearchParams;
  mode: ScriptedMode;
  headers: IncomingHttpHeaders;
  /** The parsed JSON body (`undefined` when it was not JSON). */
  body: Record<string, unknown> | undefined;
  /** The client closed the connection before the server answered. */
  clientGone: boolean;
}

/** A scripted answer: a status with a JSON (or text) body and headers, or `hang`. */
export type ScriptedReply = 'hang' | { status: number; body?: unknown; headers?: Record<string, string> };

/** Options of `startScriptedOpenAIServer`. */
export interface ScriptedServerOptions {
  /** The token every echo position prefers (the greedy next token). Default `' Paris'`. */
  favourite?: string;
  /** The key the `unauthorized` mode quotes back in its message, as OpenAI quotes part of a refused key. */
  refusedKey?: string;
  /** Retry-After of the `rate-limit` mode, in seconds. Default 2. */
  retryAfterSeconds?: number;
}

/** A running scripted server. */
export interface ScriptedOpenAIServer {
  /** `http://127.0.0.1:PORT`. */
  readonly url: string;
  /** The base URL of a mode, e.g. `http://127.0.0.1:PORT/ok/v1`. */
  baseURL(mode?: ScriptedMode): string;
  /** Every request so far, in arrival order. */
  readonly requests: readonly ScriptedRequest[];
  /** Requests so far under one mode. */
  countFor(mode: ScriptedMode): number;
  /** The body of the latest chat completions request. */
  lastChatBody(): Record<string, unknown> | undefined;
  /**
   * Overrides answers: `reply` sees each request and returns a reply, or `undefined` for the default.
   * Pass `undefined` to remove the override.
   */
  script(reply: ((request: ScriptedRequest) => ScriptedReply | undefined) | undefined): void;
  /** Forgets the recorded requests. */
  reset(): void;
  /** Ends every socket (held requests included) and stops listening. */
  close(): Promise<void>;
}

const MODES: readonly ScriptedMode[] = [
  'ok',
  'hang',
  'rate-limit',
  'server-error',
  'bad-request',
  'unauthorized',
];

/** Splits text into tokens the way BPE tokenizers often do: each word with its leading whitespace. */
export function scriptedTokens(text: string): string[] {
  return text.match(/\s*\S+|\s+$/gu) ?? [];
}

/** Length in code points, as Python servers count `text_offset`. */
function codePoints(text: string): number {
  return [...text].length;
}

/** The echo model's log-probability of a token that is not the favourite: −(0.5 + 0.25 × its length). */
export function scriptedLogprob(token: string, favourite = ' Paris'): number {
  return token === favourite ? -0.05 : -(0.5 + 0.25 * codePoints(token));
}

/** A deterministic vector of a text: its length, its code-point sum mod 97, its first code point. */
export function scriptedVector(text: string): number[] {
  let sum = 0;
  for (const ch of text) sum += ch.codePointAt(0) ?? 0;
  return [text.length, sum % 97, text.codePointAt(0) ?? 0];
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function errorBody(message: string, type: string, code: string | null = null): unknown {
  return { error: { message, type, param: null, code } };
}

function messagesText(body: Record<string, unknown>): string {
  const messages = Array.isArray(body.messages) ? (body.messages as { content?: unknown }[]) : [];
  return messages.map((m) => (typeof m.content === 'string' ? m.content : '')).join('\n');
}

function chatAnswer(body: Record<string, unknown>): unknown {
  let text = `Hello from ${String(body.model)}.`;
  let finish = 'stop';
  for (const stop of Array.isArray(body.stop) ? (body.stop as string[]) : []) {
    const at = stop === '' ? -1 : text.indexOf(stop);
    if (at >= 0) text = text.slice(0, at);
  }
  let tokens = scriptedTokens(text);
  const limit = (body.max_completion_tokens ?? body.max_tokens) as number | undefined;
  if (typeof limit === 'number' && tokens.length > limit) {
    tokens = tokens.slice(0, limit);
    text = tokens.join('');
    finish = 'length';
  }
  const top = typeof body.top_logprobs === 'number' ? body.top_logprobs : 0;
  const logprobs =
    body.logprobs === true
      ? {
          content: tokens.map((token, i) => {
            const logprob = -0.1 * (i + 1);
            return {
              token,
              logprob,
              bytes: [...Buffer.from(token)],
              top_logprobs: Array.from({ length: top }, (_, k) => ({
                token: k === 0 ? token : `${token}~${k}`,
                logprob: logprob - k,
                bytes: null,
              })),
            };
          }),
          refusal: null,
        }
      : null;
  const promptTokens = Math.max(1, scriptedTokens(messagesText(body)).length);
  return {
    id: 'chatcmpl-scripted',
    object: 'chat.completion',
    created: 1_700_000_000,
    model: body.model,
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content: text, refusal: null },
        logprobs,
        finish_reason: finish,
      },
    ],
    usage: {
      prompt_tokens: promptTokens,
      completion_tokens: tokens.length,
      total_tokens: promptTokens + tokens.length,
    },
  };
}

function echoChoice(prompt: string, index: number, favourite: string): unknown {
  const tokens = scriptedTokens(prompt);
  const offsets: number[] = [];
  let at = 0;
  for (const token of tokens) {
    offsets.push(at);
    at += codePoints(token);
  }
  return {
    index,
    text: prompt,
    finish_reason: 'length',
    logprobs: {
      tokens,
      text_offset: offsets,
      token_logprobs: tokens.map((t, i) => (i === 0 ? null : scriptedLogprob(t, favourite))),
      top_logprobs: tokens.map((t, i) =>
        i === 0
          ? null
          : { [favourite]: -0.05, ...(t === favourite ? {} : { [t]: scriptedLogprob(t, favourite) }) },
      ),
    },
  };
}

function completionsAnswer(body: Record<string, unknown>, favourite: string): unknown {
  const prompts = Array.isArray(body.prompt) ? (body.prompt as string[]) : [String(body.prompt)];
  const choices = prompts.map((p, i) => echoChoice(p, i, favourite));
  const tokens = prompts.reduce((n, p) => n + scriptedTokens(p).length, 0);
  return {
    id: 'cmpl-scripted',
    object: 'text_completion',
    created: 1_700_000_000,
    model: body.model,
    choices,
    usage: { prompt_tokens: tokens, completion_tokens: 0, total_tokens: tokens },
  };
}

function embeddingsAnswer(body: Record<string, unknown>): unknown {
  const input = Array.isArray(body.input) ? (body.input as string[]) : [String(body.input)];
  // Listed last to first, with their index: a client must order by index, not by position.
  const data = input
    .map((text, index) => ({ object: 'embedding', index, embedding: scriptedVector(text) }))
    .reverse();
  return {
    object: 'list',
    model: body.model,
    data,
    usage: { prompt_tokens: input.length, total_tokens: input.length },
  };
}

/**
 * Starts a local server that speaks OpenAI's wire format (chat completions, legacy completions with
 * echo and logprobs, embeddings, and Azure's deployment paths) and misbehaves per path prefix:
 * `/<mode>/v1/…` with the modes of `ScriptedMode`. Requests are recorded with their parsed bodies.
 */
export async function startScriptedOpenAIServer(
  options: ScriptedServerOptions = {},
): Promise<ScriptedOpenAIServer> {
  const favourite = options.favourite ?? ' Paris';
  const retryAfter = options.retryAfterSeconds ?? 2;
  const requests: ScriptedRequest[] = [];
  let override: ((request: ScriptedRequest) => ScriptedReply | undefined) | undefined;

  function send(res: ServerResponse, reply: Exclude<ScriptedReply, 'hang'>): void {
    const text = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body ?? {});
    res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
    res.end(text);
  }

  function defaultReply(request: ScriptedRequest): ScriptedReply {
    switch (request.mode) {
      case 'hang':
        return 'hang';
      case 'rate-limit':
        return {
          status: 429,
          body: errorBody('Rate limit reached for requests', 'requests', 'rate_limit_exceeded'),
          headers: { 'retry-after': String(retryAfter), 'x-ratelimit-remaining-requests': '0' },
        };
      case 'server-error':
        return {
          status: 500,
          body: errorBody('The server had an error while processing your request.', 'server_error'),
        };
      case 'bad-request':
        return {
          status: 400,
          body: errorBody(
            "Invalid value for 'temperature': must be at most 2.",
            'invalid_request_error',
            'invalid_value',
          ),
        };
      case 'unauthorized':
        return {
          status: 401,
          body: errorBody(
            `Incorrect API key provided: ${options.refusedKey ?? 'sk-unknown'}. You can find your API key at the dashboard.`,
            'invalid_request_error',
            'invalid_api_key',
          ),
        };
      default:
        break;
    }
    const body = request.body ?? {};
    if (request.method !== 'POST')
      return { status: 404, body: errorBody('not found', 'invalid_request_error') };
    if (request.path.endsWith('/chat/completions')) return { status: 200, body: chatAnswer(body) };
    if (request.path.endsWith('/completions'))
      return { status: 200, body: completionsAnswer(body, favourite) };
    if (request.path.endsWith('/embeddings')) return { status: 200, body: embeddingsAnswer(body) };
    return { status: 404, body: errorBody(`Unknown path ${request.path}`, 'invalid_request_error') };
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const text = await readBody(req);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const [, first = '', ...rest] = url.pathname.split('/');
    const mode = (MODES as readonly string[]).includes(first) ? (first as ScriptedMode) : 'ok';
    const path = (MODES as readonly string[]).includes(first) ? `/${rest.join('/')}` : url.pathname;
    let body: Record<string, unknown> | undefined;
    try {
      body = JSON.parse(text) as Record<string, unknown>;
    } catch {
      body = undefined;
    }
    const request: ScriptedRequest = {
      method: req.method ?? 'GET',
      path,
      query: url.searchParams,
      mode,
      headers: req.headers,
      body,
      clientGone: false,
    };
    res.once('close', () => {
      if (!res.writableEnded) request.clientGone = true;
    });
    requests.push(request);
    const reply = override?.(request) ?? defaultReply(request);
    if (reply === 'hang') return;
    send(res, reply);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify(errorBody(String(error), 'server_error')));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    baseURL: (mode = 'ok') => `${url}/${mode}/v1`,
    get requests() {
      return requests;
    },
    countFor: (mode) => requests.filter((r) => r.mode === mode).length,
    lastChatBody: () => requests.filter((r) => r.path.endsWith('/chat/completions')).at(-1)?.body,
    script(reply) {
      override = reply;
    },
    reset() {
      requests.length = 0;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
