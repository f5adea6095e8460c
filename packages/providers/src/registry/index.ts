export { ADAPTER_OPTIONS, checkAdapterOptions } from './adapter-options.js';
export {
  COMPATIBLE_SERVER_DEFAULTS,
  canonicalProviderId,
  PROVIDER_ALIASES,
  parseModelRef,
} from './model-ref.js';
export {
  type CustomProviderFactory,
  createProviderResolver,
  DEFAULT_API_KEY_ENV,
  type ModelRef,
  type ProviderResolver,
  type ProviderResolverOptions,
} from './provider-resolver.js';
