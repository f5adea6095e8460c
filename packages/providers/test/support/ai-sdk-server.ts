import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * How the server answers chat completions under `/<mode>/v1`:
 * - `ok`: an echo of the last user message (`Echo: ...`), cut at the first stop sequence (finish `stop`)
 *   and at `max_tokens` words (finish `length`), with usage counted in words; `{"answer":"Seoul"}` with a
 *   JSON `response_format`; a call of the named tool, or of the first tool when `tool_choice` is
 *   `required` or the question starts with `Weather` (finish `tool_calls`);
 * - `hang`: never answers (until the client goes away);
 * - `rate-limited`: 429 with `Retry-After: 2`;
 * - `server-error`: 500;
 * - `bad-request`: 400 naming a parameter;
 * - `unauthorized`: 401 whose message echoes the bearer token, as vendors echo part of a refused key.
 * `/ok/v1/embeddings` answers with a deterministic vector per text, in input order.
 */
export type AISdkServerMode =
  | 'ok'
  | 'hang'
  | 'rate-limited'
  | 'server-error'
  | 'bad-request'
  | 'unauthorized';

/** A local OpenAI-style server for the AI SDK bridge tests (127.0.0.1, a free port). */
export interface AISdkTestServer {
  /** The OpenAI-style base URL of a mode, e.g. `http://127.0.0.1:PORT/ok/v1`. */
  url(mode: AISdkServerMode): string;
  /** Bodies of the chat requests answered in `ok` mode, in arrival order. */
  readonly chatBodies: Record<string, unknown>[];
  /** The `input` of each embeddings request, in arrival order. */
  readonly embeddingInputs: string[][];
  /** The `Authorization` header of every request, in arrival order. */
  readonly authorizations: (string | undefined)[];
  /** Stops the server, dropping held connections. */
  close(): Promise<void>;
}

/** Eight numbers derived from a text: equal texts get equal vectors, different ones (almost surely) not. */
export function testVector(text: string): number[] {
  let hash = 2166136261;
  const out: number[] = [];
  for (let i = 0; i < 8; i++) {
    for (const ch of `${i}:${text}`) {
      hash ^= ch.codePointAt(0) ?? 0;
      hash = Math.imul(hash, 16777619) >>> 0;
    }
    out.push((hash % 20001) / 10000 - 1);
  }
  return out;
}

function words(text: string): string[] {
  return text.split(/\s+/).filter((w) => w.length > 0);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

function errorBody(message: string, type: string, code: string | null, param: string | null = null): unknown {
  return { error: { message, type, param, code } };
}

interface ChatMessage {
  role: string;
  content: unknown;
}

function contentText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) {
    return content.map((p: { text?: unknown }) => (typeof p.text === 'string' ? p.text : '')).join('');
  }
  return '';
}

/**
 * The tool the model calls: the one `tool_choice` names, else the first tool when `tool_choice` is
 * `required` or the question is about the weather; `undefined` for a text answer.
 */
function toolToCall(body: Record<string, unknown>, question: string): string | undefined {
  const tools = Array.isArray(body.tools) ? (body.tools as { function?: { name?: string } }[]) : [];
  if (tools.length === 0 || body.tool_choice === 'none') return undefined;
  const named = (body.tool_choice as { function?: { name?: string } } | undefined)?.function?.name;
  if (named !== undefined) return named;
  return body.tool_choice === 'required' || question.startsWith('Weather')
    ? tools[0]?.function?.name
    : undefined;
}

function toolCallAnswer(body: Record<string, unknown>, name: string): unknown {
  return {
    id: 'chatcmpl-tool',
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model: body.model,
    choices: [
      {
        index: 0,
        message: {
          role: 'assistant',
          content: null,
          tool_calls: [{ id: 'call_1', type: 'function', function: { name, arguments: '{"city":"Seoul"}' } }],
        },
        finish_reason: 'tool_calls',
      },
    ],
    usage: { prompt_tokens: 20, completion_tokens: 8, total_tokens: 28 },
  };
}

function chatAnswer(body: Record<string, unknown>): unknown {
  const messages = (Array.isArray(body.messages) ? body.messages : []) as ChatMessage[];
  const lastUser = [...messages].reverse().find((m) => m.role === 'user');
  const tool = toolToCall(body, contentText(lastUser?.content));
  if (tool !== undefined) return toolCallAnswer(body, tool);
  const format = (body.response_format as { type?: string } | undefined)?.type;
  let text =
    format === 'json_schema' || format === 'json_object'
      ? '{"answer":"Seoul"}'
      : `Echo: ${contentText(lastUser?.content)}`;
  let finish = 'stop';
  const stops = Array.isArray(body.stop)
    ? (body.stop as string[])
    : typeof body.stop === 'string'
      ? [body.stop]
      : [];
  for (const stop of stops) {
    const at = text.indexOf(stop);
    if (at >= 0) text = text.slice(0, at);
  }
  const limit = typeof body.max_tokens === 'number' ? body.max_tokens : undefined;
  const answerWords = words(text);
  if (limit !== undefined && answerWords.length > limit) {
    text = answerWords.slice(0, limit).join(' ');
    finish = 'length';
  }
  const promptTokens = Math.max(1, words(messages.map((m) => contentText(m.content)).join(' ')).length);
  const completionTokens = words(text).length;
  return {
    id: `chatcmpl-${Math.random().toString(36).slice(2)}`,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model: body.model,
    choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: finish }],
    usage: {
      prompt_tokens: promptTokens,
      completion_tokens: completionTokens,
      total_tokens: promptTokens + completionTokens,
    },
  };
}

/** Starts the server on 127.0.0.1 and a free port. */
export async function startAISdkTestServer(): Promise<AISdkTestServer> {
  const chatBodies: Record<string, unknown>[] = [];
  const embeddingInputs: string[][] = [];
  const authorizations: (string | undefined)[] = [];

  const server = createServer((req, res) => {
    void (async () => {
      authorizations.push(req.headers.authorization);
      const raw = await readBody(req);
      const match = /^\/([a-z-]+)\/v1(\/[a-z/]+)$/.exec(req.url ?? '');
      const mode = match?.[1];
      const path = match?.[2];
      if (req.method !== 'POST' || match === null) {
        send(res, 404, errorBody(`no route ${req.method} ${req.url}`, 'invalid_request_error', 'not_found'));
        return;
      }
      const body = JSON.parse(raw) as Record<string, unknown>;
      switch (mode) {
        case 'hang':
          return; // hold the request open; the client aborts or the server closes it
        case 'rate-limited':
          send(
            res,
            429,
            errorBody('Rate limit reached for requests per minute', 'requests', 'rate_limit_exceeded'),
            { 'retry-after': '2' },
          );
          return;
        case 'server-error':
          send(
            res,
            500,
            errorBody('The server had an error while processing your request.', 'server_error', null),
          );
          return;
        case 'bad-request':
          send(
            res,
            400,
            errorBody(
              "Invalid value for 'temperature': must be at most 2.",
              'invalid_request_error',
              null,
              'temperature',
            ),
          );
          return;
        case 'unauthorized': {
          const key = (req.headers.authorization ?? '').replace(/^Bearer /, '');
          send(
            res,
            401,
            errorBody(
              `Incorrect API key provided: ${key}. Check your key.`,
              'invalid_request_error',
              'invalid_api_key',
            ),
          );
          return;
        }
        case 'ok':
          break;
        default:
          send(res, 404, errorBody(`unknown mode ${mode}`, 'invalid_request_error', 'not_found'));
          return;
      }
      if (path === '/chat/completions') {
        chatBodies.push(body);
        send(res, 200, chatAnswer(body));
        return;
      }
      if (path === '/embeddings') {
        const input = (Array.isArray(body.input) ? body.input : [body.input]) as string[];
        embeddingInputs.push(input);
        send(res, 200, {
          object: 'list',
          model: body.model,
          data: input.map((text, index) => ({ object: 'embedding', index, embedding: testVector(text) })),
          usage: { prompt_tokens: input.length, total_tokens: input.length },
        });
        return;
      }
      send(res, 404, errorBody(`no route ${path}`, 'invalid_request_error', 'not_found'));
    })().catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, errorBody(String(error), 'server_error', null));
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (mode) => `http://127.0.0.1:${port}/${mode}/v1`,
    chatBodies,
    embeddingInputs,
    authorizations,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
