/**
 * @packageDocumentation
 * BenchHub model providers: OpenAI, Anthropic, Hugging Face, OpenAI-compatible, local GGUF.
 * This package is filled by a later issue; for now it only re-exports the core contracts it implements.
 */
export type { BenchHubSpecVersion } from '@benchhub/core';
