import { ProviderCallError } from '@benchhub/core';
import { redactSecrets, type VendorCallContext, vendorCallError } from '../shared/index.js';

/** The fields of the SDK's `APIError` the mapping reads (duck-typed, so any copy of the SDK fits). */
interface AnthropicApiErrorLike {
  name?: unknown;
  message?: unknown;
  status?: unknown;
  headers?: { get(name: string): string | null } | undefined;
  error?: unknown;
  requestID?: unknown;
}

/** The SDK's errors for a request that never got an answer: worth retrying. */
const CONNECTION_ERRORS = new Set(['APIConnectionError', 'APIConnectionTimeoutError']);

/** `{ type: 'error', error: { type, message } }`: the vendor's own words, e.g. `overloaded_error: Overloaded`. */
function bodyMessage(body: unknown): string | undefined {
  const inner = (body as { error?: { type?: unknown; message?: unknown } } | null | undefined)?.error;
  if (typeof inner?.message !== 'string') return undefined;
  return typeof inner.type === 'string' ? `${inner.type}: ${inner.message}` : inner.message;
}

/**
 * Maps what the Anthropic SDK throws to a `ProviderCallError`. HTTP errors keep the status, the
 * vendor's message and error type, the body (secrets redacted) and `retryAfterMs` from `retry-after` or
 * the `anthropic-ratelimit-*-reset` headers; 529 (overloaded) and other 5xx, 408, 409 and 429 are
 * retryable, and 401 names `ANTHROPIC_API_KEY`. The SDK's error is not kept as `cause` for HTTP errors
 * (its message may echo a refused key). Connection failures and timeouts are retryable; anything else
 * (a refused option, a programming error) is not.
 */
export function toAnthropicError(error: unknown, context: VendorCallContext): ProviderCallError {
  if (ProviderCallError.isInstance(error)) return error;
  const e = (typeof error === 'object' && error !== null ? error : {}) as AnthropicApiErrorLike;
  const message = typeof e.message === 'string' ? e.message : String(error);
  if (typeof e.status === 'number') {
    const requestId = typeof e.requestID === 'string' ? ` (request-id ${e.requestID})` : '';
    return vendorCallError(
      {
        status: e.status,
        headers: e.headers,
        message: `${bodyMessage(e.error) ?? message}${requestId}`,
        body: e.error,
      },
      context,
    );
  }
  if (typeof e.name === 'string' && CONNECTION_ERRORS.has(e.name)) {
    const cause = (error as { cause?: unknown }).cause;
    const detail = cause instanceof Error && cause.message !== message ? `: ${cause.message}` : '';
    return vendorCallError({ message: `${message}${detail}`, cause: error }, context);
  }
  return new ProviderCallError(`${context.providerId}/${context.modelId}: ${redactSecrets(message)}`, {
    provider: context.providerId,
    model: context.modelId,
    isRetryable: false,
    cause: error,
  });
}
