import { normalizeLanguage } from '../domain/language.js';
import type { SampleResultLabels } from '../domain/result.js';
import { coarseSubject, resolveSubject } from '../taxonomy/resolve.js';
import { normalizeTaskType } from '../taxonomy/task-types.js';

/** The labels of a result that a leaderboard slices by. */
export type LeaderboardLabels = Pick<SampleResultLabels, 'language' | 'subjectType' | 'taskType'>;

/** A label set as the leaderboard reads it: resolved once per distinct set. */
export interface ResolvedLabels {
  /** BCP-47 when known, else as given. */
  language: string;
  /** Canonical task type; `undefined` when the result has none (and there is no default). */
  taskType: string | undefined;
  /** Canonical subjects, a coarse one dropped when a fine subject of it is also listed. */
  subjects: readonly string[];
}

/** Resolves label sets for the leaderboard, each distinct set once. */
export interface LabelResolver {
  /** The resolved form of a label set (cached per object and per distinct content). */
  resolve(labels: LeaderboardLabels): ResolvedLabels;
  /** The coarse subject of a canonical subject (itself when it is coarse or unknown). */
  coarseOf(subject: string): string;
}

/** A string that identifies a label set's content. */
function labelSetKey(labels: LeaderboardLabels): string {
  return `${labels.language}\u0000${labels.taskType ?? '\u0001'}\u0000${labels.subjectType.join('\u0000')}`;
}

/**
 * Interns label sets: equal sets give one shared (frozen) object, so a million results that repeat a few
 * hundred label sets keep a few hundred objects, and a {@link LabelResolver} resolves them by identity.
 *
 * @example
 * ```ts
 * const intern = createLabelInterner();
 * intern({ language: 'ko', subjectType: ['HASS'] }) === intern({ language: 'ko', subjectType: ['HASS'] }); // true
 * ```
 */
export function createLabelInterner(): (labels: LeaderboardLabels) => LeaderboardLabels {
  const shared = new Map<string, LeaderboardLabels>();
  return (labels) => {
    const key = labelSetKey(labels);
    let found = shared.get(key);
    if (found === undefined) {
      const { language, taskType } = labels;
      const subjectType = Object.freeze([...labels.subjectType]) as string[];
      found = Object.freeze(
        taskType === undefined ? { language, subjectType } : { language, subjectType, taskType },
      );
      shared.set(key, found);
    }
    return found;
  };
}

/** `fn` with its results kept per distinct argument. */
function memoize<R>(fn: (value: string) => R): (value: string) => R {
  const cache = new Map<string, R>();
  return (value) => {
    if (cache.has(value)) return cache.get(value) as R;
    const result = fn(value);
    cache.set(value, result);
    return result;
  };
}

/**
 * Creates a {@link LabelResolver}: language normalisation, subject resolution against the taxonomy,
 * removal of a coarse subject listed beside one of its fine subjects, task-type normalisation
 * (`defaultTaskType` for results that have none).
 *
 * @example
 * ```ts
 * createLabelResolver().resolve({ language: 'Korean', subjectType: ['Tech.', 'Tech./Coding'], taskType: 'knowledge' });
 * // { language: 'ko', taskType: 'Knowledge', subjects: ['Tech./Coding'] }
 * ```
 */
export function createLabelResolver(defaultTaskType?: string): LabelResolver {
  const resolveSubjectOnce = memoize(resolveSubject);
  const coarseOf = memoize((subject: string) => coarseSubject(subject) ?? subject);
  const languageOf = memoize((language: string) => normalizeLanguage(language) ?? language);
  const taskTypeOf = memoize(normalizeTaskType);
  const byObject = new WeakMap<LeaderboardLabels, ResolvedLabels>();
  const byContent = new Map<string, ResolvedLabels>();

  const resolveContent = (labels: LeaderboardLabels): ResolvedLabels => {
    const language = languageOf(labels.language);
    const rawTaskType = labels.taskType ?? defaultTaskType;
    const taskType =
      rawTaskType === undefined || rawTaskType.trim() === '' ? undefined : taskTypeOf(rawTaskType);
    const subjects = new Set<string>();
    for (const s of labels.subjectType) {
      const resolved = resolveSubjectOnce(s);
      if (resolved !== undefined) subjects.add(resolved);
    }
    // BenchHub rows often list a coarse subject beside its fine one (["Tech.", "Tech./Coding"]): the
    // coarse label is implied by the fine one and must not count the sample a second time.
    for (const subject of [...subjects]) {
      if (coarseOf(subject) !== subject) continue;
      for (const other of subjects) {
        if (other !== subject && coarseOf(other) === subject) {
          subjects.delete(subject);
          break;
        }
      }
    }
    return { language, taskType, subjects: [...subjects] };
  };

  return {
    resolve(labels) {
      let resolved = byObject.get(labels);
      if (resolved !== undefined) return resolved;
      const key = labelSetKey(labels);
      resolved = byContent.get(key);
      if (resolved === undefined) {
        resolved = resolveContent(labels);
        byContent.set(key, resolved);
      }
      byObject.set(labels, resolved);
      return resolved;
    },
    coarseOf,
  };
}
