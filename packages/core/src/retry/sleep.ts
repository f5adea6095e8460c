/** Waits `ms` milliseconds; rejects with the signal's reason when it aborts. */
export type SleepFunction = (ms: number, signal?: AbortSignal) => Promise<void>;

/**
 * Waits `ms` milliseconds (0 or less: a resolved promise, no timer). Rejects with the signal's reason
 * as soon as `signal` aborts, clearing the timer, and at once when it is already aborted.
 *
 * @example
 * ```ts
 * await abortableSleep(250, controller.signal);
 * ```
 */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(signal.reason);
  if (!(ms > 0)) return Promise.resolve();
  return new Promise<void>((resolve, reject) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
