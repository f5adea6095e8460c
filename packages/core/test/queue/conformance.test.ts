import { createInProcessQueue } from '../../src/queue/in-process/create-in-process-queue.js';
import { runQueueConformance } from '../../src/testing/conformance/queue.js';
import { sharedHandleQueue } from './shared-handle-queue.js';

await runQueueConformance({
  name: 'in-process',
  create: async () => createInProcessQueue({ retryDelayMs: 5 }),
  capabilities: { distributed: false, delayed: true, priorities: true, stalledRecovery: false },
});

// The `distributed` cases need two handles on one backend: run them against handles that share one
// in-process queue, so the suite's gated cases are exercised too.
const shared = sharedHandleQueue(() => createInProcessQueue({ retryDelayMs: 5 }));
await runQueueConformance({
  name: 'in-process behind shared handles',
  create: shared.create,
  reopen: shared.reopen,
  capabilities: { distributed: true, delayed: true, priorities: true, stalledRecovery: false },
});
