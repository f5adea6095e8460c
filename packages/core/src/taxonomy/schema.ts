import { z } from 'zod';
import { COARSE_SUBJECTS } from './categories.js';
import { resolveSubject, subjectCandidates } from './resolve.js';
import { closestSubject } from './suggest.js';

/**
 * Explains why a subject name does not resolve: the candidates of an ambiguous name, the closest known
 * subject, or the coarse subjects to start from.
 */
export function unknownSubjectMessage(name: string): string {
  const candidates = subjectCandidates(name);
  if (candidates.length > 1) {
    return `ambiguous subject "${name}": write one of ${candidates.map((c) => `"${c}"`).join(', ')}`;
  }
  const closest = closestSubject(name);
  if (closest !== undefined) return `unknown subject "${name}": did you mean "${closest}"?`;
  return `unknown subject "${name}": use a BenchHub subject such as "HASS/History", or a coarse subject (${COARSE_SUBJECTS.join(', ')})`;
}

/**
 * A subject field: accepts canonical names and aliases and yields the canonical name; an unknown name is
 * an issue suggesting the closest subject.
 *
 * @example
 * ```ts
 * SubjectSchema.parse('Technology/Programming'); // 'Tech./Coding'
 * SubjectSchema.safeParse('HASS/Histroy').error?.issues[0]?.message;
 * // 'unknown subject "HASS/Histroy": did you mean "HASS/History"?'
 * ```
 */
export const SubjectSchema = z.string().transform((value, ctx) => {
  const canonical = resolveSubject(value);
  if (canonical === undefined) {
    ctx.addIssue({ code: 'custom', message: unknownSubjectMessage(value) });
    return z.NEVER;
  }
  return canonical;
});
