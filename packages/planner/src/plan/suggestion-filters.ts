import type { PlanSuggestion } from '@benchhub/core';
import type { PlanDraft } from './draft.js';

/** The leaderboard filters of a draft, as `suggest()` returns them. */
export function suggestionFilters(draft: PlanDraft): PlanSuggestion['filters'] {
  const filters: PlanSuggestion['filters'] = { language: draft.language };
  if (draft.subjectType) filters.subjectType = [...draft.subjectType];
  if (draft.taskType) filters.taskType = draft.taskType;
  if (draft.problemType) filters.problemType = draft.problemType;
  if (draft.targetType) filters.targetType = draft.targetType;
  if (draft.benchmarkName) filters.benchmarkName = [...draft.benchmarkName];
  return filters;
}
