/**
 * The child process of the memory benchmark: one full `evaluate()` of a generated JSONL dataset (an
 * instant model answering the gold letter, `string_match`) into `createSqliteStorage` on a file, and
 * nothing else. Plain JavaScript on the BUILT packages under plain `node`, as a user's script runs them
 * (a TypeScript loader would add its own ~65 MB to the figure). Prints one JSON line: the process's peak
 * RSS (`process.resourceUsage().maxRSS`), the run's outcome, and where the memory went: the peak RSS
 * reached by the end of each phase of the run (`loading` the dataset, until the first progress event;
 * `calls`, until every result is done; `aggregating`, reading the results back, aggregating and updating
 * the leaderboard) with the heap in use at that moment, and `baselineRssMb`, what the process held
 * before the run (Node and the loaded modules). (The peak is a high-water mark read at each phase change:
 * synchronous work blocks timers, so sampling would miss it.)
 *
 * Usage: node memory-run.mjs <dataset.jsonl> <database file>
 */
import { createFunctionProvider, evaluate } from '@benchhub/core';
import { createSqliteStorage } from '@benchhub/storage-sqlite';

const [dataset, filename] = process.argv.slice(2);
if (dataset === undefined || filename === undefined) {
  console.error('usage: memory-run.mjs <dataset.jsonl> <database file>');
  process.exit(2);
}

const LETTERS = 'ABCD';
/** The question number, read from the prompt, gives the gold letter (`i % 4`). */
function goldLetter(request) {
  const text =
    typeof request.prompt === 'string' ? request.prompt : request.prompt[request.prompt.length - 1].content;
  const at = text.indexOf('#') + 1;
  return LETTERS[Number.parseInt(text.slice(at, text.indexOf(':', at)), 10) % 4];
}

const mb = (bytes) => Math.round(bytes / 1024 / 1024);
const peakRssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);
/** Peak RSS (high-water mark) by the end of each phase, and the heap in use then, in MB. */
const phases = {};
let phase = 'loading';
let done = 0;
const endPhase = (next) => {
  phases[phase] = { peakRssMb: peakRssMb(), heapUsedMb: mb(process.memoryUsage().heapUsed), done };
  if (next !== undefined) phase = next;
};

/** What the process holds before the run: Node and the loaded modules. */
const baselineRssMb = peakRssMb();
const storage = createSqliteStorage({ filename });
const start = performance.now();
const result = await evaluate(
  {
    name: 'memory benchmark',
    models: [{ provider: 'function', model: 'gold' }],
    datasets: [{ name: 'mcqa', source: { type: 'file', path: dataset } }],
    prompt: { template: 'mcqa' },
    evaluation: { method: 'string_match', metrics: ['accuracy'] },
  },
  {
    providers: { function: createFunctionProvider(goldLetter, { modelId: 'gold' }) },
    storage,
    onEvent: (event) => {
      if (event.type !== 'task.progress') return;
      done = event.stats.done;
      if (phase === 'loading') endPhase('calls');
      if (phase === 'calls' && event.stats.done >= event.stats.total) endPhase('aggregating');
    },
  },
);
const seconds = (performance.now() - start) / 1000;
endPhase(undefined);
await storage.close();
console.log(
  JSON.stringify({
    maxRssMb: peakRssMb(),
    seconds: Number(seconds.toFixed(1)),
    status: result.task.status,
    completed: result.task.progress.completed,
    accuracy: result.aggregates[0]?.value,
    baselineRssMb,
    phases,
  }),
);
