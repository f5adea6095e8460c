import { BenchHubError, type BenchHubErrorOptions } from '@benchhub/core';

const MARKER = Symbol.for('benchhub.error.planning');

/** One reason a request cannot be planned as asked. */
export interface PlanningIssue {
  /** The plan-draft field the problem is about, e.g. `subjectType[0]` or `sampleSize` (empty: the request). */
  path: string;
  /** What is wrong, and the fix when one is known. */
  message: string;
}

/**
 * A request cannot be planned as asked: a subject BenchHub does not have, a sample size beyond the data,
 * contradictory languages, or a planner answer that stayed invalid. Never retryable: the request itself
 * must change. `issues` names each problem with its field path.
 *
 * @example
 * ```ts
 * try { await planner.plan('quantum cooking, 100 questions'); }
 * catch (e) { if (PlanningError.isInstance(e)) console.error(e.issues.map((i) => i.message)); }
 * ```
 */
export class PlanningError extends BenchHubError {
  override readonly isRetryable = false;
  readonly issues: readonly PlanningIssue[];

  constructor(message: string, issues: readonly PlanningIssue[] = [], options: BenchHubErrorOptions = {}) {
    const lines = issues.map((i) => `  - ${i.path === '' ? '(request)' : i.path}: ${i.message}`);
    super(lines.length > 0 ? `${message}\n${lines.join('\n')}` : message, options);
    Object.defineProperty(this, MARKER, { value: true });
    this.name = 'PlanningError';
    this.issues = issues;
  }

  /** True when `error` is a PlanningError from any copy of this package. */
  static override isInstance(error: unknown): error is PlanningError {
    return typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[MARKER] === true;
  }
}
