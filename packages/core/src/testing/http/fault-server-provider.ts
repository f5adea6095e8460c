import { ProviderCallError, type ProviderCallErrorOptions } from '../../errors/provider-call-error.js';
import { createFunctionProvider } from '../../providers/function-provider.js';
import { parseRetryAfter } from '../../providers/retry-after.js';
import type { FinishReason, GenerateRequest, ModelProviderV1 } from '../../spec/model-provider.js';
import type {
  ChatCompletionsErrorBody,
  ChatCompletionsMessage,
  ChatCompletionsRequestBody,
  ChatCompletionsResponseBody,
} from './chat-completions.js';
import { SAMPLE_ID_HEADER } from './fault-server.js';

/** Options of `createFaultServerProvider`. */
export interface FaultServerProviderOptions {
  /** The server's base URL, e.g. `server.baseUrl` (`http://127.0.0.1:PORT/v1`). */
  baseUrl: string;
  /** Model name sent in the body and reported. Default `fault-model`. */
  model?: string;
  /** Provider id reported in results and errors. Default `fault-server`. */
  providerId?: string;
  /** Names the sample of a request; sent as the `x-benchhub-sample-id` header. */
  sampleIdOf?: (request: GenerateRequest) => string | undefined;
  /** Declared concurrency hint (`capabilities.maxConcurrency`). */
  maxConcurrency?: number;
  /** The `fetch` to use. Default: the global one. */
  fetch?: typeof fetch;
}

const FINISH: Readonly<Record<string, FinishReason>> = {
  stop: 'stop',
  length: 'length',
  content_filter: 'content-filter',
  tool_calls: 'other',
};

function toMessages(prompt: GenerateRequest['prompt']): ChatCompletionsMessage[] {
  if (typeof prompt === 'string') return [{ role: 'user', content: prompt }];
  return prompt.map((m) => ({ role: m.role, content: m.content }));
}

function toBody(model: string, request: GenerateRequest): ChatCompletionsRequestBody {
  return {
    ...request.extra,
    model,
    messages: toMessages(request.prompt),
    ...(request.maxTokens === undefined ? {} : { max_tokens: request.maxTokens }),
    ...(request.temperature === undefined ? {} : { temperature: request.temperature }),
    ...(request.topP === undefined ? {} : { top_p: request.topP }),
    ...(request.stop === undefined ? {} : { stop: [...request.stop] }),
    ...(request.seed === undefined ? {} : { seed: request.seed }),
    ...(request.logprobs === undefined ? {} : { logprobs: request.logprobs }),
    ...(request.topLogprobs === undefined ? {} : { top_logprobs: request.topLogprobs }),
  };
}

function truncate(text: string): string {
  return text.length > 500 ? `${text.slice(0, 500)}…` : text;
}

function isCompletion(value: unknown): value is ChatCompletionsResponseBody {
  const choices = (value as { choices?: unknown } | null)?.choices;
  const first = Array.isArray(choices) ? (choices[0] as { message?: { content?: unknown } }) : undefined;
  return typeof first?.message?.content === 'string';
}

/**
 * A `ModelProviderV1` for the fault server (or any endpoint speaking the minimal chat completions
 * format), built with `createFunctionProvider` and `fetch`. HTTP failures become `ProviderCallError`s
 * as a real adapter's would: 429 and 5xx retryable with `retryAfterMs` from `retry-after-ms` or
 * `Retry-After`; other 4xx not retryable; a body that is not a valid completion is a non-retryable error;
 * a network failure is retryable; an aborted call rejects with the signal's reason.
 *
 * @example
 * ```ts
 * const provider = createFaultServerProvider({
 *   baseUrl: server.baseUrl,
 *   sampleIdOf: (request) => /\[sample:(\S+?)\]/.exec(String(request.prompt))?.[1],
 * });
 * const { text } = await provider.generate({ prompt: '[sample:s1] 2+2?' });
 * ```
 */
export function createFaultServerProvider(options: FaultServerProviderOptions): ModelProviderV1 {
  const model = options.model ?? 'fault-model';
  const providerId = options.providerId ?? 'fault-server';
  const endpoint = `${options.baseUrl.replace(/\/+$/, '')}/chat/completions`;
  const { sampleIdOf } = options;
  const fail = (message: string, extra: Omit<ProviderCallErrorOptions, 'provider' | 'model'> = {}) =>
    new ProviderCallError(`${providerId}/${model}: ${message}`, { provider: providerId, model, ...extra });

  return createFunctionProvider(
    async (request, { signal }) => {
      const doFetch = options.fetch ?? fetch;
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      const sampleId = sampleIdOf?.(request);
      if (sampleId !== undefined) headers[SAMPLE_ID_HEADER] = sampleId;
      let response: Response;
      try {
        response = await doFetch(endpoint, {
          method: 'POST',
          headers,
          body: JSON.stringify(toBody(model, request)),
          signal,
        });
      } catch (error) {
        if (signal.aborted) throw signal.reason;
        throw fail(`network error: ${error instanceof Error ? error.message : String(error)}`, {
          isRetryable: true,
          cause: error,
        });
      }
      const text = await response.text();
      if (!response.ok) {
        const retryAfterMs = parseRetryAfter(response.headers);
        let message = `${response.status} ${response.statusText}`;
        try {
          const parsed = JSON.parse(text) as Partial<ChatCompletionsErrorBody>;
          if (typeof parsed.error?.message === 'string') message += `: ${parsed.error.message}`;
        } catch {
          // a non-JSON error body: the status says enough
        }
        throw fail(message, {
          statusCode: response.status,
          responseBody: truncate(text),
          ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
        });
      }
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = undefined;
      }
      if (!isCompletion(parsed)) {
        throw fail('the response body is not a chat completion (malformed JSON or missing choices)', {
          statusCode: response.status,
          isRetryable: false,
          responseBody: truncate(text),
        });
      }
      const choice = parsed.choices[0];
      return {
        text: choice?.message.content ?? '',
        finishReason: FINISH[choice?.finish_reason ?? 'stop'] ?? 'other',
        usage: {
          inputTokens: parsed.usage?.prompt_tokens,
          outputTokens: parsed.usage?.completion_tokens,
        },
      };
    },
    {
      providerId,
      modelId: model,
      ...(options.maxConcurrency === undefined
        ? {}
        : { capabilities: { maxConcurrency: options.maxConcurrency } }),
    },
  );
}
