import type { FinishReason, GenerateRequest, ModelCapabilities } from '@benchhub/core';
import { describe, expect, it } from 'vitest';
import {
  checkRequestSupport,
  finishWithToolCalls,
  openAIToolCalls,
  toFinishReason,
  unsupportedRequest,
} from '../src/shared/index.js';

const IDS = { providerId: 'acme', modelId: 'large-1' };
const BASE: ModelCapabilities = { generate: true, chat: true, logLikelihood: false, embed: false };
const FULL: ModelCapabilities = { ...BASE, tools: true, structuredOutput: 'json_schema' };
const TOOL = { name: 'lookup', parameters: { type: 'object' } };

describe('unsupportedRequest', () => {
  it('lets a plain request and a supported one through', () => {
    expect(unsupportedRequest({ prompt: 'x' }, BASE, IDS)).toBeUndefined();
    const full: GenerateRequest = {
      prompt: 'x',
      tools: [TOOL],
      toolChoice: { name: 'lookup' },
      responseFormat: { type: 'json_schema', name: 'answer_1', schema: {} },
    };
    expect(unsupportedRequest(full, FULL, IDS)).toBeUndefined();
  });

  it('treats absent capabilities as no, and names provider, model and capability', () => {
    const tools = unsupportedRequest({ prompt: 'x', tools: [TOOL] }, BASE, IDS);
    expect(tools?.message).toBe(
      'acme/large-1: the request offers tools (lookup), but this provider cannot call tools (capabilities.tools is false)',
    );
    expect(tools?.isRetryable).toBe(false);
    expect(tools?.provider).toBe('acme');
    const format = unsupportedRequest({ prompt: 'x', responseFormat: { type: 'json' } }, BASE, IDS);
    expect(format?.message).toContain(
      'asks for JSON mode (responseFormat json), but this provider supports no structured output',
    );
    expect(format?.message).toContain('ask for JSON in the prompt instead');
  });

  it('takes JSON mode on a provider with JSON mode only, but not a schema', () => {
    const jsonOnly = { ...BASE, structuredOutput: 'json' as const };
    expect(
      unsupportedRequest({ prompt: 'x', responseFormat: { type: 'json' } }, jsonOnly, IDS),
    ).toBeUndefined();
    const schema = unsupportedRequest(
      { prompt: 'x', responseFormat: { type: 'json_schema', name: 'a', schema: {} } },
      jsonOnly,
      IDS,
    );
    expect(schema?.message).toContain('supports only json mode');
  });

  it('appends the adapter hint', () => {
    const refused = unsupportedRequest({ prompt: 'x', tools: [TOOL] }, BASE, IDS, { tools: 'use task chat' });
    expect(refused?.message).toMatch(/; use task chat$/);
  });

  it('throws the refusal from checkRequestSupport', () => {
    expect(() => checkRequestSupport({ prompt: 'x', tools: [TOOL] }, BASE, IDS)).toThrow(
      /capabilities.tools/,
    );
    expect(() => checkRequestSupport({ prompt: 'x' }, BASE, IDS)).not.toThrow();
  });
});

describe('tool-call reading', () => {
  it('reads OpenAI-style tool_calls, skipping other kinds and nameless entries', () => {
    expect(
      openAIToolCalls([
        { id: 'a', type: 'function', function: { name: 'f', arguments: '{"x":1}' } },
        { id: 'b', type: 'custom', custom: { name: 'g', input: 'text' } },
        { id: 7, function: { name: 'h', arguments: { y: 2 } } },
        { id: 'c', type: 'function', function: { arguments: '{}' } },
        null,
      ]),
    ).toEqual([
      { id: 'a', name: 'f', arguments: '{"x":1}' },
      { id: '7', name: 'h', arguments: '{"y":2}' },
    ]);
    expect(openAIToolCalls([])).toBeUndefined();
    expect(openAIToolCalls(undefined)).toBeUndefined();
  });

  it.each([
    ['stop', 'tool-calls'],
    ['other', 'tool-calls'],
    ['tool-calls', 'tool-calls'],
    ['length', 'length'],
    ['content-filter', 'content-filter'],
    ['error', 'error'],
  ] as const)('a result with tool calls and finish reason %s says %s', (reason, expected) => {
    expect(finishWithToolCalls(reason as FinishReason, [{ name: 'f', arguments: '{}' }])).toBe(expected);
    expect(finishWithToolCalls(reason as FinishReason, undefined)).toBe(reason);
  });

  it('maps the vendors’ tool finish reasons to tool-calls', () => {
    for (const reason of ['tool_calls', 'tool_use', 'function_call'])
      expect(toFinishReason(reason)).toBe('tool-calls');
  });
});
