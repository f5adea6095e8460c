export { type AccuracyOptions, accuracyScore } from './accuracy.js';
export { type ConfusionMatrixOptions, confusionMatrix } from './confusion-matrix.js';
export { type ClassLabel, uniqueLabels } from './labels.js';
export {
  type AveragedPrecisionRecallF,
  type ClassificationAverage,
  type FbetaScoreOptions,
  f1Score,
  fbetaScore,
  type PerLabelPrecisionRecallF,
  type PrecisionRecallFscoreOptions,
  type PrecisionRecallOptions,
  precisionRecallFscoreSupport,
  precisionScore,
  recallScore,
  type ScoreOptions,
  type ZeroDivision,
} from './precision-recall-f.js';
