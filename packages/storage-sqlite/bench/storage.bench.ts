/**
 * Storage benchmark: `pnpm bench storage [--json] [--smoke]`.
 *
 * Runs on SQLite (a temporary file) and PostgreSQL (a fresh schema `bh_bench_<random>` in
 * `BENCHHUB_TEST_POSTGRES_URL`, default the local `test` database, dropped afterwards). PostgreSQL parts
 * are skipped with the reason (`postgres.skipped`) when the server is unreachable, unless `CI=true`,
 * where that is a failure.
 *
 * 1. Writes: 100,000 sample results (10,000 with --smoke) of one task appended through `appendResults`
 *    in batches of 512 (the engine's default `resultBatchSize`); only the `appendResults` calls are
 *    timed. Fields `sqlite.writeRowsPerSec` (target ≥ 50,000) and `postgres.writeRowsPerSec`
 *    (target ≥ 20,000), with `writeSeconds`.
 * 2. Rebuild: 1,000,000 sample results (50,000 with --smoke) stored as one SUCCESS task per model —
 *    49 models × 2 languages × 250 fine subjects (core's taxonomy) × 3 task types, about 13.6 results
 *    per cell — then core's `rebuildLeaderboard(storage)` recomputes the leaderboard: 73,500 fine entries
 *    and 1,764 coarse roll-ups = 75,264 entries (checked with `stats()`). Fields `rebuildMs` (the
 *    rebuild call alone), `loadSeconds` (storing the input, not a target) and `entries`.
 * 3. Browse: 400 leaderboard pages (100 with --smoke) after 50 (20) unmeasured ones, each filtered by one
 *    language, one subject (alternately a fine subject, 49 matches, and a coarse one, which also matches
 *    its fine subjects: up to 3,381 matches) and one task type, sorted by score descending, limit 100,
 *    with `total`; every page and total is checked. Fields `browseP95Ms` (target ≤ 5 on both),
 *    `browseP50Ms`, `browseMaxMs`.
 * 4. Memory: a FRESH child process (plain node on the BUILT packages, as a user's script runs them; the
 *    bench refuses a build older than its sources) runs one full `evaluate()` of 1,000,000 generated MCQA
 *    samples (20,000 with --smoke) from a JSONL file with an instant function model and `string_match`
 *    into `createSqliteStorage` on a temporary file, and prints its `process.resourceUsage().maxRSS`.
 *    Field `memory.peakRssMb` (target ≤ 300). Where the memory went: `memory.baselineRssMb` (the child
 *    before the run: Node and the modules) and `memory.phases`, the peak RSS reached by the end of each
 *    phase — `loading` (the dataset, until the first result), `calls` (until every result is done),
 *    `aggregating` (reading the results back, aggregating, the leaderboard) — with the heap in use then.
 *    The bench then opens the file and asserts that exactly that many result rows are stored
 *    (`memory.storedRows`).
 *
 * Also reported: per backend `writeRows`, `writeBatch`, `rebuildRows`, `rebuildTasks` and
 * `rebuildResults` (the SUCCESS tasks and successful results the rebuild read: one stored result in 97
 * is a failed call, which never scores), `browseQueries`; `memory.samples`, `memory.seconds` (the
 * whole run) and `memory.accuracy` (1: the model answers the gold letter); at the top `smoke`,
 * `targets` and `ok` (every target met).
 *
 * Apart from the memory child, sources, not builds, are measured: the file re-runs itself with `--conditions=@benchhub/source` when
 * started without it. With --json the last line is one JSON object. A --smoke run exits 0 below the
 * targets; a full run exits 1 when a target is missed (a skipped PostgreSQL part misses nothing).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const SOURCE_CONDITION = '--conditions=@benchhub/source';

if (process.execArgv.includes(SOURCE_CONDITION)) {
  const { runStorageBench } = await import('./support/run-storage-bench.js');
  await runStorageBench(process.argv.slice(2));
} else {
  const child = spawnSync(
    process.execPath,
    [SOURCE_CONDITION, ...process.execArgv, fileURLToPath(import.meta.url), ...process.argv.slice(2)],
    { stdio: 'inherit' },
  );
  process.exitCode = child.status ?? 1;
}
