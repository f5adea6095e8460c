export { BenchHubError, type BenchHubErrorOptions } from './benchhub-error.js';
export { DatasetError, type DatasetErrorOptions } from './dataset-error.js';
export { formatPlanIssues, type PlanIssue, PlanValidationError } from './plan-validation-error.js';
export {
  isRetryableStatus,
  ProviderCallError,
  type ProviderCallErrorOptions,
} from './provider-call-error.js';
