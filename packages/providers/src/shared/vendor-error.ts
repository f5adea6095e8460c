import { ProviderCallError, parseRetryAfter, type RetryAfterHeaders } from '@benchhub/core';
import { redactSecrets } from './redact.js';

/** What a vendor error says, gathered from whatever shape its SDK throws. */
export interface VendorErrorDetails {
  /** HTTP status, when the request reached a server. */
  status?: number | undefined;
  /** Response headers, for `Retry-After` and the rate-limit reset headers. */
  headers?: RetryAfterHeaders | Readonly<Record<string, string | undefined>> | undefined;
  /** The vendor's own message (from its error body when there is one). */
  message: string;
  /** The response body as received, kept (truncated, secrets removed) on the error. */
  body?: unknown;
  /** The error the SDK threw. */
  cause?: unknown;
}

/** Where the call went, to name it in the error and to say what to fix. */
export interface VendorCallContext {
  providerId: string;
  modelId: string;
  /** The environment variable or option that holds the key, for the 401 hint (e.g. `OPENAI_API_KEY`). */
  keyHint?: string | undefined;
  /** The endpoint, for the 404 hint (never holds credentials). */
  baseURL?: string | undefined;
}

function asHeaders(headers: VendorErrorDetails['headers']): RetryAfterHeaders | undefined {
  if (headers === undefined) return undefined;
  if (typeof (headers as RetryAfterHeaders).get === 'function') return headers as RetryAfterHeaders;
  const record = headers as Readonly<Record<string, string | undefined>>;
  const lower = new Map(Object.entries(record).map(([k, v]) => [k.toLowerCase(), v]));
  return { get: (name) => lower.get(name.toLowerCase()) ?? null };
}

function fixHint(status: number | undefined, context: VendorCallContext): string {
  switch (status) {
    case 401:
      return ` — the API key was refused: check ${context.keyHint ?? 'the apiKey option'}`;
    case 403:
      return ' — the key has no access to this model or endpoint: check its permissions and the project';
    case 404:
      return ` — check the model name "${context.modelId}"${context.baseURL ? ` and the base URL ${context.baseURL}` : ''}`;
    case 400:
    case 422:
      return ' — the request was refused as invalid: check the model parameters in the plan';
    case 413:
      return ' — the request is too large: shorten the prompt or lower maxTokens';
    default:
      return '';
  }
}

function bodyText(body: unknown): string | undefined {
  if (body === undefined || body === null) return undefined;
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  if (text === undefined) return undefined;
  const clean = redactSecrets(text);
  return clean.length > 2000 ? `${clean.slice(0, 2000)}…` : clean;
}

/**
 * Builds the `ProviderCallError` of a failed vendor call: the vendor's message and status, a hint on
 * what to fix for authentication, permission, not-found and invalid-request errors (which are not
 * retryable), `isRetryable` for 408, 409, 429, 5xx and network failures, and `retryAfterMs` from
 * `retry-after-ms`, `Retry-After` or the rate-limit reset headers. Secrets are redacted from the text.
 *
 * @example
 * ```ts
 * throw vendorCallError({ status: e.status, headers: e.headers, message: e.message, cause: e },
 *   { providerId: 'openai', modelId: 'gpt-4o-mini', keyHint: 'OPENAI_API_KEY' });
 * ```
 */
export function vendorCallError(details: VendorErrorDetails, context: VendorCallContext): ProviderCallError {
  const status =
    details.status !== undefined &&
    Number.isInteger(details.status) &&
    details.status >= 100 &&
    details.status <= 599
      ? details.status
      : undefined;
  const headers = asHeaders(details.headers);
  const retryAfterMs = headers === undefined ? undefined : parseRetryAfter(headers);
  const what = status === undefined ? 'request failed' : `HTTP ${status}`;
  const message = redactSecrets(details.message.trim() || 'no message');
  const responseBody = bodyText(details.body);
  return new ProviderCallError(
    `${context.providerId}/${context.modelId}: ${what}: ${message}${fixHint(status, context)}`,
    {
      provider: context.providerId,
      model: context.modelId,
      ...(status === undefined ? {} : { statusCode: status }),
      ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
      ...(responseBody === undefined ? {} : { responseBody }),
      ...(details.cause === undefined ? {} : { cause: details.cause }),
    },
  );
}
