export { GoldenSetError, type GoldenSetIssue } from './errors.js';
export { loadGoldenSet, parseGoldenSet } from './load.js';
export { describeMisses, planOutcome } from './run.js';
export {
  GOLDEN_KINDS,
  GOLDEN_LANGUAGES,
  GOLDEN_PROBLEM_TYPES,
  GOLDEN_TARGET_TYPES,
  type GoldenEntry,
  GoldenEntrySchema,
  type GoldenExpect,
  GoldenExpectSchema,
  type GoldenModel,
  GoldenModelSchema,
  type GoldenSet,
  GoldenSetSchema,
  isCanonicalSubject,
} from './schema.js';
export {
  type GoldenFieldResult,
  type GoldenScore,
  type GoldenSummary,
  type PlanOutcome,
  scorePlanAgainstGolden,
  summarizeGoldenScores,
} from './score.js';
