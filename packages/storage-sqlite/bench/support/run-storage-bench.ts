import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rebuildLeaderboard, type StorageV1 } from '@benchhub/core';
import { createSqliteStorage } from '../../src/index.js';
import { EXPECTED_ENTRIES, LEADERBOARD_LAYOUT, LEAVES_PER_MODEL } from './bench-rows.js';
import { browseQueries, loadRows, measureBrowse, measureWrites } from './measure-storage.js';
import { measureMemory } from './memory-bench.js';
import { openBenchPostgres, postgresUnreachable } from './postgres-target.js';

/** The targets of the issue (see the header of `storage.bench.ts`). */
const TARGETS = {
  sqliteWriteRowsPerSec: 50_000,
  postgresWriteRowsPerSec: 20_000,
  browseP95Ms: 5,
  peakRssMb: 300,
};

/** The engine's default `resultBatchSize`: what a run writes per `appendResults` call. */
const WRITE_BATCH = 512;

interface Sizes {
  writeRows: number;
  rebuildRows: number;
  browseQueries: number;
  browseWarmup: number;
  memorySamples: number;
}

const FULL: Sizes = {
  writeRows: 100_000,
  rebuildRows: 1_000_000,
  browseQueries: 400,
  browseWarmup: 50,
  memorySamples: 1_000_000,
};
const SMOKE: Sizes = {
  writeRows: 10_000,
  rebuildRows: 50_000,
  browseQueries: 100,
  browseWarmup: 20,
  memorySamples: 20_000,
};

/** Writes, rebuild and browse on one storage. */
async function benchStorage(storage: StorageV1, sizes: Sizes) {
  const write = await measureWrites(storage, 'bench-write', sizes.writeRows, WRITE_BATCH);
  const loadSeconds = await loadRows(storage, 'bench-rebuild', sizes.rebuildRows);
  const start = performance.now();
  const rebuilt = await rebuildLeaderboard(storage);
  const rebuildMs = Math.round(performance.now() - start);
  const entries = (await storage.stats()).leaderboard.visible;
  // With two results or more per cell every cell has a success (one result in 97 is a failure).
  const complete = sizes.rebuildRows >= 2 * LEADERBOARD_LAYOUT.models.length * LEAVES_PER_MODEL;
  if (complete && entries !== EXPECTED_ENTRIES) {
    throw new Error(`rebuild gave ${entries} leaderboard entries, expected ${EXPECTED_ENTRIES}`);
  }
  const browse = await measureBrowse(
    storage,
    browseQueries(sizes.browseWarmup + sizes.browseQueries),
    sizes.browseWarmup,
    complete,
  );
  return {
    writeRows: write.rows,
    writeBatch: write.batchSize,
    writeSeconds: write.seconds,
    writeRowsPerSec: write.rowsPerSec,
    rebuildRows: sizes.rebuildRows,
    loadSeconds,
    rebuildMs,
    rebuildTasks: rebuilt.tasks,
    rebuildResults: rebuilt.results,
    entries,
    browseQueries: browse.queries,
    browseP50Ms: browse.p50Ms,
    browseP95Ms: browse.p95Ms,
    browseMaxMs: browse.maxMs,
  };
}

type BackendReport = Awaited<ReturnType<typeof benchStorage>>;

function backendRows(name: string, report: BackendReport, writeTarget: number): Record<string, string> {
  return {
    [`${name} write rows/s`]: `${report.writeRowsPerSec.toLocaleString('en')} (target ≥ ${writeTarget.toLocaleString('en')}; ${report.writeRows.toLocaleString('en')} rows in batches of ${report.writeBatch}, ${report.writeSeconds} s)`,
    [`${name} rebuild ms`]: `${report.rebuildMs.toLocaleString('en')} (${report.rebuildResults.toLocaleString('en')} results of ${report.rebuildTasks} tasks → ${report.entries.toLocaleString('en')} entries; storing them took ${report.loadSeconds} s)`,
    [`${name} browse p95 ms`]: `${report.browseP95Ms} (target ≤ ${TARGETS.browseP95Ms}; p50 ${report.browseP50Ms}, max ${report.browseMaxMs}, ${report.browseQueries} pages)`,
  };
}

/** Runs the storage benchmark (see `storage.bench.ts`) with the command-line `args`. */
export async function runStorageBench(args: readonly string[]): Promise<void> {
  const json = args.includes('--json');
  const smoke = args.includes('--smoke');
  const sizes = smoke ? SMOKE : FULL;
  const dir = mkdtempSync(join(tmpdir(), 'benchhub-storage-bench-'));
  try {
    const sqliteStorage = createSqliteStorage({ filename: join(dir, 'bench.db') });
    let sqlite: BackendReport;
    try {
      sqlite = await benchStorage(sqliteStorage, sizes);
    } finally {
      await sqliteStorage.close();
    }

    const unreachable = await postgresUnreachable();
    let postgres: BackendReport | { skipped: string };
    if (unreachable !== undefined) {
      postgres = { skipped: unreachable };
    } else {
      const target = openBenchPostgres();
      try {
        postgres = await benchStorage(target.storage, sizes);
      } finally {
        await target.drop();
      }
    }

    const memory = await measureMemory(dir, sizes.memorySamples);

    const postgresOk =
      'skipped' in postgres ||
      (postgres.writeRowsPerSec >= TARGETS.postgresWriteRowsPerSec &&
        postgres.browseP95Ms <= TARGETS.browseP95Ms);
    const ok =
      sqlite.writeRowsPerSec >= TARGETS.sqliteWriteRowsPerSec &&
      sqlite.browseP95Ms <= TARGETS.browseP95Ms &&
      postgresOk &&
      memory.peakRssMb <= TARGETS.peakRssMb;
    const report = { benchmark: 'storage', smoke, sqlite, postgres, memory, targets: TARGETS, ok };
    if (json) {
      console.log(JSON.stringify(report));
    } else {
      console.table({
        ...backendRows('sqlite', sqlite, TARGETS.sqliteWriteRowsPerSec),
        ...('skipped' in postgres
          ? { postgres: `skipped: ${postgres.skipped}` }
          : backendRows('postgres', postgres, TARGETS.postgresWriteRowsPerSec)),
        'memory peak RSS MB': `${memory.peakRssMb} (target ≤ ${TARGETS.peakRssMb}; ${memory.samples.toLocaleString('en')} samples evaluated into SQLite in ${memory.seconds} s, ${memory.storedRows.toLocaleString('en')} rows stored)`,
        'memory by phase (peak RSS so far / heap then, MB)': `before the run ${memory.baselineRssMb}, ${Object.entries(
          memory.phases,
        )
          .map(([name, p]) => `${name} ${p.peakRssMb}/${p.heapUsedMb}`)
          .join(', ')}`,
        verdict: ok ? 'ok' : 'BELOW TARGET',
      });
    }
    if (!ok && !smoke) process.exitCode = 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
