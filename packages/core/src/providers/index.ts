export { abortable } from './abortable.js';
export {
  createFunctionProvider,
  type FunctionCallContext,
  type FunctionProviderOptions,
  type GenerateFunction,
  type PartialGenerateResult,
} from './function-provider.js';
export { toProviderCallError } from './to-provider-call-error.js';
