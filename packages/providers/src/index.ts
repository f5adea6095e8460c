/**
 * @packageDocumentation
 * `@benchhub/providers`: model providers for BenchHub and the registry that builds them from plan
 * entries. Each vendor has its own subpath (`@benchhub/providers/openai`, `/anthropic`, `/huggingface`,
 * `/local`, `/ai-sdk`) whose SDK is an optional peer dependency, loaded on the first call. Importing
 * this package loads no vendor SDK, reads no environment variable and does no I/O.
 *
 * @example
 * ```ts
 * import { evaluate } from '@benchhub/core';
 * import { createProviderResolver } from '@benchhub/providers';
 *
 * const providers = createProviderResolver({ env: process.env });
 * const result = await evaluate(plan, { providers, env: process.env });
 * await providers.close();
 * ```
 */
export * from './registry/index.js';
export {
  redactSecrets,
  type VendorCallContext,
  type VendorErrorDetails,
  vendorCallError,
} from './shared/index.js';
