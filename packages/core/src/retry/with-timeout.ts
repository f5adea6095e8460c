import { BenchHubError } from '../errors/benchhub-error.js';
import { RequestTimeoutError } from './request-timeout-error.js';

let neverAborts: AbortSignal | undefined;

/**
 * Runs `fn` with its own AbortSignal that aborts after `timeoutMs` or when `signal` aborts, whichever
 * comes first, and settles as soon as that happens even if `fn` ignores its signal.
 * A timeout rejects with a {@link RequestTimeoutError} (retryable, no status code); the caller's abort
 * rejects with the caller's reason. `timeoutMs` undefined or `Infinity` means no timeout.
 *
 * It uses one `AbortController` and one cleared timer per call rather than `AbortSignal.any` with
 * `AbortSignal.timeout`: measured on Node 20 over 200,000 calls with a long-lived parent signal, that
 * pair took 14 µs a call and kept 485 MB of heap alive (timers that cannot be cleared), against about
 * 3 µs (mostly creating the AbortController) and no growth here.
 *
 * @example
 * ```ts
 * const result = await withTimeout((s) => provider.generate(request, { signal: s }), 60_000, signal);
 * ```
 */
export function withTimeout<T>(
  fn: (signal: AbortSignal) => Promise<T> | T,
  timeoutMs: number | undefined,
  signal?: AbortSignal,
): Promise<T> {
  if (timeoutMs !== undefined && !(timeoutMs > 0)) {
    throw new BenchHubError(`withTimeout: timeoutMs must be a number > 0 (or undefined), got ${timeoutMs}`);
  }
  if (signal?.aborted) return Promise.reject(signal.reason);
  if (timeoutMs === undefined || timeoutMs === Number.POSITIVE_INFINITY) {
    if (signal === undefined) neverAborts ??= new AbortController().signal;
    return callSafely(fn, signal ?? neverAborts!);
  }
  const controller = new AbortController();
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const fail = (reason: unknown): void => {
      if (settled) return;
      settled = true;
      cleanup();
      controller.abort(reason);
      reject(reason);
    };
    const onAbort = (): void => fail(signal?.reason);
    const timer = setTimeout(() => fail(new RequestTimeoutError(timeoutMs)), timeoutMs);
    const cleanup = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    };
    signal?.addEventListener('abort', onAbort);
    callSafely(fn, controller.signal).then(
      (value) => {
        if (settled) return;
        settled = true;
        cleanup();
        resolve(value);
      },
      (error: unknown) => {
        if (settled) return;
        settled = true;
        cleanup();
        reject(error);
      },
    );
  });
}

function callSafely<T>(fn: (signal: AbortSignal) => Promise<T> | T, signal: AbortSignal): Promise<T> {
  try {
    return Promise.resolve(fn(signal));
  } catch (error) {
    return Promise.reject(error);
  }
}
