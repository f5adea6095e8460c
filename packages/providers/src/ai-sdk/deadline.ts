/**
 * Runs `run` with a signal that aborts when the caller's does (with the caller's reason) or when
 * `timeoutMs` passes (with `timeoutError()`), whichever comes first. Without `timeoutMs`, or when the
 * caller's signal is already aborted, `run` gets the caller's signal unchanged. The timer and the
 * listener are removed when `run` settles.
 *
 * @example
 * ```ts
 * await withDeadline(signal, 30_000, () => new Error('timed out'), (s) => callVendor(s, work, toError));
 * ```
 */
export async function withDeadline<T>(
  signal: AbortSignal | undefined,
  timeoutMs: number | undefined,
  timeoutError: () => Error,
  run: (signal: AbortSignal | undefined) => Promise<T>,
): Promise<T> {
  if (timeoutMs === undefined || signal?.aborted) return run(signal);
  const controller = new AbortController();
  const onAbort = (): void => controller.abort(signal?.reason);
  signal?.addEventListener('abort', onAbort, { once: true });
  const timer = setTimeout(() => controller.abort(timeoutError()), timeoutMs);
  try {
    return await run(controller.signal);
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}
