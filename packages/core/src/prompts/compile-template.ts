import { closestMatch } from '../text/closest-match.js';
import { pythonStrip } from '../text/python-text.js';
import { SAMPLE_TEMPLATE_FIELDS } from './sample-scope.js';
import type { PathSegment, TemplateExpression, TemplateNode } from './template-ast.js';
import { TemplateError } from './template-error.js';
import { TEMPLATE_FILTERS } from './template-filters.js';
import { parseTemplate } from './template-parser.js';

/** Variables defined inside `{{#each list}} … {{/each}}`. */
export const LOOP_TEMPLATE_FIELDS = ['this', 'text', 'letter', 'index', 'number', 'first', 'last'] as const;

/** Options of {@link compileTemplate}. */
export interface CompileTemplateOptions {
  /**
   * Top-level field names the template may use; any other name is a compile error. Defaults to
   * {@link SAMPLE_TEMPLATE_FIELDS}. Pass `null` to accept any name (checked only at render time).
   */
  fields?: readonly string[] | null;
  /** A name for the template, used in error messages. */
  name?: string;
}

/** A template compiled once, rendered many times. */
export interface CompiledTemplate {
  /** The source text. */
  readonly source: string;
  /** The top-level fields the template reads, in first-use order. */
  readonly fields: readonly string[];
  /**
   * Renders with the given top-level values. Throws {@link TemplateError} naming the field and position
   * when a printed value is missing or has the wrong type.
   */
  render(values: Readonly<Record<string, unknown>>): string;
}

interface Scope {
  readonly vars: Readonly<Record<string, unknown>>;
  readonly parent: Scope | undefined;
}
type Renderer = (scope: Scope, out: string[]) => void;

const MISSING: unique symbol = Symbol('missing');
type Resolved = unknown | typeof MISSING;

function lookup(scope: Scope, name: string): Resolved {
  for (let s: Scope | undefined = scope; s; s = s.parent) {
    if (Object.hasOwn(s.vars, name)) {
      const value = s.vars[name];
      return value === undefined || value === null ? MISSING : value;
    }
  }
  return MISSING;
}

function step(value: unknown, segment: PathSegment): Resolved {
  let next: unknown;
  if (typeof segment === 'number') {
    if (!Array.isArray(value) || segment >= value.length) return MISSING;
    next = value[segment];
  } else {
    if (
      typeof value !== 'object' ||
      value === null ||
      Array.isArray(value) ||
      !Object.hasOwn(value, segment)
    ) {
      return MISSING;
    }
    next = (value as Record<string, unknown>)[segment];
  }
  return next === undefined || next === null ? MISSING : next;
}

function suggestion(name: string, known: readonly string[]): string {
  const best = closestMatch(name, known);
  return best === undefined ? '' : ` Did you mean "${best}"?`;
}

function stringify(value: unknown, expression: TemplateExpression): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const kind = Array.isArray(value) ? 'a list' : 'an object';
  throw new TemplateError(
    `field "${expression.text}" is ${kind} and cannot be printed: use {{#each ${expression.text}}} or a filter such as | join`,
    { position: expression.position, field: expression.text },
  );
}

/**
 * Whether a value counts as true in `{{#if}}`: missing, `null`, `false`, whitespace-only text and empty
 * lists are false; every number (including 0) is true, so `{{#if answerIndex}}` means "has an answer".
 */
export function isTemplateTruthy(value: unknown): boolean {
  if (value === undefined || value === null || value === false) return false;
  if (typeof value === 'string') return pythonStrip(value) !== '';
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

class TemplateCompiler {
  readonly fields: string[] = [];
  constructor(private readonly known: readonly string[] | null) {}

  nodes(nodes: readonly TemplateNode[], loopDepth: number): Renderer {
    const parts = nodes.map((node) => this.node(node, loopDepth));
    if (parts.length === 1) return parts[0]!;
    return (scope, out) => {
      for (const part of parts) part(scope, out);
    };
  }

  private node(node: TemplateNode, loopDepth: number): Renderer {
    switch (node.kind) {
      case 'text': {
        const value = node.value;
        return (_scope, out) => {
          out.push(value);
        };
      }
      case 'output': {
        const evaluate = this.expression(node.expression, loopDepth, false);
        const expression = node.expression;
        return (scope, out) => {
          const value = evaluate(scope);
          if (value === MISSING) throw this.missing(expression);
          out.push(stringify(value, expression));
        };
      }
      case 'if': {
        const evaluate = this.expression(node.expression, loopDepth, true);
        const body = this.nodes(node.body, loopDepth);
        const otherwise = this.nodes(node.otherwise, loopDepth);
        const negate = node.negate;
        return (scope, out) => {
          const value = evaluate(scope);
          const truthy = value !== MISSING && isTemplateTruthy(value);
          (truthy !== negate ? body : otherwise)(scope, out);
        };
      }
      case 'each': {
        const evaluate = this.expression(node.expression, loopDepth, true);
        const body = this.nodes(node.body, loopDepth + 1);
        const otherwise = this.nodes(node.otherwise, loopDepth);
        const expression = node.expression;
        return (scope, out) => {
          const list = evaluate(scope);
          if (list === MISSING || (Array.isArray(list) && list.length === 0)) {
            otherwise(scope, out);
            return;
          }
          if (!Array.isArray(list)) {
            throw new TemplateError(`{{#each ${expression.text}}} needs a list but the field is not one`, {
              position: expression.position,
              field: expression.text,
            });
          }
          list.forEach((item, index) => {
            const vars: Record<string, unknown> = {
              this: item,
              text: item,
              letter: index < 26 ? String.fromCharCode(65 + index) : undefined,
              index,
              number: index + 1,
              first: index === 0,
              last: index === list.length - 1,
            };
            body({ vars, parent: scope }, out);
          });
        };
      }
    }
  }

  private missing(expression: TemplateExpression): TemplateError {
    return new TemplateError(
      `field "${expression.text}" has no value: guard it with {{#if ${expression.path[0]}}} or add | default("…")`,
      { position: expression.position, field: expression.text },
    );
  }

  /** Compiles an expression to a function returning its value or MISSING. */
  private expression(
    expression: TemplateExpression,
    loopDepth: number,
    soft: boolean,
  ): (scope: Scope) => Resolved {
    const [root, ...rest] = expression.path as [string, ...PathSegment[]];
    const isLoopField = (LOOP_TEMPLATE_FIELDS as readonly string[]).includes(root);
    if (isLoopField && loopDepth === 0) {
      throw new TemplateError(`"${root}" is only defined inside {{#each}} … {{/each}}`, {
        position: expression.position,
        field: root,
      });
    }
    if (!isLoopField) {
      if (this.known && !this.known.includes(root)) {
        throw new TemplateError(
          `unknown field "${root}". Known fields: ${this.known.join(', ')}.${suggestion(root, this.known)}`,
          { position: expression.position, field: root },
        );
      }
      if (!this.fields.includes(root)) this.fields.push(root);
    }
    const filters = expression.filters.map((call) => {
      const filter = Object.hasOwn(TEMPLATE_FILTERS, call.name) ? TEMPLATE_FILTERS[call.name] : undefined;
      if (!filter) {
        const names = Object.keys(TEMPLATE_FILTERS);
        throw new TemplateError(
          `unknown filter "${call.name}". Known filters: ${names.join(', ')}.${suggestion(call.name, names)}`,
          { position: call.position, field: expression.text },
        );
      }
      const [min, max] = filter.arity;
      if (call.args.length < min || call.args.length > max) {
        const expected = min === max ? `${min}` : `${min} to ${max}`;
        throw new TemplateError(
          `filter "${call.name}" takes ${expected} argument${max === 1 ? '' : 's'} but got ${call.args.length}`,
          { position: call.position, field: expression.text },
        );
      }
      return { call, filter };
    });
    return (scope) => {
      let value: Resolved = lookup(scope, root);
      for (const segment of rest) {
        if (value === MISSING) break;
        value = step(value, segment);
      }
      for (const { call, filter } of filters) {
        if (value === MISSING && !filter.acceptsMissing) {
          if (soft) return MISSING;
          throw this.missing(expression);
        }
        try {
          const result = filter.apply(value === MISSING ? undefined : value, call.args);
          value = result === undefined || result === null ? MISSING : result;
        } catch (error) {
          throw new TemplateError(`${(error as Error).message} for field "${expression.text}"`, {
            position: call.position,
            field: expression.text,
            cause: error,
          });
        }
      }
      return value;
    };
  }
}

/**
 * Compiles a prompt template written in BenchHub's small, safe template syntax. Nothing in a template is
 * evaluated as code: it can only print fields, apply a fixed set of filters, loop and branch.
 *
 * Grammar:
 * - `{{ field }}`, `{{ field.path }}`, `{{ list[0] }}` print a value (text or number). Top-level fields
 *   are {@link SAMPLE_TEMPLATE_FIELDS} unless `options.fields` says otherwise; an unknown name is a
 *   compile error naming the field, its line and column. A printed value that is missing for a sample
 *   is a render error (guard it with `#if` or `| default("…")`).
 * - Filters: `{{ question | trim }}`, chained left to right, with literal arguments
 *   (`| replace("_", " ")`, `| join("\n")`, `| add(1)`): trim/strip (Python `str.strip()`), upper,
 *   lower, replace, letter (0 → A), add, join, length, default. See {@link TEMPLATE_FILTERS}.
 * - `{{#each choices}} … {{/each}}` repeats for each item; inside, `this`/`text` (the item),
 *   `letter` (A, B, …), `index` (0-based), `number` (1-based), `first`, `last`. `{{else}}` inside
 *   `#each` renders when the list is empty or missing.
 * - `{{#if field}} … {{else}} … {{/if}}` and `{{#unless field}} … {{/unless}}`; see
 *   {@link isTemplateTruthy}.
 * - `{{! comment }}` renders nothing. `{{-` and `-}}` remove the whitespace (including newlines)
 *   before or after the tag. `\{{` prints a literal `{{`.
 * Text outside tags is copied byte for byte (no escaping, no newline handling).
 *
 * @example
 * ```ts
 * const t = compileTemplate('{{ question | trim }}\n{{#each choices}}{{letter}}. {{text}}\n{{/each}}Answer:');
 * t.render({ question: ' 2+2? ', choices: ['3', '4'] }); // '2+2?\nA. 3\nB. 4\nAnswer:'
 * ```
 */
export function compileTemplate(source: string, options: CompileTemplateOptions = {}): CompiledTemplate {
  const context = options.name === undefined ? {} : { template: options.name };
  try {
    const compiler = new TemplateCompiler(
      options.fields === undefined ? SAMPLE_TEMPLATE_FIELDS : options.fields,
    );
    const renderer = compiler.nodes(parseTemplate(source), 0);
    return {
      source,
      fields: compiler.fields,
      render(values) {
        const out: string[] = [];
        try {
          renderer({ vars: values, parent: undefined }, out);
        } catch (error) {
          throw TemplateError.isInstance(error) ? error.withContext(context) : error;
        }
        return out.join('');
      },
    };
  } catch (error) {
    throw TemplateError.isInstance(error) ? error.withContext(context) : error;
  }
}
