/** Tolerance for floating-point refill arithmetic, in tokens. */
const EPSILON = 1e-9;

/**
 * A token bucket with continuous refill: holds at most `capacity` tokens and gains `perMs` tokens a
 * millisecond. Taking more than the bucket holds is allowed once it is full and leaves it in debt
 * (negative), so a cost larger than the capacity is delayed, never refused. Time is passed in by the
 * caller, so the bucket itself reads no clock.
 *
 * @example
 * ```ts
 * const bucket = new TokenBucket(60, 60 / 60_000, 0); // 60 a minute, full at t=0
 * bucket.take(60);
 * bucket.waitMs(1, 0); // 1000: one token refills each second
 * ```
 */
export class TokenBucket {
  /** Most tokens the bucket holds (the largest burst). */
  readonly capacity: number;
  /** Tokens gained per millisecond. */
  readonly perMs: number;
  #level: number;
  #at: number;

  constructor(capacity: number, perMs: number, now: number) {
    this.capacity = capacity;
    this.perMs = perMs;
    this.#level = capacity;
    this.#at = now;
  }

  /** Tokens available at `now` (negative while in debt). */
  level(now: number): number {
    this.#refill(now);
    return this.#level;
  }

  /** Milliseconds from `now` until `amount` tokens can be taken (0: now). Amounts above capacity wait for a full bucket. */
  waitMs(amount: number, now: number): number {
    this.#refill(now);
    const missing = Math.min(amount, this.capacity) - this.#level;
    return missing <= EPSILON ? 0 : missing / this.perMs;
  }

  /** Removes `amount` tokens (the level may go negative). */
  take(amount: number): void {
    this.#level -= amount;
  }

  /** Gives back (`delta > 0`) or charges (`delta < 0`) tokens after the fact; never above capacity. */
  adjust(delta: number): void {
    this.#level = Math.min(this.capacity, this.#level + delta);
  }

  #refill(now: number): void {
    if (now > this.#at) {
      this.#level = Math.min(this.capacity, this.#level + (now - this.#at) * this.perMs);
      this.#at = now;
    }
  }
}
