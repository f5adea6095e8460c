import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the server received. */
export interface AnthropicServerRecord {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: Record<string, unknown>;
}

/** The answer of the scripted model: its text, and optionally the stop reason and token counts to report. */
export interface AnthropicScriptedAnswer {
  text: string;
  /** `tool_use` blocks after the text (the stop reason is then `tool_use` unless given). */
  toolUses?: { id: string; name: string; input: Record<string, unknown> }[];
  stopReason?: string;
  inputTokens?: number;
  outputTokens?: number;
  cacheReadInputTokens?: number;
}

/** Options of `startAnthropicServer`. */
export interface AnthropicServerOptions {
  /** The key the server accepts (sent as `x-api-key` or `Authorization: Bearer`). */
  apiKey: string;
  /** The model's answer to a request. Default: `OK`. */
  answer?: (body: Record<string, unknown>) => AnthropicScriptedAnswer | string;
}

/** A local server speaking the Messages API. */
export interface AnthropicServer {
  /** Base URL of the healthy API (`http://127.0.0.1:PORT`). */
  baseURL: string;
  /**
   * Base URL of a failing API: `hang` (never answers), `429` (rate limited, with `retry-after` and the
   * `anthropic-ratelimit-*` headers), `429-reset` (only the `anthropic-ratelimit-tokens-*` headers, the
   * reset `RATE_LIMIT_RESET_S` seconds ahead), `529` (overloaded), `500`, `400`.
   */
  faultURL(kind: 'hang' | '429' | '429-reset' | '529' | '500' | '400'): string;
  /** Every request received, in arrival order. */
  requests: AnthropicServerRecord[];
  /** The requests to the healthy API only. */
  healthyRequests(): AnthropicServerRecord[];
  close(): Promise<void>;
}

/** The Retry-After the 429 fault sends, in seconds. */
export const RATE_LIMIT_RETRY_AFTER_S = 7;
/** How far ahead the `429-reset` fault puts its `anthropic-ratelimit-tokens-reset` time, in seconds. */
export const RATE_LIMIT_RESET_S = 30;

function words(text: string): number {
  return text.split(/\s+/).filter((w) => w !== '').length;
}

function sendError(res: ServerResponse, status: number, type: string, message: string, headers = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', 'request-id': `req_${status}`, ...headers });
  res.end(JSON.stringify({ type: 'error', error: { type, message } }));
}

function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) return content.map((b) => (b as { text?: string }).text ?? '').join('');
  return '';
}

const TOOL_NAME = /^[a-zA-Z0-9_-]{1,64}$/;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Checks `tools`, `tool_choice` and `output_config` as the Messages API does. */
function invalidStructure(body: Record<string, unknown>): string | undefined {
  const names: string[] = [];
  if (body.tools !== undefined) {
    if (!Array.isArray(body.tools)) return 'tools: Input should be a valid list';
    for (const [i, tool] of (body.tools as unknown[]).entries()) {
      if (!isObject(tool) || typeof tool.name !== 'string') return `tools.${i}.name: Field required`;
      if (!TOOL_NAME.test(tool.name))
        return `tools.${i}.name: String should match pattern '^[a-zA-Z0-9_-]{1,64}$'`;
      if (!isObject(tool.input_schema)) return `tools.${i}.input_schema: Field required`;
      if (tool.input_schema.type !== 'object')
        return `tools.${i}.input_schema.type: Input should be 'object'`;
      for (const key of Object.keys(tool)) {
        if (!['name', 'description', 'input_schema', 'type', 'cache_control', 'strict'].includes(key)) {
          return `tools.${i}.${key}: Extra inputs are not permitted`;
        }
      }
      names.push(tool.name);
    }
  }
  const choice = body.tool_choice;
  if (choice !== undefined) {
    if (!isObject(choice) || !['auto', 'any', 'tool', 'none'].includes(String(choice.type))) {
      return "tool_choice.type: Input should be 'auto', 'any', 'tool' or 'none'";
    }
    if (names.length === 0 && choice.type !== 'none')
      return 'tool_choice: tool_choice may only be specified while providing tools';
    if (choice.type === 'tool' && !names.includes(String(choice.name))) {
      return `tool_choice.name: Tool '${String(choice.name)}' not found in provided tools`;
    }
  }
  const config = body.output_config;
  if (config !== undefined) {
    if (!isObject(config)) return 'output_config: Input should be a valid dictionary';
    const format = config.format;
    if (format !== undefined && format !== null) {
      if (!isObject(format) || format.type !== 'json_schema')
        return "output_config.format.type: Input should be 'json_schema'";
      if (!isObject(format.schema)) return 'output_config.format.schema: Field required';
      for (const key of Object.keys(format)) {
        if (key !== 'type' && key !== 'schema')
          return `output_config.format.${key}: Extra inputs are not permitted`;
      }
    }
  }
  return undefined;
}

/** Checks a body as the Messages API does; returns the error message of a refused one. */
function invalid(body: Record<string, unknown>, version: string | undefined): string | undefined {
  if (typeof body.model !== 'string' || body.model === '') return 'model: Field required';
  if (!Number.isInteger(body.max_tokens) || (body.max_tokens as number) < 1)
    return 'max_tokens: Field required';
  const messages = body.messages;
  if (!Array.isArray(messages) || messages.length === 0) return 'messages: at least one message is required';
  for (const m of messages as { role?: unknown; content?: unknown }[]) {
    if (m.role !== 'user' && m.role !== 'assistant') return `messages: unexpected role "${String(m.role)}"`;
  }
  if (body.system !== undefined && typeof body.system !== 'string' && !Array.isArray(body.system)) {
    return 'system: Input should be a valid string';
  }
  const stops = body.stop_sequences;
  if (stops !== undefined) {
    if (!Array.isArray(stops)) return 'stop_sequences: Input should be a valid list';
    if (stops.some((s) => typeof s !== 'string' || s === ''))
      return 'stop_sequences: each stop sequence must be non-empty';
    if (stops.some((s) => (s as string).trim() === '')) {
      return 'stop_sequences: each stop sequence must contain non-whitespace';
    }
  }
  const structure = invalidStructure(body);
  if (structure !== undefined) return structure;
  // API version 2026-10-21 refuses the sampling parameters, even at their default values.
  if (version !== undefined && version >= '2026-10-21') {
    for (const field of ['temperature', 'top_p', 'top_k']) {
      if (field in body) return `${field}: Extra inputs are not permitted`;
    }
  }
  return undefined;
}

/**
 * Starts a local server speaking Anthropic's Messages API (`POST /v1/messages`): it checks the key
 * (`x-api-key` or `Authorization: Bearer`) and the `anthropic-version` header, validates the body as
 * the API does (sampling parameters refused under 2026-10-21, blank stop sequences refused, `tools`,
 * `tool_choice` and `output_config.format` checked), answers with a `message` (text and `tool_use`
 * blocks, `stop_reason`, `stop_sequence`, `usage`), cuts the answer at a stop
 * sequence or at `max_tokens` words like the API, and sends the API's error bodies and rate-limit headers.
 */
export async function startAnthropicServer(options: AnthropicServerOptions): Promise<AnthropicServer> {
  const requests: AnthropicServerRecord[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      let body: Record<string, unknown> = {};
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
      } catch {
        sendError(res, 400, 'invalid_request_error', 'request body is not valid JSON');
        return;
      }
      const path = req.url ?? '/';
      requests.push({ method: req.method ?? '', path, headers: req.headers, body });
      const fault = /^\/fault\/([^/]+)\//.exec(path)?.[1];
      const route = fault === undefined ? path : path.slice(`/fault/${fault}`.length);
      if (req.method !== 'POST' || route !== '/v1/messages') {
        sendError(res, 404, 'not_found_error', `Not found: ${req.method} ${path}`);
        return;
      }
      const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
      const key = req.headers['x-api-key'] ?? bearer;
      if (key !== options.apiKey) {
        // Echo the refused key, as some vendors do, so tests can check it is redacted.
        sendError(res, 401, 'authentication_error', `invalid x-api-key: ${String(key)}`);
        return;
      }
      const version = req.headers['anthropic-version'];
      if (typeof version !== 'string' || version === '') {
        sendError(res, 400, 'invalid_request_error', 'anthropic-version: header is required');
        return;
      }
      switch (fault) {
        case 'hang':
          return; // Never answers; the client aborts.
        case '429': {
          const reset = new Date(Date.now() + 60_000).toISOString();
          sendError(
            res,
            429,
            'rate_limit_error',
            'Number of request tokens has exceeded your per-minute rate limit',
            {
              'retry-after': String(RATE_LIMIT_RETRY_AFTER_S),
              'anthropic-ratelimit-requests-limit': '50',
              'anthropic-ratelimit-requests-remaining': '0',
              'anthropic-ratelimit-requests-reset': reset,
            },
          );
          return;
        }
        case '429-reset': {
          const reset = new Date(Date.now() + RATE_LIMIT_RESET_S * 1000).toISOString();
          sendError(res, 429, 'rate_limit_error', 'Output tokens per minute exceeded', {
            'anthropic-ratelimit-tokens-limit': '10000',
            'anthropic-ratelimit-tokens-remaining': '0',
            'anthropic-ratelimit-tokens-reset': reset,
            'anthropic-ratelimit-requests-remaining': '40',
            'anthropic-ratelimit-requests-reset': new Date(Date.now() + 1000).toISOString(),
          });
          return;
        }
        case '529':
          sendError(res, 529, 'overloaded_error', 'Overloaded');
          return;
        case '500':
          sendError(res, 500, 'api_error', 'Internal server error');
          return;
        case '400':
          sendError(res, 400, 'invalid_request_error', 'messages.0.content: Input should be a valid list');
          return;
      }
      const refused = invalid(body, version);
      if (refused !== undefined) {
        sendError(res, 400, 'invalid_request_error', refused);
        return;
      }
      const scripted = options.answer?.(body) ?? 'OK';
      const answer = typeof scripted === 'string' ? { text: scripted } : scripted;
      let text = answer.text;
      const toolUses = answer.toolUses ?? [];
      let stopReason = answer.stopReason ?? (toolUses.length > 0 ? 'tool_use' : 'end_turn');
      let stopSequence: string | null = null;
      for (const s of (body.stop_sequences as string[] | undefined) ?? []) {
        const at = text.indexOf(s);
        if (at >= 0) {
          text = text.slice(0, at);
          stopReason = 'stop_sequence';
          stopSequence = s;
        }
      }
      const limit = body.max_tokens as number;
      if (words(text) > limit) {
        text = text
          .split(/(?<=\s)/)
          .slice(0, limit)
          .join('')
          .trimEnd();
        stopReason = 'max_tokens';
      }
      const prompt = [
        textOf(body.system),
        ...(body.messages as { content: unknown }[]).map((m) => textOf(m.content)),
      ];
      res.writeHead(200, { 'content-type': 'application/json', 'request-id': 'req_ok' });
      res.end(
        JSON.stringify({
          id: `msg_${requests.length}`,
          type: 'message',
          role: 'assistant',
          model: body.model,
          content: [
            ...(text === '' && toolUses.length > 0 ? [] : [{ type: 'text', text, citations: null }]),
            ...toolUses.map((use) => ({ type: 'tool_use', ...use, caller: { type: 'direct' } })),
          ],
          stop_reason: stopReason,
          stop_sequence: stopSequence,
          container: null,
          stop_details: null,
          diagnostics: null,
          usage: {
            input_tokens: answer.inputTokens ?? Math.max(1, words(prompt.join(' '))),
            output_tokens: answer.outputTokens ?? Math.max(1, words(text)),
            cache_creation_input_tokens: 0,
            cache_read_input_tokens: answer.cacheReadInputTokens ?? 0,
          },
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const baseURL = `http://127.0.0.1:${port}`;
  return {
    baseURL,
    faultURL: (kind) => `${baseURL}/fault/${kind}`,
    requests,
    healthyRequests: () => requests.filter((r) => !r.path.startsWith('/fault/')),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
