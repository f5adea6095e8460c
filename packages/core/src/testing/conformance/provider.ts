import { BenchHubError } from '../../errors/benchhub-error.js';
import { ProviderCallError } from '../../errors/provider-call-error.js';
import type {
  FinishReason,
  GenerateRequest,
  GenerateResult,
  LogLikelihoodRequest,
  ModelProviderV1,
} from '../../spec/model-provider.js';

/** A provider, or a promise of one. */
type ProviderFactory = () => ModelProviderV1 | Promise<ModelProviderV1>;

/** What the suite expects of the provider beyond what it declares. */
export interface ProviderConformanceCapabilities {
  /** The provider must declare (true) or not declare (false) chat support. */
  chat?: boolean;
  /** The provider must declare (true) or not declare (false) `logLikelihood`. */
  logLikelihood?: boolean;
  /** The provider must declare (true) or not declare (false) `embed`. */
  embed?: boolean;
  /**
   * Token usage: `reported` (both counts are numbers), `absent` (both `undefined`), or `either`
   * (default). Reported counts are never a fake 0 for a non-empty prompt or answer.
   */
  usage?: 'reported' | 'absent' | 'either';
}

/** Providers wired to fail in known ways; each enables the cases that need it. */
export interface ProviderConformanceFaults {
  /** Calls never answer until aborted (e.g. a server that holds the request). */
  hanging?: ProviderFactory;
  /** Calls get HTTP 429; give `retryAfterMs` when the backend sends a Retry-After. */
  rateLimited?: { create: ProviderFactory; retryAfterMs?: number };
  /** Calls get an HTTP 5xx. */
  serverError?: ProviderFactory;
  /** Calls get an HTTP 4xx other than 408, 409 and 429 (e.g. 400 or 401). */
  badRequest?: ProviderFactory;
}

/** The `describe`/`it` the suite registers its cases with (vitest's by default). */
export interface ProviderConformanceTestApi {
  describe(name: string, body: () => void): void;
  it: {
    (name: string, body: () => Promise<void>, timeout?: number): void;
    skip(name: string, body: () => void): void;
  };
}

/** Options of `runProviderConformance` and `checkProviderConformance`. */
export interface ProviderConformanceOptions {
  /** Names the suite, e.g. `openai`. */
  name: string;
  /** Makes a working provider; called once per case. */
  create: ProviderFactory;
  /** Expectations beyond the provider's own declarations. */
  capabilities?: ProviderConformanceCapabilities;
  /** Failing providers for the error and mid-flight abort cases (cases without one are skipped). */
  faults?: ProviderConformanceFaults;
  /**
   * What the backend received on the latest `generate` call, mapped back to request fields (for an
   * HTTP adapter: parse the captured body, `max_tokens` → `maxTokens`). Enables the check that
   * `stop` and `maxTokens` reach the model.
   */
  lastRequest?: () => Pick<GenerateRequest, 'maxTokens' | 'stop'> | undefined;
  /** Most time an aborted call may take to reject, in milliseconds. Default 1000. */
  abortWithinMs?: number;
  /** Timeout of each case, in milliseconds. Default 15000. */
  timeoutMs?: number;
  /** The test functions to register with. Default: vitest's `describe` and `it`, imported on first use. */
  test?: ProviderConformanceTestApi;
}

/** One case of the suite. */
export interface ProviderConformanceCase {
  /** The `describe` block it belongs to. */
  group: string;
  /** What it checks. */
  name: string;
  /** Why it is skipped, when it is. */
  skip: string | undefined;
  /** Runs the case; rejects with a `BenchHubError` naming the broken rule. */
  run(): Promise<void>;
}

/** The outcome of one case run by `checkProviderConformance`. */
export interface ProviderConformanceOutcome {
  group: string;
  name: string;
  status: 'passed' | 'failed' | 'skipped';
  /** The failure, for a failed case. */
  error?: unknown;
}

const FINISH_REASONS: readonly FinishReason[] = ['stop', 'length', 'content-filter', 'error', 'other'];

function fail(message: string): never {
  throw new BenchHubError(`provider conformance: ${message}`);
}

function check(condition: boolean, message: string): asserts condition {
  if (!condition) fail(message);
}

function show(value: unknown): string {
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

type Settled<T> = { status: 'fulfilled'; value: T } | { status: 'rejected'; reason: unknown };

/** Settles `promise`, or reports `undefined` when it has not settled within `ms`. */
async function within<T>(promise: Promise<T>, ms: number): Promise<Settled<T> | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  const settled = promise.then(
    (value): Settled<T> => ({ status: 'fulfilled', value }),
    (reason: unknown): Settled<T> => ({ status: 'rejected', reason }),
  );
  try {
    return await Promise.race([settled, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function checkCount(value: number | undefined, what: string, nonEmpty: boolean): void {
  if (value === undefined) return;
  check(Number.isInteger(value) && value >= 0, `${what} must be a non-negative integer, got ${value}`);
  check(
    !nonEmpty || value > 0,
    `${what} is 0 for non-empty text: report undefined when the count is unknown, never a fake 0`,
  );
}

function checkResult(result: GenerateResult, options: ProviderConformanceOptions): void {
  check(typeof result === 'object' && result !== null, `generate resolved with ${show(result)}`);
  check(typeof result.text === 'string', `result.text must be a string, got ${show(result.text)}`);
  check(
    FINISH_REASONS.includes(result.finishReason),
    `result.finishReason must be one of ${FINISH_REASONS.join(', ')}, got ${show(result.finishReason)}`,
  );
  check(
    typeof result.usage === 'object' && result.usage !== null,
    'result.usage must be an object (with undefined counts when unknown)',
  );
  checkCount(result.usage.inputTokens, 'usage.inputTokens', true);
  checkCount(result.usage.outputTokens, 'usage.outputTokens', result.text.length > 0);
  const mode = options.capabilities?.usage ?? 'either';
  if (mode === 'reported') {
    check(
      result.usage.inputTokens !== undefined && result.usage.outputTokens !== undefined,
      `usage must be reported, got ${show(result.usage)}`,
    );
  }
  if (mode === 'absent') {
    check(
      result.usage.inputTokens === undefined && result.usage.outputTokens === undefined,
      `usage must be undefined counts (the backend reports none), got ${show(result.usage)}`,
    );
  }
  if (result.latencyMs !== undefined) {
    check(
      Number.isFinite(result.latencyMs) && result.latencyMs >= 0,
      `latencyMs must be >= 0, got ${result.latencyMs}`,
    );
  }
  if (result.logprobs !== undefined) {
    check(Array.isArray(result.logprobs), 'logprobs must be an array when present');
    for (const t of result.logprobs) {
      check(
        typeof t.token === 'string' && Number.isFinite(t.logprob) && t.logprob <= 1e-9,
        `each logprob must be a finite number <= 0 with its token, got ${show(t)}`,
      );
    }
  }
}

/** Expects `promise` to reject with exactly `reason`, within `ms`. */
async function expectAbortReason(promise: Promise<unknown>, reason: Error, ms: number): Promise<void> {
  const settled = await within(promise, ms);
  check(settled !== undefined, `an aborted call was still pending after ${ms} ms`);
  check(settled.status === 'rejected', `an aborted call resolved with ${show(settled)}`);
  check(
    settled.reason === reason,
    `an aborted call must reject with the signal's reason, got ${show(settled.reason)}`,
  );
}

async function expectCallError(
  promise: Promise<unknown>,
  ms: number,
  what: string,
  provider: ModelProviderV1,
): Promise<ProviderCallError> {
  const settled = await within(promise, ms);
  check(settled !== undefined, `${what}: the call was still pending after ${ms} ms`);
  check(settled.status === 'rejected', `${what}: the call resolved instead of failing`);
  const error = settled.reason;
  check(ProviderCallError.isInstance(error), `${what}: errors must be ProviderCallError, got ${show(error)}`);
  check(
    error.provider === provider.providerId && error.model === provider.modelId,
    `${what}: the error must name ${provider.providerId}/${provider.modelId}, got ${error.provider}/${error.model}`,
  );
  return error;
}

function close(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-4 * Math.max(1, Math.abs(a), Math.abs(b));
}

const CHOICES: readonly LogLikelihoodRequest[] = [
  { context: 'The capital of France is', continuation: ' Paris' },
  { context: 'The capital of France is', continuation: ' a banana' },
];

/**
 * The cases of the provider conformance suite, without any test runner: what
 * `runProviderConformance` registers, also runnable with `checkProviderConformance`.
 */
export function providerConformanceCases(options: ProviderConformanceOptions): ProviderConformanceCase[] {
  const abortMs = options.abortWithinMs ?? 1000;
  const callMs = Math.max(abortMs, (options.timeoutMs ?? 15_000) - 1000);
  const cases: ProviderConformanceCase[] = [];
  const add = (group: string, name: string, skip: string | undefined, run: () => Promise<void>): void => {
    cases.push({ group, name, skip, run });
  };
  const expected = options.capabilities ?? {};
  const faults = options.faults ?? {};

  add('contract', "declares specificationVersion 'v1', its ids and capabilities", undefined, async () => {
    const p = await options.create();
    check(
      p.specificationVersion === 'v1',
      `specificationVersion must be 'v1', got ${show(p.specificationVersion)}`,
    );
    check(
      typeof p.providerId === 'string' && p.providerId.trim() !== '',
      'providerId must be a non-empty string',
    );
    check(typeof p.modelId === 'string' && p.modelId.trim() !== '', 'modelId must be a non-empty string');
    const caps = p.capabilities;
    for (const flag of ['generate', 'chat', 'logLikelihood', 'embed'] as const) {
      check(
        typeof caps?.[flag] === 'boolean',
        `capabilities.${flag} must be a boolean, got ${show(caps?.[flag])}`,
      );
    }
    if (caps.maxConcurrency !== undefined) {
      check(
        Number.isInteger(caps.maxConcurrency) && caps.maxConcurrency > 0,
        `capabilities.maxConcurrency must be a positive integer, got ${caps.maxConcurrency}`,
      );
    }
    check(typeof p.generate === 'function', 'generate must be a function');
  });

  add('contract', 'has logLikelihood and embed exactly when its capabilities say so', undefined, async () => {
    const p = await options.create();
    check(
      p.capabilities.logLikelihood === (typeof p.logLikelihood === 'function'),
      `capabilities.logLikelihood is ${p.capabilities.logLikelihood} but logLikelihood is ${typeof p.logLikelihood}`,
    );
    check(
      p.capabilities.embed === (typeof p.embed === 'function'),
      `capabilities.embed is ${p.capabilities.embed} but embed is ${typeof p.embed}`,
    );
  });

  add('contract', 'countTokens, when present, counts like a tokenizer', undefined, async () => {
    const p = await options.create();
    const counter = (p as { countTokens?: unknown }).countTokens;
    if (counter === undefined) return;
    check(typeof counter === 'function', `countTokens must be a function, got ${typeof counter}`);
    const count = (text: string): number => (counter as (t: string) => number).call(p, text);
    const short = count('Hello');
    const long = count('Hello there, this sentence has quite a few more words than the first one.');
    for (const n of [short, long]) {
      check(Number.isInteger(n) && n > 0, `countTokens must give a positive integer for text, got ${n}`);
    }
    check(long > short, `a longer text must count more tokens (${long} vs ${short})`);
    check(count('') === 0, `countTokens('') must be 0, got ${count('')}`);
  });

  const declared = (['chat', 'logLikelihood', 'embed'] as const).filter((k) => expected[k] !== undefined);
  add(
    'contract',
    'declares the expected capabilities',
    declared.length === 0 ? 'no capabilities expected' : undefined,
    async () => {
      const p = await options.create();
      for (const flag of declared) {
        check(p.capabilities[flag] === expected[flag], `capabilities.${flag} must be ${expected[flag]}`);
      }
    },
  );

  add(
    'generate',
    'answers a string prompt with text, finish reason and honest usage',
    undefined,
    async () => {
      const p = await options.create();
      checkResult(await p.generate({ prompt: 'Say hello.', maxTokens: 32 }), options);
    },
  );

  add(
    'generate',
    'answers chat messages, or refuses them clearly when it is not a chat model',
    undefined,
    async () => {
      const p = await options.create();
      const call = p.generate({
        prompt: [
          { role: 'system', content: 'You answer with one letter.' },
          { role: 'user', content: 'Which letter comes first: A or B?' },
        ],
        maxTokens: 8,
      });
      if (p.capabilities.chat) {
        checkResult(await call, options);
        return;
      }
      const error = await expectCallError(call, callMs, 'chat messages to a non-chat provider', p);
      check(!error.isRetryable, 'refusing chat messages is not retryable');
    },
  );

  add('generate', 'accepts stop and maxTokens and passes them on', undefined, async () => {
    const p = await options.create();
    const result = await p.generate({ prompt: 'Count: 1, 2, 3', maxTokens: 16, stop: ['\n\n', 'END'] });
    checkResult(result, options);
    if (options.lastRequest !== undefined) {
      const seen = options.lastRequest();
      check(seen !== undefined, 'lastRequest() saw no request');
      check(seen.maxTokens === 16, `the backend must receive maxTokens 16, got ${show(seen.maxTokens)}`);
      check(
        show(seen.stop) === show(['\n\n', 'END']),
        `the backend must receive stop ["\\n\\n","END"], got ${show(seen.stop)}`,
      );
    }
    check(!result.text.includes('END'), 'the stop sequence must not be part of the text');
  });

  add('generate', 'runs concurrent calls independently', undefined, async () => {
    const p = await options.create();
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => p.generate({ prompt: `Question ${i}: say ${i}.`, maxTokens: 8 })),
    );
    for (const result of results) checkResult(result, options);
  });

  add(
    'cancellation',
    "an already aborted signal rejects at once with the signal's reason",
    undefined,
    async () => {
      const p = await options.create();
      const controller = new AbortController();
      const reason = new Error('conformance: aborted before the call');
      controller.abort(reason);
      await expectAbortReason(
        p.generate({ prompt: 'Say hello.' }, { signal: controller.signal }),
        reason,
        abortMs,
      );
    },
  );

  add('cancellation', 'aborting right after the call starts rejects promptly', undefined, async () => {
    const p = await options.create();
    const controller = new AbortController();
    const reason = new Error('conformance: aborted as the call started');
    const call = p.generate({ prompt: 'Say hello.' }, { signal: controller.signal });
    controller.abort(reason);
    await expectAbortReason(call, reason, abortMs);
  });

  add(
    'cancellation',
    'aborting a call in flight rejects promptly',
    faults.hanging === undefined ? 'no faults.hanging provider given' : undefined,
    async () => {
      const p = await (faults.hanging as ProviderFactory)();
      const controller = new AbortController();
      const reason = new Error('conformance: aborted in flight');
      const call = p.generate({ prompt: 'Say hello.' }, { signal: controller.signal });
      const early = await within(call, 100);
      check(early === undefined, `faults.hanging must not answer, but the call settled: ${show(early)}`);
      controller.abort(reason);
      await expectAbortReason(call, reason, abortMs);
    },
  );

  const rateLimited = faults.rateLimited;
  add(
    'errors',
    'a 429 is a retryable ProviderCallError with statusCode and Retry-After',
    rateLimited === undefined ? 'no faults.rateLimited provider given' : undefined,
    async () => {
      const spec = rateLimited as NonNullable<typeof rateLimited>;
      const p = await spec.create();
      const error = await expectCallError(p.generate({ prompt: 'Say hello.' }), callMs, '429', p);
      check(error.statusCode === 429, `statusCode must be 429, got ${error.statusCode}`);
      check(error.isRetryable, 'a 429 must be retryable');
      if (spec.retryAfterMs !== undefined) {
        check(
          error.retryAfterMs === spec.retryAfterMs,
          `retryAfterMs must be ${spec.retryAfterMs} (from Retry-After), got ${error.retryAfterMs}`,
        );
      }
    },
  );

  add(
    'errors',
    'a 5xx is a retryable ProviderCallError',
    faults.serverError === undefined ? 'no faults.serverError provider given' : undefined,
    async () => {
      const p = await (faults.serverError as ProviderFactory)();
      const error = await expectCallError(p.generate({ prompt: 'Say hello.' }), callMs, '5xx', p);
      check(
        error.statusCode !== undefined && error.statusCode >= 500 && error.statusCode <= 599,
        `statusCode must be 5xx, got ${error.statusCode}`,
      );
      check(error.isRetryable, 'a 5xx must be retryable');
    },
  );

  add(
    'errors',
    'a 4xx request error is a ProviderCallError that is not retryable',
    faults.badRequest === undefined ? 'no faults.badRequest provider given' : undefined,
    async () => {
      const p = await (faults.badRequest as ProviderFactory)();
      const error = await expectCallError(p.generate({ prompt: 'Say hello.' }), callMs, '4xx', p);
      const status = error.statusCode;
      check(
        status !== undefined && status >= 400 && status <= 499 && ![408, 409, 429].includes(status),
        `statusCode must be a 4xx other than 408/409/429, got ${status}`,
      );
      check(!error.isRetryable, `a ${status} must not be retryable`);
    },
  );

  const noLogLikelihood = expected.logLikelihood === false ? 'logLikelihood not expected' : undefined;
  add(
    'logLikelihood',
    'scores each continuation, one result per request in order',
    noLogLikelihood,
    async () => {
      const p = await options.create();
      if (!p.capabilities.logLikelihood || p.logLikelihood === undefined) {
        check(expected.logLikelihood !== true, 'logLikelihood is expected but not declared');
        return;
      }
      const forward = await p.logLikelihood(CHOICES);
      const backward = await p.logLikelihood([...CHOICES].reverse());
      check(Array.isArray(forward) && forward.length === 2, `expected 2 results, got ${show(forward)}`);
      check(Array.isArray(backward) && backward.length === 2, `expected 2 results, got ${show(backward)}`);
      for (const r of [...forward, ...backward]) {
        check(
          Number.isFinite(r.logprob) && r.logprob <= 1e-9 && typeof r.isGreedy === 'boolean',
          `each result needs a finite logprob <= 0 and a boolean isGreedy, got ${show(r)}`,
        );
      }
      check(
        close(forward[0]?.logprob ?? 0, backward[1]?.logprob ?? 1) &&
          close(forward[1]?.logprob ?? 0, backward[0]?.logprob ?? 1),
        `results must follow the order of the requests: ${show(forward)} vs reversed ${show(backward)}`,
      );
      const aborted = new AbortController();
      const reason = new Error('conformance: logLikelihood aborted');
      aborted.abort(reason);
      await expectAbortReason(p.logLikelihood(CHOICES, { signal: aborted.signal }), reason, abortMs);
    },
  );

  const noEmbed = expected.embed === false ? 'embed not expected' : undefined;
  add('embed', 'embeds each text, one vector per text in order', noEmbed, async () => {
    const p = await options.create();
    if (!p.capabilities.embed || p.embed === undefined) {
      check(expected.embed !== true, 'embed is expected but not declared');
      return;
    }
    const texts = ['a cat sat on the mat', 'quarterly revenue grew', 'a cat sat on the mat'];
    const vectors = await p.embed(texts);
    check(Array.isArray(vectors) && vectors.length === 3, `expected 3 vectors, got ${show(vectors?.length)}`);
    const size = vectors[0]?.length ?? 0;
    check(size > 0, 'vectors must not be empty');
    for (const v of vectors) {
      check(
        v.length === size && v.every((x) => Number.isFinite(x)),
        `every vector needs ${size} finite numbers`,
      );
    }
    const same = (a: readonly number[] | undefined, b: readonly number[] | undefined): boolean =>
      a !== undefined &&
      b !== undefined &&
      a.length === b.length &&
      a.every((x, i) => close(x, b[i] ?? Number.NaN));
    check(same(vectors[0], vectors[2]), 'equal texts must get equal vectors');
    const reversed = await p.embed([texts[1] ?? '', texts[0] ?? '']);
    check(
      same(reversed[0], vectors[1]) && same(reversed[1], vectors[0]),
      'vectors must follow the order of the texts',
    );
    const aborted = new AbortController();
    const reason = new Error('conformance: embed aborted');
    aborted.abort(reason);
    await expectAbortReason(p.embed(texts, { signal: aborted.signal }), reason, abortMs);
  });

  return cases;
}

/**
 * Runs the provider conformance cases without a test runner and reports each outcome, e.g. to show
 * that a broken provider fails the suite.
 *
 * @example
 * ```ts
 * const outcomes = await checkProviderConformance({ name: 'mine', create: () => myProvider });
 * const failed = outcomes.filter((o) => o.status === 'failed');
 * ```
 */
export async function checkProviderConformance(
  options: ProviderConformanceOptions,
): Promise<ProviderConformanceOutcome[]> {
  const outcomes: ProviderConformanceOutcome[] = [];
  for (const c of providerConformanceCases(options)) {
    if (c.skip !== undefined) {
      outcomes.push({ group: c.group, name: c.name, status: 'skipped' });
      continue;
    }
    try {
      await c.run();
      outcomes.push({ group: c.group, name: c.name, status: 'passed' });
    } catch (error) {
      outcomes.push({ group: c.group, name: c.name, status: 'failed', error });
    }
  }
  return outcomes;
}

/**
 * Registers the suite every `ModelProviderV1` must pass, as vitest `describe`/`it` blocks: the
 * contract's identity and capability flags, generation with a prompt and with chat messages, `stop`
 * and `maxTokens`, honest usage (reported or `undefined`, never a fake 0), abort via signal (rejecting
 * promptly with the signal's reason), errors as `ProviderCallError` with a sensible `isRetryable`, and
 * `logLikelihood`/`embed` when declared. Cases that need a failing backend run when `faults` provides one.
 *
 * Call it at the top level of a test file with `await` (vitest is imported on first use, so importing
 * `@benchhub/core/testing` never loads a test runner).
 *
 * @example
 * ```ts
 * await runProviderConformance({
 *   name: 'my-adapter',
 *   create: () => createMyProvider({ baseUrl: server.baseUrl }),
 *   capabilities: { usage: 'reported' },
 *   faults: { serverError: () => createMyProvider({ baseUrl: failingServer.baseUrl }) },
 * });
 * ```
 */
export async function runProviderConformance(options: ProviderConformanceOptions): Promise<void> {
  const api: ProviderConformanceTestApi =
    options.test ?? ((await import('vitest')) as unknown as ProviderConformanceTestApi);
  const cases = providerConformanceCases(options);
  const timeout = options.timeoutMs ?? 15_000;
  api.describe(`provider conformance: ${options.name}`, () => {
    const groups = [...new Set(cases.map((c) => c.group))];
    for (const group of groups) {
      api.describe(group, () => {
        for (const c of cases.filter((x) => x.group === group)) {
          if (c.skip === undefined) api.it(c.name, () => c.run(), timeout);
          else api.it.skip(`${c.name} (skipped: ${c.skip})`, () => {});
        }
      });
    }
  });
}
