/**
 * Settles with `work`, or rejects with the signal's reason as soon as `signal` aborts, so a caller is
 * released even when the underlying work ignores the signal. Rejects at once when already aborted.
 *
 * @example
 * ```ts
 * const text = await abortable(slowCall(), AbortSignal.timeout(5_000));
 * ```
 */
export function abortable<T>(work: PromiseLike<T> | T, signal: AbortSignal | undefined): Promise<T> {
  if (signal === undefined) return Promise.resolve(work);
  if (signal.aborted) {
    // Settle the work silently so a late rejection is not reported as unhandled.
    Promise.resolve(work).catch(() => {});
    return Promise.reject(signal.reason);
  }
  // Work that is already a value cannot outlive the signal: no listener needed.
  if (!isPromiseLike(work)) return Promise.resolve(work);
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    Promise.resolve(work).then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

function isPromiseLike<T>(value: PromiseLike<T> | T): value is PromiseLike<T> {
  return typeof (value as { then?: unknown } | null)?.then === 'function';
}
