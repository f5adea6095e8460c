import type { LeaderboardEntry, LeaderboardSource } from '../domain/leaderboard.js';
import type { SampleResult } from '../domain/result.js';
import type { Task, TaskError, TaskStatus } from '../domain/task.js';
import type { BenchHubSpecVersion } from './version.js';

/** How far a task has got: `total` expected results (0 while unknown), `completed` written, `failed` of those. */
export type TaskProgress = Task['progress'];

/** What makes a sample result unique: a retried write of the same key never duplicates (see `sampleResultKey`). */
export type ResultKey = Pick<SampleResult, 'taskId' | 'modelId' | 'sampleId' | 'repeat'>;

/** What a storage backend guarantees. */
export interface StorageCapabilities {
  /** Each batch write is atomic: on failure no part of it is stored. */
  transactions: boolean;
  /** Several processes may write at once (PostgreSQL: yes; SQLite: one writer at a time). */
  concurrentWriters: boolean;
  /** Data survives a restart (false for the in-memory store). */
  persistent: boolean;
}

/** A page of a listing. */
export interface StoragePage<T> {
  /** The records of this page, in the requested order. */
  items: T[];
  /** How many records match the filter in all pages. */
  total: number;
  /**
   * Opaque cursor of the next page, when there is one (leaderboard browsing): pass it back as
   * `cursor` with the same filters and sort to continue after the last item of this page.
   */
  nextCursor?: string | undefined;
}

/** Offset paging. */
export interface StoragePaging {
  /** Most records to return (default 50; backends may cap it at 1000). */
  limit?: number;
  /** Records to skip (default 0). */
  offset?: number;
}

/** A task to create. */
export interface NewTask {
  /** Id to use; a fresh one is generated when absent. Creating an existing id rejects. */
  id?: string;
  /** The plan's name, for listings. */
  planName: string;
  /** The plan object with `${VAR}` placeholders unresolved (never a secret). */
  plan: Record<string, unknown>;
  /** Sample results the task will write in all, when already known. */
  total?: number;
  /** Free-form labels (submitter, tags, the request it came from). */
  metadata?: Record<string, unknown>;
}

/** Filter and order of `listTasks`. */
export interface TaskQuery extends StoragePaging {
  /** Only tasks in one of these statuses. */
  status?: readonly TaskStatus[];
  /** Only tasks created at or after this instant. */
  createdAfter?: Date;
  /** Only tasks created before this instant. */
  createdBefore?: Date;
  /** By creation time, newest first by default. */
  order?: 'newest' | 'oldest';
}

/**
 * A change to a task. A status change follows `transitionTask`: the storage sets `startedAt` and
 * `finishedAt` and clears them on a restart.
 */
export interface TaskUpdate {
  /**
   * The new status; must be allowed from the current one (see `canTransition`). The current status
   * itself is not a transition: the status stays and the other fields still apply.
   */
  status?: TaskStatus;
  /** Counters to overwrite (omitted counters are kept). */
  progress?: Partial<TaskProgress>;
  /** The failure to record, with a FAILURE status. */
  error?: TaskError;
  /** Labels to replace the task's `metadata` with. */
  metadata?: Record<string, unknown>;
}

/** Options of `updateTask`. */
export interface TaskUpdateOptions {
  /**
   * Compare-and-set: apply the update only if the task is currently in one of these statuses.
   * Lets two workers race to start a task without both winning.
   */
  ifStatus?: readonly TaskStatus[];
}

/** Filter of `streamResults`. */
export interface ResultQuery {
  /** Results of this task (required: results are always read per task). */
  taskId: string;
  /** Only results of these models. */
  modelId?: readonly string[];
  /** Only failed (`true`) or only successful (`false`) results. */
  failed?: boolean;
}

/** What one `appendResults` call did. */
export interface AppendResultsOutcome {
  /** Results stored (new keys, or replacing a stored error for the same key). */
  written: number;
  /** Results ignored because a successful result with the same key was already stored. */
  skipped: number;
}

/** The dimension a leaderboard is sorted by. */
export type LeaderboardSortKey = 'score' | 'n' | 'updatedAt' | 'modelName';

/**
 * Which leaderboard entries an operation applies to. Within one filter values are ORed; filters are
 * ANDed; an absent or empty filter matches everything.
 */
export interface LeaderboardFilter {
  /** BCP-47 language tags. */
  language?: readonly string[];
  /** Subjects; a coarse subject (`HASS`) also matches its fine subjects (`HASS/History`). */
  subjectType?: readonly string[];
  /** Task types. */
  taskType?: readonly string[];
  /** Model names. */
  modelName?: readonly string[];
  /** Metric names. */
  metric?: readonly string[];
  /** Only entries updated within this many milliseconds (the cache TTL). */
  maxAgeMs?: number;
  /** Only entries from these sources (`evaluation`, `seed`). */
  source?: readonly LeaderboardSource[];
}

/** Filter, order and paging of `browseLeaderboard`. */
export interface LeaderboardQuery extends LeaderboardFilter, StoragePaging {
  /**
   * Sort order; by default score, best first. Ties are broken by model, metric, language, subject and task
   * type (ascending, whatever the direction), so the order is total and deterministic. Strings compare by
   * Unicode code point, not by locale (`Org/B` before `org/a`; PostgreSQL `COLLATE "C"`, SQLite `BINARY`).
   */
  sort?: { by: LeaderboardSortKey; direction: 'asc' | 'desc' };
  /**
   * Continue after the page that returned this `nextCursor` (keyset paging: entries written meanwhile never
   * shift a page). Pass the same filters and sort; `offset` must then be absent or 0. A malformed cursor,
   * or one made for another sort, rejects with a `BenchHubError`.
   */
  cursor?: string;
  /** Include quarantined entries (hidden by default). */
  includeQuarantined?: boolean;
}

/** The distinct values present on the (visible) leaderboard, each sorted ascending. */
export interface LeaderboardCategories {
  /** Model names, as stored. */
  modelNames: string[];
  /** Metric names. */
  metrics: string[];
  /** BCP-47 language tags. */
  languages: string[];
  /** Canonical subjects (fine and coarse, as present). */
  subjectTypes: string[];
  /** Task types, canonical spelling. */
  taskTypes: string[];
}

/** Counts across the store. */
export interface StorageStats {
  /** Tasks per status (every status present, 0 when none). */
  tasks: Record<TaskStatus, number>;
  /** Sample results stored, and how many of them are failures. */
  results: { total: number; failed: number };
  /** Leaderboard entries: visible, quarantined (hidden) and soft-deleted. */
  leaderboard: { visible: number; quarantined: number; deleted: number };
}

/** What `cleanup` removed. */
export interface CleanupOutcome {
  /** Tasks removed. */
  tasks: number;
  /** Sample results removed with them. */
  results: number;
}

/** A stored credential, without its value. */
export interface CredentialInfo {
  /** The credential's name, e.g. `openai`. */
  name: string;
  /** When it was stored. */
  createdAt: Date;
}

/**
 * Where tasks, sample results, the leaderboard and credentials live: the single source of truth of
 * a run. The in-memory store, SQLite and PostgreSQL implement it and pass the same conformance suite.
 *
 * @example
 * ```ts
 * await storage.migrate();
 * const task = await storage.createTask({ plan });
 * await storage.updateTask(task.id, { status: 'STARTED' }, { ifStatus: ['PENDING'] });
 * await storage.appendResults(batch); // a retried batch never duplicates
 * for await (const r of storage.streamResults({ taskId: task.id })) console.log(r.sampleId, r.scores);
 * ```
 */
export interface StorageV1 {
  /** The contract version this storage implements. */
  readonly specificationVersion: BenchHubSpecVersion;
  /** What the backend guarantees. */
  readonly capabilities: StorageCapabilities;

  /** Creates or upgrades the schema to the adapter's version. Idempotent; call before anything else. */
  migrate(): Promise<void>;

  /** Creates a PENDING task with zeroed progress and `createdAt` set by the storage. */
  createTask(task: NewTask): Promise<Task>;
  /** The task with this id, or `undefined`. */
  getTask(id: string): Promise<Task | undefined>;
  /** Tasks matching the query, a page at a time. */
  listTasks(query?: TaskQuery): Promise<StoragePage<Task>>;
  /**
   * Applies an update and returns the task as stored. Returns `undefined` when `ifStatus` did not
   * match (another worker got there first). Rejects with a `BenchHubError` when the task does not
   * exist, and with a `TaskTransitionError` when the status change is not allowed (e.g. SUCCESS → STARTED).
   */
  updateTask(id: string, update: TaskUpdate, options?: TaskUpdateOptions): Promise<Task | undefined>;

  /**
   * Stores a batch of results, idempotent on (taskId, modelId, sampleId, repeat): a key already stored
   * with a success is skipped; a key stored with an error is replaced, so a retry can succeed.
   */
  appendResults(results: readonly SampleResult[]): Promise<AppendResultsOutcome>;
  /** Streams a task's results in a stable order without loading them all into memory. */
  streamResults(query: ResultQuery): AsyncIterable<SampleResult>;
  /** Streams the keys of a task's successful results: what a resumed run must not request again. */
  completedKeys(taskId: string): AsyncIterable<ResultKey>;

  /**
   * Replaces entries with the same `leaderboardKey` (model × metric × language × subject × task type) and
   * adds new ones. Labels are normalised as `LeaderboardEntrySchema` does and an entry without `source` is
   * an `evaluation` entry; an invalid entry rejects the whole call. A replaced entry keeps its quarantine; a
   * soft-deleted one comes back.
   */
  upsertLeaderboard(entries: readonly LeaderboardEntry[]): Promise<void>;
  /**
   * Leaderboard entries matching the query, a page at a time (offset or cursor), with `total` (all matching
   * entries, whatever the page) and `nextCursor` when more entries follow the page. Quarantined entries
   * are left out unless `includeQuarantined`; soft-deleted entries always are.
   */
  browseLeaderboard(query?: LeaderboardQuery): Promise<StoragePage<LeaderboardEntry>>;
  /**
   * The distinct models, metrics, languages, subjects and task types of the visible leaderboard (neither
   * quarantined nor deleted), each sorted by code point.
   */
  leaderboardCategories(): Promise<LeaderboardCategories>;
  /**
   * Hides (or, with `quarantined: false`, shows again) the matching entries without deleting them, e.g.
   * scores under review. Returns how many entries changed (already quarantined ones, and deleted ones, do
   * not count). An upsert keeps an entry's quarantine, even through a delete and revival.
   */
  quarantineLeaderboard(filter: LeaderboardFilter, quarantined?: boolean): Promise<number>;
  /**
   * Soft-deletes the matching entries: they are no longer browsed, listed or counted as visible, and a
   * later upsert of the same key brings the entry back. Returns how many were deleted.
   */
  deleteLeaderboard(filter: LeaderboardFilter): Promise<number>;
  /** Counts of tasks by status, results and leaderboard entries. */
  stats(): Promise<StorageStats>;

  /**
   * Removes tasks in a terminal status finished before `olderThan`, with their results.
   * Unfinished tasks and the leaderboard are never removed.
   */
  cleanup(olderThan: Date): Promise<CleanupOutcome>;

  /** Stores a secret (an API key) under `name`, encrypted at rest, replacing any previous value. */
  storeCredential(name: string, value: string): Promise<void>;
  /** The decrypted secret stored under `name`, or `undefined`. */
  getCredential(name: string): Promise<string | undefined>;
  /** The stored credentials' names and dates; values are never listed. */
  listCredentials(): Promise<CredentialInfo[]>;
  /** Removes a secret; returns whether it existed. */
  deleteCredential(name: string): Promise<boolean>;

  /** Releases connections and file handles. The storage is unusable afterwards. */
  close(): Promise<void>;
}
