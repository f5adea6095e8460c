import { describe, expect, it } from 'vitest';
import { createSingleFlight } from '../../src/cache/single-flight.js';

function deferred<T>(): { promise: Promise<T>; resolve: (v: T) => void; reject: (e: unknown) => void } {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('createSingleFlight', () => {
  it('runs identical concurrent calls once and shares the value', async () => {
    const flights = createSingleFlight<string>();
    let calls = 0;
    const gate = deferred<string>();
    const fn = () => {
      calls += 1;
      return gate.promise;
    };
    const all = Promise.all([flights.run('k', fn), flights.run('k', fn), flights.run('k', fn)]);
    expect(flights.inFlight).toBe(1);
    gate.resolve('v');
    const results = await all;
    expect(calls).toBe(1);
    expect(results.map((r) => r.value)).toEqual(['v', 'v', 'v']);
    expect(results.map((r) => r.shared)).toEqual([false, true, true]);
    expect(flights.inFlight).toBe(0);
  });

  it('different keys do not share, and a settled key calls again', async () => {
    const flights = createSingleFlight<number>();
    let calls = 0;
    const fn = async () => ++calls;
    const [a, b] = await Promise.all([flights.run('a', fn), flights.run('b', fn)]);
    expect([a.value, b.value]).toEqual([1, 2]);
    expect((await flights.run('a', fn)).value).toBe(3);
  });

  it('never shares an error: waiting callers try again themselves', async () => {
    const flights = createSingleFlight<string>();
    const attempts: string[] = [];
    const first = deferred<string>();
    const leader = flights.run('k', () => {
      attempts.push('leader');
      return first.promise;
    });
    const follower = flights.run('k', () => {
      attempts.push('follower');
      return Promise.resolve('own value');
    });
    first.reject(new Error('leader failed'));
    await expect(leader).rejects.toThrow('leader failed');
    await expect(follower).resolves.toEqual({ value: 'own value', shared: false });
    expect(attempts).toEqual(['leader', 'follower']);
    // Two waiters after a failure: the first becomes the new leader, the second shares its value.
    const failing = deferred<string>();
    const again = deferred<string>();
    let calls = 0;
    const fn = () => (++calls === 1 ? failing.promise : again.promise);
    const runs = [flights.run('x', fn), flights.run('x', fn), flights.run('x', fn)];
    failing.reject(new Error('boom'));
    await expect(runs[0]).rejects.toThrow('boom');
    again.resolve('second try');
    await expect(runs[1]).resolves.toEqual({ value: 'second try', shared: false });
    await expect(runs[2]).resolves.toEqual({ value: 'second try', shared: true });
    expect(calls).toBe(2);
  });

  it('a follower that aborts stops waiting; the leader goes on', async () => {
    const flights = createSingleFlight<string>();
    const gate = deferred<string>();
    const leader = flights.run('k', () => gate.promise);
    const controller = new AbortController();
    const follower = flights.run('k', () => Promise.resolve('unused'), controller.signal);
    controller.abort('gone');
    await expect(follower).rejects.toBe('gone');
    gate.resolve('v');
    await expect(leader).resolves.toEqual({ value: 'v', shared: false });
  });

  it('a leader whose function throws synchronously does not block the key', async () => {
    const flights = createSingleFlight<string>();
    await expect(
      flights.run('k', () => {
        throw new Error('sync');
      }),
    ).rejects.toThrow('sync');
    expect(flights.inFlight).toBe(0);
    await expect(flights.run('k', async () => 'ok')).resolves.toEqual({ value: 'ok', shared: false });
  });
});
