import {
  closestMatch,
  formatPlanPath,
  type PlanContext,
  resolveSubject,
  unknownSubjectMessage,
} from '@benchhub/core';
import type { z } from 'zod';
import { PlanningError, type PlanningIssue } from '../errors.js';
import { type BuiltPlan, buildPlan, type PlanDraft, PlanDraftSchema } from '../plan/index.js';
import { type AnswerExtras, splitAnswer } from './answer.js';
import { type GuardInput, guardAnswer } from './guard.js';
import type { JsonObjectResult } from './json-text.js';

/** The verdict on one answer. */
export type AnswerVerdict =
  | { kind: 'invalid'; issues: PlanningIssue[] }
  | { kind: 'impossible'; reasons: string[]; extras: AnswerExtras }
  | { kind: 'valid'; draft: PlanDraft; built: BuiltPlan; extras: AnswerExtras; warnings: string[] };

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let node: unknown = data;
  for (const key of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

/** A zod issue as a planning issue, with a did-you-mean for unknown category values. */
function toIssue(issue: z.core.$ZodIssue, data: unknown): PlanningIssue {
  const path = formatPlanPath(issue.path);
  const value = valueAt(data, issue.path);
  if (issue.code === 'invalid_value' && typeof value === 'string') {
    if (issue.path[0] === 'subjectType') {
      const canonical = resolveSubject(value);
      return {
        path,
        message:
          canonical === undefined
            ? unknownSubjectMessage(value)
            : `write the canonical subject "${canonical}"`,
      };
    }
    const allowed = issue.values.map(String);
    const hint = closestMatch(value, allowed);
    const list = allowed.length <= 12 ? ` (one of ${allowed.join(', ')})` : '';
    return { path, message: `unknown value "${value}"${hint ? `: did you mean "${hint}"?` : ''}${list}` };
  }
  if (issue.code === 'unrecognized_keys')
    return {
      path,
      message: `unknown field${issue.keys.length === 1 ? '' : 's'} ${issue.keys.join(', ')}: remove`,
    };
  return { path, message: issue.message };
}

/**
 * Judges one answer: the JSON object, then `cannotPlan`, then `PlanDraftSchema`, then the injection guard
 * (models, endpoints, credentials), then `buildPlan` (which runs `checkDraft` and core's plan validation).
 * Stops at the first stage that fails and returns every problem of that stage with its field path.
 */
export function validateAnswer(
  parsed: JsonObjectResult,
  input: GuardInput & { context: PlanContext },
): AnswerVerdict {
  if (!parsed.ok) return { kind: 'invalid', issues: [{ path: '', message: parsed.error }] };
  const { draft: fields, extras } = splitAnswer(parsed.value);
  if (extras.cannotPlan.length > 0) return { kind: 'impossible', reasons: extras.cannotPlan, extras };
  const shaped = PlanDraftSchema.safeParse(fields);
  if (!shaped.success)
    return { kind: 'invalid', issues: shaped.error.issues.map((issue) => toIssue(issue, fields)) };
  const guard = guardAnswer(shaped.data, parsed.value, input);
  if (guard.issues.length > 0) return { kind: 'invalid', issues: guard.issues };
  try {
    const built = buildPlan(shaped.data, input.request, input.context);
    return { kind: 'valid', draft: shaped.data, built, extras, warnings: guard.warnings };
  } catch (error) {
    if (PlanningError.isInstance(error))
      return {
        kind: 'invalid',
        issues: error.issues.length > 0 ? [...error.issues] : [{ path: '', message: error.message }],
      };
    throw error;
  }
}
