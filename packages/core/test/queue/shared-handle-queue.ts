import { BenchHubError } from '../../src/errors/benchhub-error.js';
import type { QueueV1, QueueWorker } from '../../src/spec/queue.js';

/**
 * Handles on one shared queue, for testing the conformance suite's `distributed` cases: each handle claims
 * to be distributed; closing a handle closes only the workers it started, and `reopen` opens another
 * handle on the same queue.
 */
export function sharedHandleQueue(createBase: () => QueueV1): {
  create: () => Promise<QueueV1>;
  reopen: (handle: QueueV1) => Promise<QueueV1>;
} {
  const bases = new WeakMap<QueueV1, QueueV1>();

  const handleOn = (base: QueueV1): QueueV1 => {
    let closed = false;
    const workers: QueueWorker[] = [];
    const open = (): void => {
      if (closed) throw new BenchHubError('this queue handle is closed');
    };
    const handle: QueueV1 = {
      specificationVersion: 'v1',
      capabilities: { ...base.capabilities, distributed: true },
      enqueue: async (jobs) => {
        open();
        return base.enqueue(jobs);
      },
      process: (handler, options) => {
        open();
        const worker = base.process(handler, options);
        workers.push(worker);
        return worker;
      },
      cancel: async (taskId) => {
        open();
        return base.cancel(taskId);
      },
      counts: async (taskId) => {
        open();
        return base.counts(taskId);
      },
      close: async () => {
        closed = true;
        await Promise.all(workers.map((w) => w.close()));
      },
    };
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
