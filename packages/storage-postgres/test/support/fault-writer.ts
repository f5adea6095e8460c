/**
 * Child process of the multi-writer fault test: appends its share of result batches to one task in a
 * PostgreSQL schema, all children at once, and prints how many results each kind of batch wrote.
 *
 * Argument (JSON): { connectionString, schema, taskId, batches: { kind, keys: [sampleNumber, failed][] }[] }
 */
import { createPostgresStorage } from '../../src/index.js';
import { childArgument, readyThenWait } from './fault-child.js';
import { faultResult } from './fault-rows.js';

interface WriterArgument {
  connectionString: string;
  schema: string;
  taskId: string;
  batches: { kind: 'success' | 'mixed'; keys: [number, boolean][] }[];
}

const arg = childArgument<WriterArgument>();
const storage = createPostgresStorage({ connectionString: arg.connectionString }, { schema: arg.schema });
try {
  await storage.getTask(arg.taskId); // connects before the start line, so the writes start together
  await readyThenWait();
  const outcome = { success: { written: 0, skipped: 0 }, mixed: { written: 0, skipped: 0 } };
  for (const batch of arg.batches) {
    const result = await storage.appendResults(
      batch.keys.map(([n, failed]) => faultResult(arg.taskId, n, failed)),
    );
    outcome[batch.kind].written += result.written;
    outcome[batch.kind].skipped += result.skipped;
  }
  console.log(JSON.stringify({ outcome }));
} finally {
  await storage.close();
}
