import { BenchHubError, type BenchHubErrorOptions, markerGuard } from './benchhub-error.js';

const MARKER = Symbol.for('benchhub.error.plan-validation');

/** One problem in a plan. */
export interface PlanIssue {
  /** Field path, e.g. `models[0].parameters.temperature`. */
  path: string;
  /** 1-based line in the YAML or JSON source, when the plan came from text. */
  line?: number;
  /** What is wrong, and the fix when one is known. */
  message: string;
}

/** Formats issues one per line: `path (line N): message`. */
export function formatPlanIssues(issues: readonly PlanIssue[]): string {
  return issues
    .map((i) => `  - ${i.path || '(root)'}${i.line === undefined ? '' : ` (line ${i.line})`}: ${i.message}`)
    .join('\n');
}

/** A plan is invalid; `issues` names every problem with its path and line. */
export class PlanValidationError extends BenchHubError {
  readonly issues: readonly PlanIssue[];
  /** Where the plan came from (a file path), when known. */
  readonly source: string | undefined;

  constructor(issues: readonly PlanIssue[], options: BenchHubErrorOptions & { source?: string } = {}) {
    const where = options.source ? ` in ${options.source}` : '';
    super(
      `Invalid plan${where}: ${issues.length} problem${issues.length === 1 ? '' : 's'}\n${formatPlanIssues(issues)}`,
      options,
    );
    Object.defineProperty(this, MARKER, { value: true });
    this.name = 'PlanValidationError';
    this.issues = issues;
    this.source = options.source;
  }

  static override isInstance = markerGuard<PlanValidationError>(MARKER);
}
