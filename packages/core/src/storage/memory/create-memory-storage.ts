import { randomUUID } from 'node:crypto';
import type { LeaderboardEntry } from '../../domain/leaderboard.js';
import type { SampleResult } from '../../domain/result.js';
import { isTerminalStatus, TASK_STATUSES, type Task, type TaskStatus } from '../../domain/task.js';
import { BenchHubError } from '../../errors/benchhub-error.js';
import type {
  AppendResultsOutcome,
  CleanupOutcome,
  CredentialInfo,
  LeaderboardFilter,
  LeaderboardQuery,
  NewTask,
  ResultKey,
  ResultQuery,
  StorageCapabilities,
  StoragePage,
  StorageStats,
  StorageV1,
  TaskQuery,
  TaskUpdate,
  TaskUpdateOptions,
} from '../../spec/storage.js';
import { SPECIFICATION_VERSION } from '../../spec/version.js';
import { createCredentialCipher, type SealedCredential } from '../credential-cipher.js';
import { buildNewTask, checkNewTask } from '../new-task.js';
import { pageOf, resolvePaging } from '../paging.js';
import { isPlainRecord } from '../plain-data.js';
import { applyTaskUpdate } from '../task-update.js';
import { assertStorableResult } from '../validate-result.js';
import { createMemoryLeaderboard } from './memory-leaderboard.js';

/** Options of {@link createMemoryStorage}. */
export interface MemoryStorageOptions {
  /**
   * 32-byte AES-256 key that encrypts credentials at rest. Default: a random key per instance (stored
   * credentials then cannot outlive it, which is all an in-memory store needs).
   */
  credentialKey?: Uint8Array;
  /** The clock for `createdAt`, `startedAt`, `finishedAt`, credential dates and `maxAgeMs`. Default: `new Date()`. */
  now?: () => Date;
  /** Generates task ids when `createTask` is given none. Default: `crypto.randomUUID()`. */
  generateId?: () => string;
}

interface TaskRecord {
  /** The task as stored (never handed out: callers get clones). */
  task: Task;
  /** Creation order, to break ties between equal `createdAt`. */
  seq: number;
  /** Results keyed by {@link resultSlot}, in first-write order. */
  results: Map<string, SampleResult>;
}

interface CredentialRecord {
  sealed: SealedCredential;
  createdAt: Date;
}

/** The in-memory store's guarantees: batches are atomic, one process, nothing survives a restart. */
const CAPABILITIES: StorageCapabilities = Object.freeze({
  transactions: true,
  concurrentWriters: false,
  persistent: false,
});

/**
 * A result's slot within its task: model, sample and repeat, unambiguous whatever characters the ids hold
 * (the model id is length-prefixed and the repeat, last, is digits only).
 */
function resultSlot(modelId: string, sampleId: string, repeat: number): string {
  return `${modelId.length}:${modelId}${sampleId}\u0000${repeat}`;
}

function assertDate(value: unknown, where: string): asserts value is Date {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
    throw new BenchHubError(`${where} must be a valid Date, got ${String(value)}`);
  }
}

/**
 * A complete `StorageV1` held in memory: the default of `evaluate()` in scripts and tests. Task status
 * changes follow the domain's transition rules, results are unique per (task, model, sample, repeat) and
 * cost O(batch) to append, credentials are AES-256-GCM encrypted even in memory.
 *
 * Results are copied shallowly on the way in and out; treat their nested objects (scores, labels) as
 * immutable.
 *
 * @example
 * ```ts
 * const storage = createMemoryStorage();
 * const task = await storage.createTask({ planName: 'demo', plan: {} });
 * await storage.updateTask(task.id, { status: 'STARTED' }, { ifStatus: ['PENDING'] });
 * await storage.appendResults([result, result]); // { written: 1, skipped: 1 }
 * ```
 */
export function createMemoryStorage(options: MemoryStorageOptions = {}): StorageV1 {
  const now = options.now ?? (() => new Date());
  const generateId = options.generateId ?? randomUUID;
  const cipher = createCredentialCipher(options.credentialKey);
  const tasks = new Map<string, TaskRecord>();
  const leaderboard = createMemoryLeaderboard(() => now().getTime());
  const credentials = new Map<string, CredentialRecord>();
  let seq = 0;
  let closed = false;

  const ensureOpen = (operation: string): void => {
    if (closed) throw new BenchHubError(`${operation}: the memory storage is closed`);
  };

  const recordOf = (id: string, operation: string): TaskRecord => {
    const record = tasks.get(id);
    if (record === undefined) throw new BenchHubError(`${operation}: no task with id "${id}"`);
    return record;
  };

  const checkName = (name: unknown, operation: string): string => {
    if (typeof name !== 'string' || name.trim() === '') {
      throw new BenchHubError(`${operation}: the credential name must be a non-empty string`);
    }
    return name;
  };

  return {
    specificationVersion: SPECIFICATION_VERSION,
    capabilities: CAPABILITIES,

    async migrate() {
      ensureOpen('migrate');
    },

    async createTask(input: NewTask) {
      ensureOpen('createTask');
      const id = checkNewTask(input, generateId);
      if (tasks.has(id)) throw new BenchHubError(`createTask: a task with id "${id}" already exists`);
      const task = buildNewTask(input, id, now());
      tasks.set(id, { task, seq: seq++, results: new Map() });
      return structuredClone(task);
    },

    async getTask(id) {
      ensureOpen('getTask');
      const record = tasks.get(id);
      return record === undefined ? undefined : structuredClone(record.task);
    },

    async listTasks(query: TaskQuery = {}) {
      ensureOpen('listTasks');
      const paging = resolvePaging(query, 'listTasks');
      if (query.createdAfter !== undefined) assertDate(query.createdAfter, 'listTasks: createdAfter');
      if (query.createdBefore !== undefined) assertDate(query.createdBefore, 'listTasks: createdBefore');
      const statuses = query.status === undefined || query.status.length === 0 ? undefined : query.status;
      const after = query.createdAfter?.getTime();
      const before = query.createdBefore?.getTime();
      const matching: TaskRecord[] = [];
      for (const record of tasks.values()) {
        const created = record.task.createdAt.getTime();
        if (statuses !== undefined && !statuses.includes(record.task.status)) continue;
        if (after !== undefined && created < after) continue;
        if (before !== undefined && created >= before) continue;
        matching.push(record);
      }
      const sign = query.order === 'oldest' ? 1 : -1;
      matching.sort(
        (a, b) => sign * (a.task.createdAt.getTime() - b.task.createdAt.getTime() || a.seq - b.seq),
      );
      const page = pageOf(matching, paging);
      return { items: page.items.map((r) => structuredClone(r.task)), total: page.total };
    },

    async updateTask(id: string, update: TaskUpdate, options: TaskUpdateOptions = {}) {
      ensureOpen('updateTask');
      const record = recordOf(id, 'updateTask');
      const current = record.task;
      if (options.ifStatus !== undefined && !options.ifStatus.includes(current.status)) return undefined;

      const next = applyTaskUpdate(current, update, now());
      record.task = next;
      return structuredClone(next);
    },

    async appendResults(results: readonly SampleResult[]): Promise<AppendResultsOutcome> {
      ensureOpen('appendResults');
      if (!Array.isArray(results)) throw new BenchHubError('appendResults: expected an array of results');
      // Validate the whole batch first: a bad batch writes nothing.
      let lastTaskId: string | undefined;
      for (let i = 0; i < results.length; i++) {
        const result = results[i] as SampleResult;
        assertStorableResult(result, i);
        if (result.taskId !== lastTaskId) {
          if (!tasks.has(result.taskId)) {
            throw new BenchHubError(`appendResults: results[${i}].taskId "${result.taskId}" names no task`);
          }
          lastTaskId = result.taskId;
        }
      }
      let written = 0;
      let skipped = 0;
      let record: TaskRecord | undefined;
      for (const result of results) {
        if (record === undefined || record.task.id !== result.taskId) {
          record = tasks.get(result.taskId) as TaskRecord;
        }
        const slot = resultSlot(result.modelId, result.sampleId, result.repeat);
        const stored = record.results.get(slot);
        if (stored !== undefined && stored.error === undefined) {
          skipped++;
          continue;
        }
        record.results.set(slot, { ...result });
        written++;
      }
      return { written, skipped };
    },

    async *streamResults(query: ResultQuery): AsyncIterable<SampleResult> {
      ensureOpen('streamResults');
      if (!isPlainRecord(query) || typeof query.taskId !== 'string' || query.taskId === '') {
        throw new BenchHubError('streamResults: query.taskId must be a non-empty string');
      }
      const record = tasks.get(query.taskId);
      if (record === undefined) return;
      const models = query.modelId === undefined ? undefined : new Set(query.modelId);
      const failed = query.failed;
      for (const result of record.results.values()) {
        if (closed) return;
        if (models !== undefined && !models.has(result.modelId)) continue;
        if (failed !== undefined && failed !== (result.error !== undefined)) continue;
        yield { ...result };
      }
    },

    async *completedKeys(taskId: string): AsyncIterable<ResultKey> {
      ensureOpen('completedKeys');
      const record = tasks.get(taskId);
      if (record === undefined) return;
      for (const result of record.results.values()) {
        if (closed) return;
        if (result.error !== undefined) continue;
        yield { taskId, modelId: result.modelId, sampleId: result.sampleId, repeat: result.repeat };
      }
    },

    async upsertLeaderboard(entries: readonly LeaderboardEntry[]) {
      ensureOpen('upsertLeaderboard');
      leaderboard.upsert(entries);
    },

    async browseLeaderboard(query: LeaderboardQuery = {}): Promise<StoragePage<LeaderboardEntry>> {
      ensureOpen('browseLeaderboard');
      return leaderboard.browse(query);
    },

    async leaderboardCategories() {
      ensureOpen('leaderboardCategories');
      return leaderboard.categories();
    },

    async quarantineLeaderboard(filter: LeaderboardFilter, quarantined = true) {
      ensureOpen('quarantineLeaderboard');
      return leaderboard.quarantine(filter, quarantined);
    },

    async deleteLeaderboard(filter: LeaderboardFilter) {
      ensureOpen('deleteLeaderboard');
      return leaderboard.remove(filter);
    },

    async stats(): Promise<StorageStats> {
      ensureOpen('stats');
      const byStatus = Object.fromEntries(TASK_STATUSES.map((s) => [s, 0])) as Record<TaskStatus, number>;
      let total = 0;
      let failed = 0;
      for (const record of tasks.values()) {
        byStatus[record.task.status]++;
        total += record.results.size;
        for (const result of record.results.values()) if (result.error !== undefined) failed++;
      }
      return { tasks: byStatus, results: { total, failed }, leaderboard: leaderboard.counts() };
    },

    async cleanup(olderThan: Date): Promise<CleanupOutcome> {
      ensureOpen('cleanup');
      assertDate(olderThan, 'cleanup: olderThan');
      const limit = olderThan.getTime();
      let removedTasks = 0;
      let removedResults = 0;
      for (const [id, record] of tasks) {
        const { status, finishedAt } = record.task;
        if (!isTerminalStatus(status) || finishedAt === undefined || finishedAt.getTime() >= limit) continue;
        removedTasks++;
        removedResults += record.results.size;
        tasks.delete(id);
      }
      return { tasks: removedTasks, results: removedResults };
    },

    async storeCredential(name: string, value: string) {
      ensureOpen('storeCredential');
      checkName(name, 'storeCredential');
      if (typeof value !== 'string')
        throw new BenchHubError(`storeCredential: the value of "${name}" must be a string`);
      credentials.set(name, { sealed: cipher.seal(name, value), createdAt: now() });
    },

    async getCredential(name: string) {
      ensureOpen('getCredential');
      checkName(name, 'getCredential');
      const record = credentials.get(name);
      return record === undefined ? undefined : cipher.open(name, record.sealed);
    },

    async listCredentials(): Promise<CredentialInfo[]> {
      ensureOpen('listCredentials');
      return [...credentials]
        .map(([name, record]) => ({ name, createdAt: new Date(record.createdAt.getTime()) }))
        .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    },

    async deleteCredential(name: string) {
      ensureOpen('deleteCredential');
      checkName(name, 'deleteCredential');
      return credentials.delete(name);
    },

    async close() {
      if (closed) return;
      closed = true;
      tasks.clear();
      leaderboard.clear();
      credentials.clear();
      cipher.destroy();
    },
  };
}
