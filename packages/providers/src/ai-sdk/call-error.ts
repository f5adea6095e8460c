import { ProviderCallError } from '@benchhub/core';
import { redactSecrets, type VendorCallContext, vendorCallError } from '../shared/index.js';

/**
 * Whether `error` is the AI SDK error named `name` (`AI_APICallError`…), from any copy of the AI SDK:
 * the check the SDK's own `isInstance` makes, through its `Symbol.for` marker, with no import.
 */
function isAISdkError(error: unknown, name: string): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as Record<symbol, unknown>)[Symbol.for(`vercel.ai.error.${name}`)] === true
  );
}

/** AI SDK errors a retry cannot fix, with what to do about each. */
const FIXES: Readonly<Record<string, string>> = {
  AI_LoadSettingError: 'pass the missing setting to the AI SDK provider factory that built the model',
  AI_NoSuchModelError: 'check the model id given to the AI SDK provider',
  AI_UnsupportedFunctionalityError:
    'the model cannot do what the request asks: drop that parameter or use another model',
  AI_InvalidArgumentError: 'the request was refused as invalid: check the model parameters in the plan',
  AI_InvalidPromptError: 'the prompt was refused as invalid: check the prompt template of the plan',
  AI_TooManyEmbeddingValuesForCallError: 'send fewer texts per embed() call',
  AI_InvalidResponseDataError: 'the server answered with data the AI SDK provider cannot read',
  AI_JSONParseError: 'the server answered with JSON the AI SDK provider cannot parse',
  AI_TypeValidationError: 'the server answered in a shape the AI SDK provider does not expect',
  AI_EmptyResponseBodyError: 'the server answered with an empty body',
  AI_NoContentGeneratedError: 'the model generated no content',
};

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);

/** A connection failure thrown by `fetch` itself (a model that does not wrap it in an `APICallError`). */
function isNetworkError(error: unknown): boolean {
  for (let e = error, depth = 0; typeof e === 'object' && e !== null && depth < 4; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && NETWORK_CODES.has(code)) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return (
    (error instanceof TypeError && error.message === 'fetch failed') ||
    (error instanceof Error && error.name === 'TimeoutError')
  );
}

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}

function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'string') return error;
  return String(error);
}

/** The endpoint of a failed request without query string or credentials, for the 404 hint. */
function endpoint(url: unknown): string | undefined {
  if (typeof url !== 'string') return undefined;
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    return undefined;
  }
}

interface HttpErrorShape {
  statusCode?: unknown;
  responseHeaders?: unknown;
  responseBody?: unknown;
  url?: unknown;
}

/**
 * Turns what an AI SDK model threw into BenchHub's `ProviderCallError`:
 * - an HTTP failure (`APICallError`, or any AI SDK error with a `statusCode` such as the gateway's) keeps
 *   its status, `isRetryable` follows the status (408, 409, 429, 5xx; a failure before any status is a
 *   network error and retryable), `retryAfterMs` comes from the response headers, and 401/403/404/400
 *   name what to fix; the SDK error is not kept as `cause`, since its body may echo the key;
 * - a `RetryError` (from code that called `generateText` with retries) is mapped through its last error;
 * - configuration and response errors (`LoadAPIKeyError`, `NoSuchModelError`, `InvalidResponseDataError`…)
 *   are not retryable and say what to fix;
 * - anything else is retryable only when it is a network failure or says `isRetryable: true`.
 * Text is redacted of anything that looks like a key. A `ProviderCallError` passes through.
 */
export function aiSdkCallError(error: unknown, context: VendorCallContext): ProviderCallError {
  if (ProviderCallError.isInstance(error)) return error;
  if (isAISdkError(error, 'AI_RetryError')) {
    const last = (error as { lastError?: unknown }).lastError;
    if (last !== undefined && last !== error) return aiSdkCallError(last, context);
  }
  const http = (typeof error === 'object' && error !== null ? error : {}) as HttpErrorShape;
  const isApiCall = isAISdkError(error, 'AI_APICallError');
  if (isApiCall || typeof http.statusCode === 'number') {
    const headers =
      typeof http.responseHeaders === 'object' && http.responseHeaders !== null
        ? (http.responseHeaders as Readonly<Record<string, string | undefined>>)
        : undefined;
    const baseURL = endpoint(http.url);
    return vendorCallError(
      {
        status: typeof http.statusCode === 'number' ? http.statusCode : undefined,
        headers,
        message: errorMessage(error),
        body: http.responseBody,
        // A connection failure keeps its cause (no response, nothing echoed); a response does not.
        cause: http.statusCode === undefined ? (error as { cause?: unknown }).cause : undefined,
      },
      { ...context, ...(baseURL === undefined ? {} : { baseURL }) },
    );
  }
  const name = errorName(error);
  const fix =
    isAISdkError(error, 'AI_LoadAPIKeyError') || name === 'AI_LoadAPIKeyError'
      ? `the API key is missing: check ${context.keyHint ?? 'the apiKey option of the AI SDK provider factory'} (BenchHub reads no environment variable)`
      : FIXES[name];
  const retryable =
    fix === undefined &&
    (isNetworkError(error) || (error as { isRetryable?: unknown })?.isRetryable === true);
  return new ProviderCallError(
    `${context.providerId}/${context.modelId}: ${name}: ${redactSecrets(errorMessage(error).trim() || 'no message')}${fix === undefined ? '' : ` — ${fix}`}`,
    { provider: context.providerId, model: context.modelId, isRetryable: retryable, cause: error },
  );
}
