import { abortable } from '../providers/abortable.js';

/** What a {@link SingleFlight} call got: the value, and whether another caller's call produced it. */
export interface SingleFlightResult<T> {
  /** The call's value. */
  value: T;
  /** True when this caller waited for an identical call already in flight instead of making its own. */
  shared: boolean;
}

/** Collapses identical concurrent calls into one (see {@link createSingleFlight}). */
export interface SingleFlight<T> {
  /** Keys with a call in flight. */
  readonly inFlight: number;
  /**
   * Runs `fn` for `key`, or, when a call for `key` is already in flight, waits for that call's value.
   * `signal` only stops this caller's wait (and aborts nothing a leader started for others).
   */
  run(key: string, fn: () => Promise<T>, signal?: AbortSignal): Promise<SingleFlightResult<T>>;
}

/**
 * Makes identical concurrent calls once: the first caller of a key (the leader) runs its function and
 * the callers that arrive while it runs share its value. Errors are never shared: when the leader
 * fails, each waiting caller tries again on its own (the first becomes the new leader), so one failed
 * or cancelled call does not fail every duplicate. Nothing is kept once a call settles.
 *
 * @example
 * ```ts
 * const flights = createSingleFlight<GenerateResult>();
 * const [a, b] = await Promise.all([flights.run(key, call), flights.run(key, call)]); // one call
 * b.shared; // true
 * ```
 */
export function createSingleFlight<T>(): SingleFlight<T> {
  const flights = new Map<string, Promise<T>>();

  const lead = async (key: string, fn: () => Promise<T>): Promise<T> => {
    let flight: Promise<T>;
    try {
      flight = Promise.resolve(fn());
    } catch (error) {
      flight = Promise.reject(error);
    }
    flights.set(key, flight);
    try {
      return await flight;
    } finally {
      if (flights.get(key) === flight) flights.delete(key);
    }
  };

  const run = async (
    key: string,
    fn: () => Promise<T>,
    signal?: AbortSignal,
  ): Promise<SingleFlightResult<T>> => {
    for (;;) {
      signal?.throwIfAborted();
      const current = flights.get(key);
      if (current === undefined) return { value: await lead(key, fn), shared: false };
      try {
        return { value: await abortable(current, signal), shared: true };
      } catch {
        if (signal?.aborted) throw signal.reason;
        // The leader failed: never share an error; forget the failed flight and try again.
        if (flights.get(key) === current) flights.delete(key);
      }
    }
  };

  return {
    get inFlight() {
      return flights.size;
    },
    run,
  };
}
