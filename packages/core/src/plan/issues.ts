import type { z } from 'zod';
import type { PlanIssue } from '../errors/index.js';
import { closestMatch } from '../text/closest-match.js';
import { knownKeysAt } from './schema-walk.js';
import type { LineLocator } from './yaml-source.js';

type Path = readonly PropertyKey[];

/** A zod issue as read here (zod 4's issue union, loosely). */
interface RawIssue {
  code: string;
  path: PropertyKey[];
  message: string;
  keys?: string[];
  errors?: RawIssue[][];
  note?: string;
  discriminator?: string;
  options?: unknown[];
  values?: unknown[];
  expected?: string;
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  inclusive?: boolean;
}

/**
 * Formats a path as `models[0].parameters.temperature`; keys that are not identifiers are quoted
 * (`prompts["dev set"]`).
 */
export function formatPlanPath(path: Path): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(String(key))) out += out === '' ? String(key) : `.${String(key)}`;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

function valueAt(data: unknown, path: Path): { found: boolean; value: unknown } {
  let value = data;
  for (const key of path) {
    if (typeof value !== 'object' || value === null || !(String(key) in value))
      return { found: false, value: undefined };
    value = (value as Record<string, unknown>)[String(key)];
  }
  return { found: true, value };
}

/** What zod found instead of the expected type, in words. */
function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `"${value}"`;
  return String(value);
}

/** A range issue in words: "must be at most 2 (got 5)", "needs at least 1 item". */
function boundMessage(issue: RawIssue, value: unknown): string | undefined {
  const big = issue.code === 'too_big';
  const bound = big ? issue.maximum : issue.minimum;
  if (bound === undefined) return undefined;
  const limit = Number(bound);
  if (issue.origin === 'number' || issue.origin === 'bigint') {
    const relation = big
      ? issue.inclusive
        ? 'at most'
        : 'less than'
      : issue.inclusive
        ? 'at least'
        : 'greater than';
    return `must be ${relation} ${limit} (got ${describe(value)})`;
  }
  if (issue.origin === 'array') {
    const count = issue.inclusive === false ? limit + (big ? -1 : 1) : limit;
    return `needs ${big ? 'at most' : 'at least'} ${count} item${count === 1 ? '' : 's'}`;
  }
  if (issue.origin === 'string') {
    if (!big && limit === 1) return 'must not be empty';
    return `must be ${big ? 'at most' : 'at least'} ${limit} characters long`;
  }
  return undefined;
}

/** Options of {@link zodIssuesToPlanIssues}. */
export interface IssueContext {
  /** The schema that produced the issues (used to list known fields). */
  schema: z.ZodType;
  /** The validated input. */
  data: unknown;
  /** Line lookup in the source text, when the plan came from text. */
  lineAt?: LineLocator | undefined;
  /** Rewrites a path before it is reported (a converted plan reports the path of its source). */
  mapPath?: ((path: Path) => Path) | undefined;
}

function convert(issue: RawIssue, prefix: Path, context: IssueContext, out: PlanIssue[]): void {
  const path = [...prefix, ...issue.path];
  const push = (at: Path, message: string): void => {
    const reported = context.mapPath ? context.mapPath(at) : at;
    const line = context.lineAt?.(reported);
    const formatted = formatPlanPath(reported);
    out.push(line === undefined ? { path: formatted, message } : { path: formatted, line, message });
  };

  switch (issue.code) {
    case 'unrecognized_keys': {
      const known = knownKeysAt(context.schema, path, context.data);
      for (const key of issue.keys ?? []) {
        const hint = closestMatch(key, known);
        const tail = hint
          ? `; did you mean '${hint}'?`
          : known.length > 0
            ? `; known fields: ${known.join(', ')}`
            : '';
        push([...path, key], `unknown field '${key}'${tail}`);
      }
      return;
    }
    case 'invalid_type': {
      const { found, value } = valueAt(context.data, path);
      if (!found || value === undefined) push(path, `missing required field '${String(path.at(-1) ?? '')}'`);
      else push(path, `expected ${issue.expected ?? 'another type'}, got ${describe(value)}`);
      return;
    }
    case 'invalid_union': {
      const { value } = valueAt(context.data, path);
      if (issue.note === 'No matching discriminator') {
        const options = (issue.options ?? []).map(String);
        const hint = typeof value === 'string' ? closestMatch(value, options) : undefined;
        const base =
          value === undefined
            ? `missing required field '${String(path.at(-1) ?? '')}'`
            : `unknown ${issue.discriminator ?? 'type'} ${describe(value)}`;
        push(
          path,
          `${base}: expected one of ${options.map((o) => `'${o}'`).join(', ')}${hint ? ` (did you mean '${hint}'?)` : ''}`,
        );
        return;
      }
      // Report the branch that matches the value's shape, not every alternative.
      const branches = (issue.errors ?? []).filter(
        (branch) => !branch.some((inner) => inner.code === 'invalid_type' && inner.path.length === 0),
      );
      if (branches.length === 1 && branches[0]) {
        for (const inner of branches[0]) convert(inner, path, context, out);
        return;
      }
      push(path, `${describe(value)} does not match any accepted form`);
      return;
    }
    case 'invalid_value': {
      const { value } = valueAt(context.data, path);
      const options = (issue.values ?? []).filter((v): v is string => typeof v === 'string');
      const hint = typeof value === 'string' ? closestMatch(value, options) : undefined;
      if (options.length > 0 && options.length === (issue.values ?? []).length && issue.values!.length > 1) {
        push(
          path,
          `${describe(value)} is not one of ${options.map((o) => `'${o}'`).join(', ')}${hint ? `; did you mean '${hint}'?` : ''}`,
        );
        return;
      }
      push(path, issue.message);
      return;
    }
    case 'too_big':
    case 'too_small': {
      const { value } = valueAt(context.data, path);
      const custom = !/^Too (big|small)/.test(issue.message);
      push(path, custom ? issue.message : (boundMessage(issue, value) ?? issue.message));
      return;
    }
    default:
      push(path, issue.message);
  }
}

/**
 * Turns zod issues into plan issues with a readable path, the source line when known, a "did you
 * mean" hint for unknown fields and enum values, and one issue per unknown key. Duplicates are dropped.
 */
export function zodIssuesToPlanIssues(
  issues: readonly z.core.$ZodIssue[],
  context: IssueContext,
): PlanIssue[] {
  const out: PlanIssue[] = [];
  for (const issue of issues) convert(issue as unknown as RawIssue, [], context, out);
  const seen = new Set<string>();
  return out.filter((issue) => {
    const key = `${issue.path}\u0000${issue.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Orders issues by line (when known), then path. */
export function sortPlanIssues(issues: readonly PlanIssue[]): PlanIssue[] {
  return [...issues].sort(
    (a, b) =>
      (a.line ?? Number.MAX_SAFE_INTEGER) - (b.line ?? Number.MAX_SAFE_INTEGER) ||
      a.path.localeCompare(b.path),
  );
}
