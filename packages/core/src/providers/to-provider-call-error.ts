import { ProviderCallError } from '../errors/provider-call-error.js';

function numberField(value: object, key: string): number | undefined {
  const field = (value as Record<string, unknown>)[key];
  return typeof field === 'number' && Number.isFinite(field) ? field : undefined;
}

/**
 * Turns anything a provider call threw into a `ProviderCallError` naming the provider and model.
 * A `ProviderCallError` passes through unchanged. Otherwise the error is kept as `cause`, and
 * `isRetryable` is true only when the thrown value says so itself (`isRetryable: true`, as vendor
 * SDK errors do); `statusCode` (or `status`) and `retryAfterMs` are carried over when present.
 *
 * @example
 * ```ts
 * try { return await client.call(); } catch (e) { throw toProviderCallError(e, 'acme', 'acme-large'); }
 * ```
 */
export function toProviderCallError(error: unknown, providerId: string, modelId: string): ProviderCallError {
  if (ProviderCallError.isInstance(error)) return error;
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const isObject = typeof error === 'object' && error !== null;
  const status = isObject ? (numberField(error, 'statusCode') ?? numberField(error, 'status')) : undefined;
  const retryAfterMs = isObject ? numberField(error, 'retryAfterMs') : undefined;
  return new ProviderCallError(`${providerId}/${modelId} call failed: ${detail}`, {
    provider: providerId,
    model: modelId,
    cause: error,
    isRetryable: isObject && (error as { isRetryable?: unknown }).isRetryable === true,
    ...(status !== undefined && Number.isInteger(status) && status >= 100 && status <= 599
      ? { statusCode: status }
      : {}),
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
  });
}
