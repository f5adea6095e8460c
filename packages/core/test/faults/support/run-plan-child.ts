/**
 * Runs a plan against the fault server with the journal-backed storage, in a process of its own so a
 * test can kill it with SIGKILL halfway. Started as
 * `node --import tsx run-plan-child.ts '{"planFile":…,"journalFile":…,"baseUrl":…,"taskId":…}'`;
 * prints one JSON line when the run ends.
 */
import { readFileSync } from 'node:fs';
import { evaluate } from '../../../src/engine/index.js';
import type { PlanInput } from '../../../src/plan/schema.js';
import { createFaultServerProvider } from '../../../src/testing/http/fault-server-provider.js';
import { openJsonlStorage } from './jsonl-storage.js';
import { FAULT_MODEL_ID, sampleIdOf } from './plan.js';

/** What the parent passes as the first argument. */
export interface ChildArgs {
  planFile: string;
  journalFile: string;
  baseUrl: string;
  taskId: string;
  concurrency: number;
}

const args = JSON.parse(process.argv[2] ?? '{}') as ChildArgs;
const plan = JSON.parse(readFileSync(args.planFile, 'utf8')) as PlanInput;
const storage = await openJsonlStorage(args.journalFile);
const provider = createFaultServerProvider({ baseUrl: args.baseUrl, sampleIdOf });
const result = await evaluate(plan, {
  providers: { [FAULT_MODEL_ID]: provider },
  storage,
  taskId: args.taskId,
  concurrency: args.concurrency,
  chunkSize: 4,
  resultBatchSize: 2,
  flushIntervalMs: 20,
});
process.stdout.write(
  `${JSON.stringify({ status: result.task.status, completed: result.task.progress.completed })}\n`,
);
