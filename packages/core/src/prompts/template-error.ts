import { BenchHubError, type BenchHubErrorOptions, markerGuard } from '../errors/benchhub-error.js';

const MARKER = Symbol.for('benchhub.error.template');

/** A 1-based position in a template's source text. */
export interface TemplatePosition {
  /** 1-based line. */
  line: number;
  /** 1-based column (in UTF-16 code units). */
  column: number;
}

/** Where a template problem is. */
export interface TemplateErrorOptions extends BenchHubErrorOptions {
  /** Position of the offending tag in the template source. */
  position?: TemplatePosition;
  /** The field path the problem is about, e.g. `extra.subject`. */
  field?: string;
  /** The id of the sample being rendered, for render-time problems. */
  sampleId?: string;
  /** The template's name, when it has one (a built-in name or a user label). */
  template?: string;
}

/**
 * A prompt template could not be compiled (bad syntax, unknown field or filter) or rendered for a sample
 * (missing value, wrong type). The message names the field, the template position and the sample.
 *
 * @example
 * ```ts
 * try { compileTemplate('{{ questoin }}'); } catch (e) {
 *   if (TemplateError.isInstance(e)) console.error(e.field, e.position); // 'questoin', { line: 1, column: 1 }
 * }
 * ```
 */
export class TemplateError extends BenchHubError {
  /** Position of the offending tag, when the problem is in the template text. */
  readonly position: TemplatePosition | undefined;
  /** The field path concerned, e.g. `extra.subject`. */
  readonly field: string | undefined;
  /** The sample being rendered, for render-time problems. */
  readonly sampleId: string | undefined;
  /** The template's name. */
  readonly template: string | undefined;
  /** The message without the location suffix, to re-raise with more context. */
  readonly detail: string;

  constructor(message: string, options: TemplateErrorOptions = {}) {
    const at = [
      options.template === undefined ? '' : `template ${options.template}`,
      options.position === undefined
        ? ''
        : `line ${options.position.line}, column ${options.position.column}`,
      options.sampleId === undefined ? '' : `sample "${options.sampleId}"`,
    ]
      .filter(Boolean)
      .join(', ');
    super(at ? `${message} (${at})` : message, options);
    Object.defineProperty(this, MARKER, { value: true });
    this.name = 'TemplateError';
    this.detail = message;
    this.position = options.position;
    this.field = options.field;
    this.sampleId = options.sampleId;
    this.template = options.template;
  }

  /** A copy of this error with the sample id and template name filled in where missing. */
  withContext(context: { sampleId?: string; template?: string }): TemplateError {
    const options: TemplateErrorOptions = { cause: this.cause };
    const position = this.position;
    const field = this.field;
    const sampleId = this.sampleId ?? context.sampleId;
    const template = this.template ?? context.template;
    if (position !== undefined) options.position = position;
    if (field !== undefined) options.field = field;
    if (sampleId !== undefined) options.sampleId = sampleId;
    if (template !== undefined) options.template = template;
    return new TemplateError(this.detail, options);
  }

  static override isInstance = markerGuard<TemplateError>(MARKER);
}
