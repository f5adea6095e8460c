import { BenchHubError, type BenchHubErrorOptions, markerGuard } from '../errors/benchhub-error.js';

const MARKER = Symbol.for('benchhub.error.scoring');
const JUDGE_MARKER = Symbol.for('benchhub.error.judge-verdict');

/** Where a scoring problem happened. */
export interface ScoringErrorOptions extends BenchHubErrorOptions {
  /** The scoring method, e.g. `string_match`. */
  method: string;
  /** Id of the sample that could not be scored. */
  sampleId?: string;
  /** Whether scoring again may succeed (a judge asked again may answer in the right format). */
  isRetryable?: boolean;
}

/**
 * A sample could not be scored: the scorer cannot decide, so it says so instead of returning 0.
 * Typical causes: no reference answer, a reference that is not one of the options, missing
 * log-likelihoods. The engine records it as the result's error, never as a score.
 *
 * @example
 * ```ts
 * try { await scorer.score(sample, output); }
 * catch (e) { if (ScoringError.isInstance(e)) console.error(e.method, e.sampleId, e.message); }
 * ```
 */
export class ScoringError extends BenchHubError {
  override readonly isRetryable: boolean;
  /** The scoring method. */
  readonly method: string;
  /** The sample that could not be scored, when known. */
  readonly sampleId: string | undefined;

  constructor(message: string, options: ScoringErrorOptions) {
    const where =
      options.sampleId === undefined ? options.method : `${options.method}, sample ${options.sampleId}`;
    super(`${message} (${where})`, options);
    Object.defineProperty(this, MARKER, { value: true });
    this.name = 'ScoringError';
    this.method = options.method;
    this.sampleId = options.sampleId;
    this.isRetryable = options.isRetryable ?? false;
  }

  static override isInstance = markerGuard<ScoringError>(MARKER);
}

/** Details of an unparseable judge verdict. */
export interface JudgeVerdictErrorOptions extends Omit<ScoringErrorOptions, 'method'> {
  /** The judge's full reply. */
  verdictText: string;
  /** The format the reply had to end with, e.g. `Score: N (1-10)`. */
  expected: string;
}

/**
 * An LLM judge replied without a verdict in the required format (or with a score outside the rubric's
 * range). It is an error, never a score. Retryable: asking the judge again may give a parseable reply.
 *
 * @example
 * ```ts
 * if (JudgeVerdictError.isInstance(e)) console.error(e.expected, e.verdictText.slice(-200));
 * ```
 */
export class JudgeVerdictError extends ScoringError {
  /** The judge's full reply. */
  readonly verdictText: string;
  /** The format the reply had to end with. */
  readonly expected: string;

  constructor(message: string, options: JudgeVerdictErrorOptions) {
    super(message, { ...options, method: 'llm_judge', isRetryable: options.isRetryable ?? true });
    Object.defineProperty(this, JUDGE_MARKER, { value: true });
    this.name = 'JudgeVerdictError';
    this.verdictText = options.verdictText;
    this.expected = options.expected;
  }

  static override isInstance = markerGuard<JudgeVerdictError>(JUDGE_MARKER);
}
