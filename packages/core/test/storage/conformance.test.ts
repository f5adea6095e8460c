import { createMemoryStorage } from '../../src/storage/memory/create-memory-storage.js';
import { runStorageConformance } from '../../src/testing/conformance/storage.js';
import { sharedHandleStorage } from './shared-handle-storage.js';

await runStorageConformance({
  name: 'memory',
  create: async () => createMemoryStorage(),
  capabilities: { transactions: true, concurrentWriters: false, persistent: false },
});

// The capability-gated cases (persistent, concurrentWriters) need a second handle on one store: run them
// against handles that share one memory storage, so the suite's gated cases are exercised too.
const shared = sharedHandleStorage(() => createMemoryStorage());
await runStorageConformance({
  name: 'memory behind shared handles',
  create: shared.create,
  reopen: shared.reopen,
  capabilities: { transactions: true, concurrentWriters: true, persistent: true },
});
