import { abortable, type ProviderCallError } from '@benchhub/core';

/**
 * Runs one vendor call with the caller's signal: rejects at once with the signal's reason when it is
 * already aborted, stops waiting as soon as it aborts (the signal is also handed to the SDK so the HTTP
 * request is cancelled), and turns anything else thrown into the adapter's `ProviderCallError`.
 *
 * @example
 * ```ts
 * return callVendor(options.signal, (signal) => client.chat.completions.create(body, { signal }), toError);
 * ```
 */
export async function callVendor<T>(
  signal: AbortSignal | undefined,
  work: (signal: AbortSignal | undefined) => Promise<T>,
  toError: (error: unknown) => ProviderCallError,
): Promise<T> {
  if (signal?.aborted) throw signal.reason;
  try {
    return await abortable(work(signal), signal);
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    throw toError(error);
  }
}

/** Milliseconds since `start` (a `performance.now()` reading), rounded to 0.1 ms. */
export function elapsedMs(start: number): number {
  return Math.round((performance.now() - start) * 10) / 10;
}
