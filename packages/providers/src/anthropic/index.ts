/**
 * @packageDocumentation
 * `@benchhub/providers/anthropic`: Claude models through Anthropic's Messages API (`@anthropic-ai/sdk`).
 */
export type { AnthropicMessagesBody, AnthropicMessagesClient, AnthropicProviderOptions } from './options.js';
export { createAnthropicProvider } from './provider.js';
export { type AnthropicConversation, toAnthropicConversation } from './request.js';
