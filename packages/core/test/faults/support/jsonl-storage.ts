import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import type { LeaderboardEntry } from '../../../src/domain/leaderboard.js';
import type { SampleResult } from '../../../src/domain/result.js';
import type { NewTask, StorageV1, TaskUpdate } from '../../../src/spec/storage.js';
import { createMemoryStorage } from '../../../src/storage/memory/create-memory-storage.js';

/** One line of the journal: a storage write that succeeded. */
type JournalEntry =
  | { op: 'createTask'; task: NewTask & { id: string } }
  | { op: 'updateTask'; id: string; update: TaskUpdate }
  | { op: 'appendResults'; results: SampleResult[] }
  | { op: 'upsertLeaderboard'; entries: LeaderboardEntry[] };

const reviveResult = (r: SampleResult): SampleResult => ({ ...r, createdAt: new Date(r.createdAt) });
const reviveEntry = (e: LeaderboardEntry): LeaderboardEntry => ({ ...e, updatedAt: new Date(e.updatedAt) });

/** Result lines written so far (each `appendResults` line holds a batch), without opening the storage. */
export function readJournalResults(file: string): SampleResult[] {
  if (!existsSync(file)) return [];
  const results: SampleResult[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    let entry: JournalEntry;
    try {
      entry = JSON.parse(line) as JournalEntry;
    } catch {
      continue; // a line cut short by a kill
    }
    if (entry.op === 'appendResults') results.push(...entry.results.map(reviveResult));
  }
  return results;
}

/**
 * A `StorageV1` that survives its process being killed, for crash tests only: the in-memory storage,
 * plus a journal file with one JSON line per successful write (`appendFileSync`, so a write that
 * returned is in the file even after SIGKILL). Opening replays the journal into a fresh memory storage.
 */
export async function openJsonlStorage(file: string): Promise<StorageV1> {
  const memory = createMemoryStorage();
  await memory.migrate();
  if (existsSync(file)) {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      let entry: JournalEntry;
      try {
        entry = JSON.parse(line) as JournalEntry;
      } catch {
        continue; // the last line may be cut short by the kill
      }
      if (entry.op === 'createTask') await memory.createTask(entry.task);
      else if (entry.op === 'updateTask') await memory.updateTask(entry.id, entry.update);
      else if (entry.op === 'appendResults') await memory.appendResults(entry.results.map(reviveResult));
      else await memory.upsertLeaderboard(entry.entries.map(reviveEntry));
    }
  }
  const journal = (entry: JournalEntry): void => appendFileSync(file, `${JSON.stringify(entry)}\n`);

  return {
    ...memory,
    capabilities: { ...memory.capabilities, persistent: true },
    async createTask(task) {
      const created = await memory.createTask(task);
      journal({ op: 'createTask', task: { ...task, id: created.id } });
      return created;
    },
    async updateTask(id, update, options) {
      const updated = await memory.updateTask(id, update, options);
      if (updated !== undefined) journal({ op: 'updateTask', id, update });
      return updated;
    },
    async appendResults(results) {
      const outcome = await memory.appendResults(results);
      journal({ op: 'appendResults', results: [...results] });
      return outcome;
    },
    async upsertLeaderboard(entries) {
      await memory.upsertLeaderboard(entries);
      journal({ op: 'upsertLeaderboard', entries: [...entries] });
    },
  };
}
