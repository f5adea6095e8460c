import { BenchHubError, type BenchHubErrorOptions } from '@benchhub/core';

const MARKER = Symbol.for('benchhub.error.golden-set');

/** One problem in a golden set file. */
export interface GoldenSetIssue {
  /** The id of the entry the problem is in, when the entry has one. */
  entryId?: string;
  /** Field path, e.g. `entries[3].expect.subjectType[0]`. */
  path: string;
  /** What is wrong, and the fix when one is known. */
  message: string;
}

/** A golden set file could not be read or is invalid; `issues` names each entry and field. */
export class GoldenSetError extends BenchHubError {
  readonly issues: readonly GoldenSetIssue[];
  /** The file (or label) the golden set came from. */
  readonly source: string;

  constructor(
    source: string,
    issues: readonly GoldenSetIssue[],
    options: BenchHubErrorOptions & { summary?: string } = {},
  ) {
    const lines = issues.map(
      (i) =>
        `  - ${i.entryId === undefined ? '' : `entry "${i.entryId}" `}${i.path || '(root)'}: ${i.message}`,
    );
    super(
      `${options.summary ?? `Invalid golden set ${source}`}${lines.length > 0 ? `\n${lines.join('\n')}` : ''}`,
      options,
    );
    Object.defineProperty(this, MARKER, { value: true });
    this.name = 'GoldenSetError';
    this.source = source;
    this.issues = issues;
  }

  /** True when `error` is a GoldenSetError from any copy of this package. */
  static override isInstance(error: unknown): error is GoldenSetError {
    return typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[MARKER] === true;
  }
}
