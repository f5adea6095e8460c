import type { ProviderCallError } from '@benchhub/core';

/**
 * Calls served by one relay signal before a fresh one replaces it. The SDK leaves one listener per
 * call on the signal it gets, so this bounds them; 10 stays within Node's leak warning threshold.
 */
const CALLS_PER_RELAY = 10;

/** The signal the SDK gets for calls made under one caller signal, and the calls waiting on it. */
interface Relay {
  readonly controller: AbortController;
  /** Rejecters of the calls in flight under this relay. */
  readonly waiting: Set<(reason: unknown) => void>;
  /** Calls started under this relay so far. */
  uses: number;
  /** Replaced by a fresh relay: leaves the caller's signal once its last call settles. */
  retired: boolean;
  /** The one listener on the caller's signal: rejects the waiting calls and aborts their requests. */
  readonly forward: () => void;
}

const relays = new WeakMap<AbortSignal, Relay>();

function createRelay(caller: AbortSignal): Relay {
  const controller = new AbortController();
  const waiting = new Set<(reason: unknown) => void>();
  const relay: Relay = {
    controller,
    waiting,
    uses: 0,
    retired: false,
    forward: () => {
      const reason: unknown = caller.reason;
      for (const reject of waiting) reject(reason);
      waiting.clear();
      controller.abort(reason);
    },
  };
  caller.addEventListener('abort', relay.forward, { once: true });
  return relay;
}

/** The relay for the next call under `caller`: the current one, or a fresh one once it has served its calls. */
function relayFor(caller: AbortSignal): Relay {
  const current = relays.get(caller);
  if (current !== undefined && current.uses < CALLS_PER_RELAY) return current;
  if (current !== undefined) {
    current.retired = true;
    if (current.waiting.size === 0) caller.removeEventListener('abort', current.forward);
  }
  const fresh = createRelay(caller);
  relays.set(caller, fresh);
  return fresh;
}

/** Starts the work; a synchronous throw becomes a rejection. */
function start<T>(
  work: (signal: AbortSignal | undefined) => Promise<T>,
  signal: AbortSignal | undefined,
): Promise<T> {
  try {
    return work(signal);
  } catch (error) {
    return Promise.reject(error);
  }
}

/**
 * Runs one SDK call under the caller's signal, like the shared `callVendor`: rejects at once with the
 * signal's reason when it is already aborted, as soon as it aborts otherwise (and the HTTP request is
 * cancelled), and maps every other failure with `toError`.
 *
 * The SDK does not get the caller's signal itself: the `openai` SDK (6.x) adds an abort listener to the
 * signal of every request and never removes it, so a signal the engine reuses across calls (one per
 * lane) would collect a listener per call for as long as it lives. It gets a relay signal that follows
 * the caller's, replaced every few calls, so listeners stay bounded without the cost of a new
 * `AbortSignal` per call (about 10 µs in Node 20, more than the rest of the adapter's work together).
 */
export function callOpenAI<T>(
  signal: AbortSignal | undefined,
  work: (signal: AbortSignal | undefined) => Promise<T>,
  toError: (error: unknown) => ProviderCallError,
): Promise<T> {
  if (signal === undefined) {
    return start(work, undefined).catch((error: unknown) => {
      throw toError(error);
    });
  }
  if (signal.aborted) return Promise.reject(signal.reason);
  const relay = relayFor(signal);
  relay.uses++;
  return new Promise<T>((resolve, reject) => {
    relay.waiting.add(reject);
    const settle = (): void => {
      relay.waiting.delete(reject);
      if (relay.retired && relay.waiting.size === 0) signal.removeEventListener('abort', relay.forward);
    };
    start(work, relay.controller.signal).then(
      (value) => {
        settle();
        resolve(value);
      },
      (error: unknown) => {
        settle();
        reject(signal.aborted ? signal.reason : toError(error));
      },
    );
  });
}
