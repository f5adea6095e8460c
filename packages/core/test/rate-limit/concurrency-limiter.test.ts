import { describe, expect, it } from 'vitest';
import { createConcurrencyLimiter } from '../../src/rate-limit/concurrency-limiter.js';

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

describe('createConcurrencyLimiter', () => {
  it('never runs more than the limit, in FIFO order', async () => {
    const limiter = createConcurrencyLimiter(3);
    let running = 0;
    let peak = 0;
    const started: number[] = [];
    const gates = Array.from({ length: 10 }, deferred);
    const runs = gates.map((gate, i) =>
      limiter.run(async () => {
        started.push(i);
        running += 1;
        peak = Math.max(peak, running);
        await gate.promise;
        running -= 1;
        return i;
      }),
    );
    expect(limiter.inFlight).toBe(3);
    expect(limiter.waiting).toBe(7);
    for (const gate of gates) {
      gate.resolve();
      await new Promise((r) => setImmediate(r));
    }
    expect(await Promise.all(runs)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(started).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(peak).toBe(3);
  });

  it('an aborted waiter is removed and rejects with the reason', async () => {
    const limiter = createConcurrencyLimiter(1);
    const gate = deferred();
    const first = limiter.run(() => gate.promise);
    const controller = new AbortController();
    let ran = false;
    const second = limiter.run(() => {
      ran = true;
    }, controller.signal);
    controller.abort('stop');
    await expect(second).rejects.toBe('stop');
    expect(limiter.waiting).toBe(0);
    gate.resolve();
    await first;
    expect(ran).toBe(false);
  });

  it('propagates errors and frees the slot', async () => {
    const limiter = createConcurrencyLimiter(1);
    await expect(limiter.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(limiter.run(() => 'sync value')).resolves.toBe('sync value');
  });

  it('Infinity is a counting pass-through; bad limits are refused', async () => {
    const limiter = createConcurrencyLimiter(Number.POSITIVE_INFINITY);
    const gate = deferred();
    const runs = Array.from({ length: 100 }, () => limiter.run(() => gate.promise));
    expect(limiter.inFlight).toBe(100);
    gate.resolve();
    await Promise.all(runs);
    expect(limiter.inFlight).toBe(0);
    await expect(limiter.run(() => 1, AbortSignal.abort('no'))).rejects.toBe('no');
    expect(() => createConcurrencyLimiter(0)).toThrow(/limit must be an integer >= 1/);
    expect(() => createConcurrencyLimiter(2.5)).toThrow(/limit/);
  });
});
