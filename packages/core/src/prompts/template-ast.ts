import type { TemplatePosition } from './template-error.js';

/** One step of a field path: a property name or a 0-based list index. */
export type PathSegment = string | number;

/** A literal argument of a filter call: a quoted string or an integer. */
export type FilterArgument = string | number;

/** `| name(arg, ...)` after a field path. */
export interface FilterCall {
  name: string;
  args: FilterArgument[];
  position: TemplatePosition;
}

/** A field path with its filters, e.g. `question | trim`. */
export interface TemplateExpression {
  /** The path as written, e.g. `choices[0]`, for error messages. */
  text: string;
  path: PathSegment[];
  filters: FilterCall[];
  position: TemplatePosition;
}

/** A node of a parsed template. */
export type TemplateNode =
  | { kind: 'text'; value: string }
  | { kind: 'output'; expression: TemplateExpression; position: TemplatePosition }
  | {
      kind: 'each';
      expression: TemplateExpression;
      body: TemplateNode[];
      /** Rendered instead when the list is empty (`{{else}}` inside `{{#each}}`). */
      otherwise: TemplateNode[];
      position: TemplatePosition;
    }
  | {
      kind: 'if';
      expression: TemplateExpression;
      /** True for `{{#unless}}`. */
      negate: boolean;
      body: TemplateNode[];
      otherwise: TemplateNode[];
      position: TemplatePosition;
    };
