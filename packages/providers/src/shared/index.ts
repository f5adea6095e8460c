export { callVendor, elapsedMs } from './call.js';
export { lazyPeer, missingPeerError, type PeerDependency } from './load-peer.js';
export { promptMessages, toFinishReason, toPromptText } from './messages.js';
export { toOpenAIResponseFormat, toOpenAIToolChoice, toOpenAITools } from './openai-style.js';
export { redactSecrets } from './redact.js';
export {
  checkRequestSupport,
  hasTools,
  type RefusalIds,
  refusedRequest,
  type SupportHints,
  unsupportedRequest,
} from './request-support.js';
export { cutAtStop, type StopCut } from './stop-sequences.js';
export { argumentsText, finishWithToolCalls, openAIToolCalls } from './tool-calls.js';
export { type VendorCallContext, type VendorErrorDetails, vendorCallError } from './vendor-error.js';
