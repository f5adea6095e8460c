/**
 * Hands out a fixed set of stateful resources (llama.cpp context sequences) one caller at a time: a call
 * holds its item until it is done, later callers wait in arrival order. A waiting caller whose signal
 * aborts leaves the queue and rejects with the signal's reason.
 *
 * @example
 * ```ts
 * const pool = new SequencePool([sequenceA, sequenceB]);
 * const text = await pool.use(signal, () => 0, (sequence) => generateOn(sequence));
 * ```
 */
export class SequencePool<T> {
  readonly #idle: T[];
  readonly #waiting: ((item: T) => void)[] = [];

  constructor(items: readonly T[]) {
    if (items.length === 0) throw new RangeError('SequencePool needs at least one item');
    this.#idle = [...items];
  }

  /**
   * Runs `work` with an item of its own. When several are idle, the one `preference` scores highest is
   * taken (e.g. the sequence whose cached tokens share the longest prefix with the request).
   */
  async use<R>(
    signal: AbortSignal | undefined,
    preference: (item: T) => number,
    work: (item: T) => Promise<R>,
  ): Promise<R> {
    const item = await this.#acquire(signal, preference);
    try {
      return await work(item);
    } finally {
      this.#release(item);
    }
  }

  #acquire(signal: AbortSignal | undefined, preference: (item: T) => number): Promise<T> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (this.#idle.length > 0) {
      let best = 0;
      if (this.#idle.length > 1) {
        let bestScore = Number.NEGATIVE_INFINITY;
        this.#idle.forEach((item, i) => {
          const score = preference(item);
          if (score > bestScore) {
            bestScore = score;
            best = i;
          }
        });
      }
      return Promise.resolve(this.#idle.splice(best, 1)[0] as T);
    }
    return new Promise<T>((resolve, reject) => {
      const onAbort = (): void => {
        const at = this.#waiting.indexOf(handOver);
        if (at >= 0) this.#waiting.splice(at, 1);
        reject(signal?.reason);
      };
      const handOver = (item: T): void => {
        signal?.removeEventListener('abort', onAbort);
        resolve(item);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.#waiting.push(handOver);
    });
  }

  #release(item: T): void {
    const next = this.#waiting.shift();
    if (next === undefined) this.#idle.push(item);
    else next(item);
  }
}
