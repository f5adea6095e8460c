/** The fault-injecting HTTP model server, its client, and the fault and latency plans shared with the mock provider. */

export { parseRetryAfter, type RetryAfterHeaders } from '../../providers/retry-after.js';
export type {
  ChatCompletionsErrorBody,
  ChatCompletionsFinishReason,
  ChatCompletionsMessage,
  ChatCompletionsRequestBody,
  ChatCompletionsResponseBody,
} from './chat-completions.js';
export {
  createFaultPlan,
  type Fault,
  type FaultContext,
  type FaultInput,
  type FaultKind,
  type FaultMix,
  type FaultPlan,
  type FaultPlanOptions,
  type FaultScript,
} from './fault-plan.js';
export {
  type FaultServer,
  type FaultServerAnswer,
  type FaultServerOptions,
  type FaultServerOutcome,
  type FaultServerRecord,
  type FaultServerRequest,
  SAMPLE_ID_HEADER,
  startFaultServer,
} from './fault-server.js';
export { createFaultServerProvider, type FaultServerProviderOptions } from './fault-server-provider.js';
export { createLatencySampler, type LatencySampler, type LatencySpec } from './latency.js';
