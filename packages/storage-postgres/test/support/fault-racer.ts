/**
 * Child process of the compare-and-set fault test: for each task, tries to move it PENDING → STARTED
 * with `ifStatus: ['PENDING']`, racing another process doing the same, and prints the tasks it won.
 *
 * Argument (JSON): { connectionString, schema, taskIds }
 */
import { createPostgresStorage } from '../../src/index.js';
import { childArgument, readyThenWait } from './fault-child.js';

interface RacerArgument {
  connectionString: string;
  schema: string;
  taskIds: string[];
}

const arg = childArgument<RacerArgument>();
const storage = createPostgresStorage({ connectionString: arg.connectionString }, { schema: arg.schema });
try {
  await storage.getTask(arg.taskIds[0]!);
  await readyThenWait();
  const won: string[] = [];
  await Promise.all(
    arg.taskIds.map(async (id) => {
      const task = await storage.updateTask(id, { status: 'STARTED' }, { ifStatus: ['PENDING'] });
      if (task !== undefined) won.push(id);
    }),
  );
  console.log(JSON.stringify({ won }));
} finally {
  await storage.close();
}
