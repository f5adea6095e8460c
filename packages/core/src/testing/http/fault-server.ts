import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BenchHubError } from '../../errors/benchhub-error.js';
import {
  type ChatCompletionsErrorBody,
  type ChatCompletionsFinishReason,
  type ChatCompletionsRequestBody,
  type ChatCompletionsResponseBody,
  estimateTokens,
  isChatCompletionsRequest,
} from './chat-completions.js';
import {
  createAttemptCounter,
  createFaultPlan,
  type Fault,
  type FaultKind,
  type FaultMix,
  type FaultScript,
} from './fault-plan.js';
import { createLatencySampler, type LatencySpec } from './latency.js';

/** The header a client may send to name the sample a request belongs to. */
export const SAMPLE_ID_HEADER = 'x-benchhub-sample-id';

/** A request as `answer` sees it. */
export interface FaultServerRequest {
  /** 0-based arrival order. */
  index: number;
  /** The sample named by the request (header or `[sample:ID]` marker), if any. */
  sampleId: string | undefined;
  /** 1-based attempt of this sample (its requests so far, this one included). */
  attempt: number;
  /** The parsed body. */
  body: ChatCompletionsRequestBody;
  /** The messages' contents joined by newlines. */
  prompt: string;
}

/** An answer: the text, or the text with a finish reason and token counts. */
export type FaultServerAnswer =
  | string
  | {
      text: string;
      finishReason?: ChatCompletionsFinishReason;
      usage?: { promptTokens: number; completionTokens: number };
    };

/** Options of `startFaultServer`. */
export interface FaultServerOptions {
  /** Wait before answering (and before a 500 or a malformed body), fixed or seeded. Default 0. */
  latencyMs?: LatencySpec;
  /** Fraction of requests that fail, in [0, 1]. Default 0. */
  faultRate?: number;
  /** Seed of fault and latency draws. Fault draws depend on (seed, sample, attempt) only. Default 1. */
  seed?: number;
  /** Weights of the fault kinds. Default: 429, 500 and timeouts alike. */
  faultMix?: FaultMix;
  /** Retry-After of injected 429s in milliseconds (sent as `Retry-After` seconds, rounded up, and `retry-after-ms`). Default 1000. */
  retryAfterMs?: number;
  /** Scripted faults by arrival index or by (sample, attempt); win over `faultRate`. */
  script?: FaultScript;
  /** Requests beyond this many in flight get an immediate 429 (a rate limit the client cannot see). */
  hiddenConcurrencyCap?: number;
  /** Retry-After sent with the over-cap 429s, in milliseconds. Default: none (like many real gateways). */
  capRetryAfterMs?: number;
  /** Computes the answer text. Default: `OK`. */
  answer?: (request: FaultServerRequest) => FaultServerAnswer | Promise<FaultServerAnswer>;
  /** Finds the sample of a request. Default: the `x-benchhub-sample-id` header, else a `[sample:ID]` marker in a message. */
  sampleIdOf?: (body: ChatCompletionsRequestBody, headers: IncomingHttpHeaders) => string | undefined;
  /** The server's clock for the records, in milliseconds. Default `performance.now()`. */
  now?: () => number;
  /** Interface to listen on. Default `127.0.0.1`. */
  host?: string;
  /** Port. Default 0 (any free port). */
  port?: number;
}

/** How the server treated one request. */
export type FaultServerOutcome = FaultKind | 'over-cap' | 'bad-request' | 'not-found' | 'answered';

/** One request as the server saw it, with the server's timestamps. */
export interface FaultServerRecord {
  /** 0-based arrival order. */
  index: number;
  /** The sample the request names, if any. */
  sampleId: string | undefined;
  /** 1-based attempt of this sample. */
  attempt: number;
  /** What the server did with it. */
  outcome: FaultServerOutcome;
  /** The Retry-After the server sent, in milliseconds. */
  retryAfterMs: number | undefined;
  /** When the request arrived, by the server's clock. */
  arrivedAt: number;
  /** When the response was sent; `undefined` if none was (timeouts, client aborts). */
  respondedAt: number | undefined;
  /** The HTTP status sent. */
  status: number | undefined;
  /** The client went away before the response was sent. */
  aborted: boolean;
  /** Requests in flight when this one arrived (itself included; over-cap ones are never in flight). */
  inFlightAtArrival: number;
  /** The parsed body, when it was valid. */
  body: ChatCompletionsRequestBody | undefined;
}

/** A running fault server. */
export interface FaultServer {
  /** `http://127.0.0.1:PORT`. */
  readonly url: string;
  /** `http://127.0.0.1:PORT/v1`, the base URL OpenAI-style clients take. */
  readonly baseUrl: string;
  /** Every request so far, in arrival order. */
  readonly records: readonly FaultServerRecord[];
  /** Requests so far. */
  readonly requestCount: number;
  /** Requests being worked on now (over-cap 429s excluded). */
  readonly inFlight: number;
  /** The most requests in flight at once. */
  readonly maxInFlight: number;
  /** Requests that named this sample. */
  requestsFor(sampleId: string): number;
  /** Requests per sample id. */
  requestsBySample(): Map<string, number>;
  /** How many responses had each status. */
  statusCounts(): Map<number, number>;
  /** Forgets records, counts and attempts (in-flight requests still finish). */
  reset(): void;
  /** Ends every socket (held requests included) and stops listening. */
  close(): Promise<void>;
}

const SAMPLE_MARKER = /\[sample:([^\]\s]+)\]/;

function defaultSampleId(body: ChatCompletionsRequestBody, headers: IncomingHttpHeaders): string | undefined {
  const header = headers[SAMPLE_ID_HEADER];
  if (typeof header === 'string' && header !== '') return header;
  for (const message of body.messages) {
    const match = SAMPLE_MARKER.exec(message.content);
    if (match?.[1] !== undefined) return match[1];
  }
  return undefined;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function applyLimits(
  text: string,
  body: ChatCompletionsRequestBody,
): { text: string; finishReason?: ChatCompletionsFinishReason } {
  let out = text;
  for (const stop of body.stop ?? []) {
    const at = stop === '' ? -1 : out.indexOf(stop);
    if (at >= 0) out = out.slice(0, at);
  }
  if (body.max_tokens !== undefined && estimateTokens(out) > body.max_tokens) {
    return { text: out.slice(0, body.max_tokens * 4), finishReason: 'length' };
  }
  return { text: out };
}

/**
 * Starts a local model server that speaks a minimal OpenAI chat completions API
 * (`POST /v1/chat/completions`) and misbehaves on purpose: seeded or scripted 429s with Retry-After,
 * 500s, timeouts (the request is held until the client aborts) and malformed bodies, and 429s above a
 * hidden concurrency cap. It counts requests per sample, tracks requests in flight and their maximum,
 * and timestamps everything by its own clock, so tests can check what a client really did.
 *
 * @example
 * ```ts
 * const server = await startFaultServer({ latencyMs: 20, faultRate: 0.3, seed: 7, answer: () => 'Answer: A' });
 * const provider = createFaultServerProvider({ baseUrl: server.baseUrl });
 * // ... run an evaluation with `provider` ...
 * expect(server.maxInFlight).toBeLessThanOrEqual(8);
 * await server.close();
 * ```
 */
export async function startFaultServer(options: FaultServerOptions = {}): Promise<FaultServer> {
  const now = options.now ?? (() => performance.now());
  const seed = options.seed ?? 1;
  const nextLatency = createLatencySampler(options.latencyMs ?? 0, seed);
  const faultPlan = createFaultPlan({
    rate: options.faultRate ?? 0,
    seed,
    ...(options.faultMix === undefined ? {} : { mix: options.faultMix }),
    ...(options.retryAfterMs === undefined ? {} : { retryAfterMs: options.retryAfterMs }),
    ...(options.script === undefined ? {} : { script: options.script }),
  });
  const cap = options.hiddenConcurrencyCap;
  if (cap !== undefined && (!Number.isInteger(cap) || cap < 1)) {
    throw new BenchHubError(`startFaultServer: hiddenConcurrencyCap must be a positive integer, got ${cap}`);
  }
  const answer = options.answer ?? (() => 'OK');
  const sampleIdOf = options.sampleIdOf ?? defaultSampleId;

  const records: FaultServerRecord[] = [];
  const perSample = new Map<string, number>();
  const statuses = new Map<number, number>();
  const attempts = createAttemptCounter();
  const timers = new Set<NodeJS.Timeout>();
  let inFlight = 0;
  let maxInFlight = 0;
  let generation = 0;

  function send(
    res: ServerResponse,
    record: FaultServerRecord,
    status: number,
    body: string,
    headers: Record<string, string> = {},
  ): void {
    if (res.destroyed || res.writableEnded) return;
    record.status = status;
    record.respondedAt = now();
    statuses.set(status, (statuses.get(status) ?? 0) + 1);
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(body);
  }

  function errorBody(message: string, type: string): string {
    const body: ChatCompletionsErrorBody = { error: { message, type } };
    return JSON.stringify(body);
  }

  function sleep(ms: number, res: ServerResponse): Promise<boolean> {
    if (ms <= 0) return Promise.resolve(!res.destroyed);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        res.off('close', onClose);
        resolve(!res.destroyed);
      }, ms);
      const onClose = (): void => {
        clearTimeout(timer);
        timers.delete(timer);
        resolve(false);
      };
      timers.add(timer);
      res.once('close', onClose);
    });
  }

  async function answerRequest(
    res: ServerResponse,
    record: FaultServerRecord,
    fault: Fault | undefined,
    request: FaultServerRequest,
  ): Promise<void> {
    if (fault?.kind === 'rate-limit') {
      const ms = fault.retryAfterMs ?? 1000;
      record.retryAfterMs = ms;
      send(res, record, 429, errorBody('Rate limit reached (injected)', 'rate_limit_exceeded'), {
        'retry-after': String(Math.ceil(ms / 1000)),
        'retry-after-ms': String(ms),
      });
      return;
    }
    if (fault?.kind === 'timeout') return; // held until the client gives up
    const alive = await sleep(nextLatency(), res);
    if (!alive) return;
    if (fault?.kind === 'server-error') {
      send(
        res,
        record,
        fault.statusCode ?? 500,
        errorBody('Internal server error (injected)', 'server_error'),
      );
      return;
    }
    if (fault?.kind === 'malformed') {
      send(res, record, 200, '{"id":"chatcmpl-broken","choices":[{"message":{"content":"Ans');
      return;
    }
    const given = await answer(request);
    const full = typeof given === 'string' ? { text: given } : given;
    const limited = applyLimits(full.text, request.body);
    const promptTokens = full.usage?.promptTokens ?? estimateTokens(request.prompt);
    const completionTokens = full.usage?.completionTokens ?? estimateTokens(limited.text);
    const body: ChatCompletionsResponseBody = {
      id: `chatcmpl-${record.index}`,
      object: 'chat.completion',
      created: Math.floor(Date.now() / 1000),
      model: request.body.model,
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content: limited.text },
          finish_reason: limited.finishReason ?? full.finishReason ?? 'stop',
        },
      ],
      usage: {
        prompt_tokens: promptTokens,
        completion_tokens: completionTokens,
        total_tokens: promptTokens + completionTokens,
      },
    };
    send(res, record, 200, JSON.stringify(body));
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const arrivedAt = now();
    const text = await readBody(req);
    const record: FaultServerRecord = {
      index: records.length,
      sampleId: undefined,
      attempt: 1,
      outcome: 'answered',
      retryAfterMs: undefined,
      arrivedAt,
      respondedAt: undefined,
      status: undefined,
      aborted: false,
      inFlightAtArrival: inFlight,
      body: undefined,
    };
    records.push(record);
    const path = (req.url ?? '').split('?')[0];
    if (req.method !== 'POST' || (path !== '/v1/chat/completions' && path !== '/chat/completions')) {
      record.outcome = 'not-found';
      send(res, record, 404, errorBody(`no route ${req.method} ${path}`, 'invalid_request_error'));
      return;
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    if (!isChatCompletionsRequest(body)) {
      record.outcome = 'bad-request';
      send(
        res,
        record,
        400,
        errorBody(
          'the body must be JSON with `model` and `messages` [{role, content}]',
          'invalid_request_error',
        ),
      );
      return;
    }
    record.body = body;
    const prompt = body.messages.map((m) => m.content).join('\n');
    const sampleId = sampleIdOf(body, req.headers);
    record.sampleId = sampleId;
    if (sampleId !== undefined) perSample.set(sampleId, (perSample.get(sampleId) ?? 0) + 1);
    const sampleKey = sampleId ?? prompt;
    record.attempt = attempts.next(sampleKey);

    if (cap !== undefined && inFlight >= cap) {
      record.outcome = 'over-cap';
      const ms = options.capRetryAfterMs;
      record.retryAfterMs = ms;
      send(
        res,
        record,
        429,
        errorBody('Too many concurrent requests', 'rate_limit_exceeded'),
        ms === undefined ? {} : { 'retry-after': String(Math.ceil(ms / 1000)), 'retry-after-ms': String(ms) },
      );
      return;
    }

    const fault = faultPlan({ index: record.index, attempt: record.attempt, sampleKey });
    if (fault !== undefined) record.outcome = fault.kind;
    inFlight += 1;
    record.inFlightAtArrival = inFlight;
    if (inFlight > maxInFlight) maxInFlight = inFlight;
    const startedIn = generation;
    let done = false;
    const finish = (): void => {
      if (done) return;
      done = true;
      if (startedIn === generation) inFlight -= 1;
      if (record.respondedAt === undefined) record.aborted = true;
    };
    res.once('close', finish);
    res.once('finish', finish);
    const request: FaultServerRequest = {
      index: record.index,
      sampleId,
      attempt: record.attempt,
      body,
      prompt,
    };
    await answerRequest(res, record, fault, request);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      if (!res.headersSent && !res.destroyed) {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(errorBody(`fault server: answer failed: ${message}`, 'server_error'));
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port, address } = server.address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]` : address;
  const url = `http://${host}:${port}`;

  return {
    url,
    baseUrl: `${url}/v1`,
    records,
    get requestCount() {
      return records.length;
    },
    get inFlight() {
      return inFlight;
    },
    get maxInFlight() {
      return maxInFlight;
    },
    requestsFor(sampleId) {
      return perSample.get(sampleId) ?? 0;
    },
    requestsBySample() {
      return new Map(perSample);
    },
    statusCounts() {
      return new Map(statuses);
    },
    reset() {
      records.length = 0;
      perSample.clear();
      statuses.clear();
      attempts.reset();
      generation += 1;
      inFlight = 0;
      maxInFlight = 0;
    },
    close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      return new Promise<void>((resolve, reject) => {
        server.close((error) => (error === undefined ? resolve() : reject(error)));
        server.closeAllConnections();
      });
    },
  };
}
