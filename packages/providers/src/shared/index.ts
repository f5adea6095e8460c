export { callVendor, elapsedMs } from './call.js';
export { lazyPeer, missingPeerError, type PeerDependency } from './load-peer.js';
export { promptMessages, toFinishReason, toPromptText } from './messages.js';
export { redactSecrets } from './redact.js';
export { cutAtStop, type StopCut } from './stop-sequences.js';
export { type VendorCallContext, type VendorErrorDetails, vendorCallError } from './vendor-error.js';
