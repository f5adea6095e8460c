const MARKER = Symbol.for('benchhub.error');

/** Options shared by every BenchHub error. */
export interface BenchHubErrorOptions {
  /** The error that caused this one. */
  cause?: unknown;
}

/**
 * Base class of every error BenchHub throws. `isInstance` works across duplicated copies of the
 * package (it checks a `Symbol.for` marker, not the prototype chain).
 *
 * @example
 * ```ts
 * try { await loadPlan(text); } catch (e) { if (BenchHubError.isInstance(e)) console.error(e.name, e.message); }
 * ```
 */
export class BenchHubError extends Error {
  /** Whether repeating the failed operation may succeed. */
  readonly isRetryable: boolean = false;

  constructor(message: string, options: BenchHubErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    Object.defineProperty(this, MARKER, { value: true });
    this.name = 'BenchHubError';
  }

  /** True when `error` is a BenchHubError from any copy of this package. */
  static isInstance(error: unknown): error is BenchHubError {
    return typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[MARKER] === true;
  }
}

/** Builds the `isInstance` guard of a subclass from its own `Symbol.for` marker. */
export function markerGuard<T>(marker: symbol): (error: unknown) => error is T {
  return (error: unknown): error is T =>
    typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[marker] === true;
}
