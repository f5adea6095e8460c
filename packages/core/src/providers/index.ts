export { abortable } from './abortable.js';
export {
  BASELINE_MODELS,
  type BaselineModel,
  type BaselineProviderOptions,
  createBaselineProvider,
} from './baseline-provider.js';
export {
  createFunctionProvider,
  type FunctionCallContext,
  type FunctionProviderOptions,
  type GenerateFunction,
  type PartialGenerateResult,
} from './function-provider.js';
export { parseRetryAfter, type RetryAfterHeaders } from './retry-after.js';
export { toProviderCallError } from './to-provider-call-error.js';
