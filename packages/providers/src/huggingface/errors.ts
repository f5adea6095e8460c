import { ProviderCallError } from '@benchhub/core';
import { redactSecrets, type VendorCallContext, vendorCallError } from '../shared/index.js';

/** The fields of the SDK's errors the mapping reads (duck-typed, so any copy of the SDK fits). */
interface HuggingFaceErrorLike {
  name?: unknown;
  message?: unknown;
  httpResponse?: { status?: unknown; body?: unknown; requestId?: unknown };
}

/** What the failed call was doing, for the messages that say what to fix. */
export interface HuggingFaceFailureContext extends VendorCallContext {
  /** The task, as the SDK names it (`chat completion`, `text generation`, `feature extraction`). */
  task: string;
  /** The headers of the last response the call received (the SDK's errors carry none). */
  lastResponse: { status: number; headers: { get(name: string): string | null } } | undefined;
  /** The call's own time limit, in milliseconds. */
  timeoutMs: number;
}

/**
 * The vendor's own words from an error body: `{error: "…"}` (TGI, the Hub, the router), `{error:
 * {message}}` (OpenAI-style servers), `{message}`, `{detail}` (FastAPI, possibly a list of problems), or
 * a plain text body.
 */
export function vendorMessage(body: unknown): string | undefined {
  if (typeof body === 'string') return body.trim() === '' ? undefined : body.trim();
  if (typeof body !== 'object' || body === null) return undefined;
  const b = body as { error?: unknown; message?: unknown; detail?: unknown };
  if (typeof b.error === 'string') return b.error;
  const nested = (b.error as { message?: unknown } | null | undefined)?.message;
  if (typeof nested === 'string') return nested;
  if (typeof b.message === 'string') return b.message;
  if (typeof b.detail === 'string') return b.detail;
  if (Array.isArray(b.detail)) {
    return b.detail
      .map((d) => (typeof d === 'object' && d !== null && 'msg' in d ? String(d.msg) : JSON.stringify(d)))
      .join('; ');
  }
  return undefined;
}

function refused(message: string, context: VendorCallContext, cause: unknown): ProviderCallError {
  return new ProviderCallError(`${context.providerId}/${context.modelId}: ${redactSecrets(message)}`, {
    provider: context.providerId,
    model: context.modelId,
    isRetryable: false,
    cause,
  });
}

/**
 * Maps what `@huggingface/inference` throws to a `ProviderCallError`. HTTP errors
 * (`InferenceClientProviderApiError`, `InferenceClientHubApiError`) keep the status, the vendor's own
 * message (not the SDK's paraphrase), the body (secrets redacted) and `retryAfterMs` from the headers of
 * the response recorded by the adapter's `fetch`; 401 names `HF_TOKEN`. The SDK's error is not kept as
 * `cause` for them (a body may echo a refused key). An answer in an unexpected format
 * (`InferenceClientProviderOutputError`), a refused input or route are not retryable; network failures
 * and the call's own timeout are.
 */
export function toHuggingFaceError(error: unknown, context: HuggingFaceFailureContext): ProviderCallError {
  if (ProviderCallError.isInstance(error)) return error;
  const e = (typeof error === 'object' && error !== null ? error : {}) as HuggingFaceErrorLike;
  const message = typeof e.message === 'string' ? e.message : String(error);
  const status = e.httpResponse?.status;
  if (typeof status === 'number') {
    const body = e.httpResponse?.body;
    const last = context.lastResponse;
    return vendorCallError(
      {
        status,
        headers: last !== undefined && last.status === status ? last.headers : undefined,
        message: vendorMessage(body) ?? message,
        body: body === '' ? undefined : body,
      },
      context,
    );
  }
  switch (e.name) {
    case 'TimeoutError':
      return vendorCallError(
        { message: `no answer within ${context.timeoutMs} ms (timeoutMs)`, cause: error },
        context,
      );
    case 'ProviderOutputError':
      return refused(
        `the answer is not a ${context.task} result (${message}): check that ${context.baseURL ?? 'the provider'} serves the ${context.task} task for this model`,
        context,
        error,
      );
    case 'RoutingError':
      return refused(
        `${message} — the router's automatic provider selection needs a Hugging Face token (hf_…): set HF_TOKEN, or name the provider whose key you pass`,
        context,
        error,
      );
    case 'InputError':
      return refused(message, context, error);
  }
  const cause = (error as { cause?: unknown }).cause;
  const detail = cause instanceof Error && cause.message !== message ? `: ${cause.message}` : '';
  return vendorCallError({ message: `${message}${detail}`, cause: error }, context);
}
