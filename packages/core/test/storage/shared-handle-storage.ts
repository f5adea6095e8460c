import { BenchHubError } from '../../src/errors/benchhub-error.js';
import type { StorageV1 } from '../../src/spec/storage.js';

/**
 * Handles on one shared storage, for testing the conformance suite's capability-gated cases: each handle
 * claims to be persistent with concurrent writers; closing a handle leaves the shared store intact, and
 * `reopen` opens another handle on the same store.
 */
export function sharedHandleStorage(createBase: () => StorageV1): {
  create: () => Promise<StorageV1>;
  reopen: (handle: StorageV1) => Promise<StorageV1>;
} {
  const bases = new WeakMap<StorageV1, StorageV1>();

  const handleOn = (base: StorageV1): StorageV1 => {
    let closed = false;
    const handle = new Proxy(base, {
      get(target, property, receiver) {
        if (property === 'capabilities')
          return { transactions: true, concurrentWriters: true, persistent: true };
        if (property === 'close') {
          return async () => {
            closed = true;
          };
        }
        const value = Reflect.get(target, property, receiver) as unknown;
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          if (closed) return Promise.reject(new BenchHubError('this storage handle is closed'));
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
    bases.set(handle, base);
    return handle;
  };

  return {
    create: async () => handleOn(createBase()),
    reopen: async (handle) => {
      const base = bases.get(handle);
      if (base === undefined) throw new Error('not a shared handle');
      return handleOn(base);
    },
  };
}
