import { ProviderCallError } from '@benchhub/core';
import { redactSecrets, type VendorCallContext, vendorCallError } from '../shared/index.js';

/** The fields of the SDK's `APIError` (and its connection and timeout subclasses) that the mapping reads. */
interface APIErrorLike extends Error {
  status: number | undefined;
  headers: unknown;
  error: unknown;
}

/**
 * Whether `error` has the shape of the SDK's `APIError`. Checked by shape rather than `instanceof`, so
 * errors from a client built with another copy of the `openai` package (the `client` option) map too.
 */
function isAPIError(error: unknown): error is APIErrorLike {
  return error instanceof Error && 'status' in error && 'headers' in error && 'error' in error;
}

function parseJson(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function stringAt(value: unknown, key: string): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const found = (value as Record<string, unknown>)[key];
  return typeof found === 'string' && found.trim() !== '' ? found : undefined;
}

/**
 * The server's own message from an error body: `{"error": {"message"}}` (OpenAI, llama.cpp, Ollama),
 * `{"error": "..."}` (LM Studio), `{"message"}` (vLLM), `{"detail"}` (FastAPI servers).
 */
function bodyMessage(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const inner = (body as Record<string, unknown>).error;
  return (
    stringAt(inner, 'message') ??
    stringAt(body, 'error') ??
    stringAt(body, 'message') ??
    stringAt(body, 'detail')
  );
}

/** The messages of an error's causes (`fetch failed: connect ECONNREFUSED …`), a few levels deep. */
function causeChain(error: Error): string {
  const parts: string[] = [];
  let cause: unknown = error.cause;
  for (let depth = 0; depth < 3 && cause instanceof Error; depth++) {
    const code = (cause as { code?: unknown }).code;
    parts.push(
      typeof code === 'string' && !cause.message.includes(code)
        ? `${cause.message} (${code})`
        : cause.message,
    );
    cause = cause.cause;
  }
  return parts.length === 0 ? '' : ` (${parts.join(': ')})`;
}

/**
 * Turns anything an OpenAI call throws into the adapter's `ProviderCallError`: HTTP errors keep the
 * status, the server's own message and body (read from `bodyOf` when the server's body had no `error`
 * member), and `retryAfterMs` from the headers; connection failures and timeouts are retryable without
 * a status; a body that is not JSON is retryable; anything else is not. Keys are redacted, and an HTTP
 * error does not keep the SDK's error as `cause` (its message can quote the key).
 */
export function toOpenAIError(
  error: unknown,
  context: VendorCallContext,
  bodyOf: (headers: unknown) => string | undefined = () => undefined,
): ProviderCallError {
  if (ProviderCallError.isInstance(error)) return error;
  if (isAPIError(error)) {
    if (error.status === undefined) {
      return vendorCallError({ message: `${error.message}${causeChain(error)}`, cause: error }, context);
    }
    const text = bodyOf(error.headers);
    const parsed = parseJson(text);
    const sdkBody = error.error === undefined || error.error === null ? undefined : { error: error.error };
    const body = parsed ?? text ?? sdkBody;
    const message =
      bodyMessage(parsed) ??
      bodyMessage(sdkBody) ??
      (text?.trim() ? text.trim().slice(0, 500) : undefined) ??
      error.message.replace(/^\d{3}\s+/, '');
    return vendorCallError(
      { status: error.status, headers: error.headers as Headers | undefined, message, body },
      context,
    );
  }
  const text = error instanceof Error ? error.message : String(error);
  if (error instanceof SyntaxError) {
    return new ProviderCallError(
      `${context.providerId}/${context.modelId}: the server's response is not valid JSON: ${redactSecrets(text)}`,
      { provider: context.providerId, model: context.modelId, isRetryable: true, cause: error },
    );
  }
  return new ProviderCallError(`${context.providerId}/${context.modelId}: ${redactSecrets(text)}`, {
    provider: context.providerId,
    model: context.modelId,
    isRetryable: false,
    cause: error,
  });
}

/** A well-formed response that lacks what the call needs: not retryable, since the server will answer alike. */
export function unusableResponse(context: VendorCallContext, what: string): ProviderCallError {
  return new ProviderCallError(`${context.providerId}/${context.modelId}: ${what}`, {
    provider: context.providerId,
    model: context.modelId,
    isRetryable: false,
  });
}
