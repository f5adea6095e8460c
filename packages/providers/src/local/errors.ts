import { ProviderCallError } from '@benchhub/core';

/** The provider and model an error names. */
export interface LocalIds {
  providerId: string;
  modelId: string;
}

/**
 * A failed local call as a `ProviderCallError` naming the provider and model. Local failures (a missing
 * file, a prompt longer than the context, a refused chat prompt) do not go away on a retry, so they are
 * not retryable unless the caller says otherwise.
 */
export function localCallError(
  ids: LocalIds,
  message: string,
  options: { cause?: unknown; isRetryable?: boolean } = {},
): ProviderCallError {
  return new ProviderCallError(`${ids.providerId}/${ids.modelId}: ${message}`, {
    provider: ids.providerId,
    model: ids.modelId,
    isRetryable: options.isRetryable ?? false,
    ...(options.cause === undefined ? {} : { cause: options.cause }),
  });
}

/** Anything a node-llama-cpp call threw, as a `ProviderCallError` (already converted errors pass through). */
export function toLocalCallError(ids: LocalIds, error: unknown, doing: string): ProviderCallError {
  if (ProviderCallError.isInstance(error)) return error;
  const message = error instanceof Error ? error.message : String(error);
  return localCallError(ids, `${doing} failed: ${message}`, { cause: error });
}
