export { type ChoiceOptions, createChoiceScorer, scoreChoice } from './choice.js';
export {
  type ExtractAnswerOptions,
  extractAnswer,
  type FoundAnswer,
  findAnswer,
  type MarkerOccurrence,
} from './extract-answer.js';
export { extractChoice } from './extract-choice.js';
export { acceptableAnswers, goldAnswerText, goldChoiceIndexOf } from './gold.js';
export {
  combineSwappedVerdicts,
  createLlmJudgeScorer,
  type JudgeMode,
  type LlmJudgeOptions,
  type PairwiseOutcome,
} from './judge/llm-judge.js';
export { defaultJudgePrompt, type JudgeLanguage, type JudgePromptInput } from './judge/prompts.js';
export {
  type PairwiseVerdict,
  parsePairwiseVerdict,
  parseScoreVerdict,
  type ScoreScale,
} from './judge/verdict.js';
export {
  type ChoiceLogLikelihoodInput,
  type ChoiceLogLikelihoodScores,
  codePointLength,
  createLogLikelihoodScorer,
  type LogLikelihoodOptions,
  numpyArgmax,
  scoreChoiceLogLikelihoods,
  scoreLogLikelihood,
  utf8ByteLength,
} from './log-likelihood.js';
export { lastBoxed } from './math/braces.js';
export { evaluateExpression } from './math/expression.js';
export { cleanLatex } from './math/latex-cleanup.js';
export { type MathAnswer, type MathAnswerSource, readMathAnswer } from './math/math-answer.js';
export { createMathMatchScorer, type MathMatchOptions, scoreMathMatch } from './math/math-match.js';
export {
  type MathList,
  type MathNumber,
  type MathTolerance,
  type MathValue,
  mathValuesEqual,
  parseMathValue,
} from './math/math-value.js';
export { normalizeAnswer } from './normalize-answer.js';
export { DEFAULT_REGEX_PATTERN, type RegexExtractOptions, regexExtract } from './regex-extract.js';
export { getScorer, isScoringMethod, SCORING_METHODS, type ScorerOptionsByMethod } from './registry.js';
export type { PairwiseOpponent, ScoreResult, Scorer, ScorerRequirements, ScoringContext } from './scorer.js';
export {
  JudgeVerdictError,
  type JudgeVerdictErrorOptions,
  ScoringError,
  type ScoringErrorOptions,
} from './scoring-error.js';
export {
  createPartialMatchScorer,
  createStringMatchScorer,
  type StringMatchOptions,
  scorePartialMatch,
  scoreStringMatch,
} from './string-match.js';
export { stripMarkdown } from './text/markdown.js';
export { type FindAllItem, type PythonRegexFlags, pythonFindAll, pythonRegex } from './text/python-regex.js';
