import { parsePlan } from '@benchhub/core';
import { createOpenAIProvider } from '@benchhub/providers/openai';
import { afterEach, describe, expect, it } from 'vitest';
import { createLLMPlanner, planAnswerJsonSchema } from '../src/llm/index.js';
import { type ChatCompletionsServer, startChatCompletionsServer } from './support/chat-completions-server.js';
import { SCENARIO_REQUEST, validAnswer } from './support/failure-scenarios.js';

let server: ChatCompletionsServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('createLLMPlanner with the real OpenAI provider', () => {
  it('plans through tool calls on the chat-completions wire format, repairing bad arguments', async () => {
    server = await startChatCompletionsServer([
      {
        toolCalls: [
          { name: 'propose_plan', arguments: '{"models": "gpt-4o-mini", "sampleSize": "a hundred"' },
        ],
      },
      { toolCalls: [{ name: 'propose_plan', arguments: JSON.stringify(validAnswer()) }] },
    ]);
    const provider = createOpenAIProvider({
      model: 'gpt-4o-mini',
      apiKey: 'sk-test-local-only',
      baseURL: server.baseURL,
    });
    expect(provider.capabilities.tools).toBe(true);

    const proposal = await createLLMPlanner({ provider, fallback: false }).plan(SCENARIO_REQUEST);

    expect(proposal.plannerUsed).toBe('llm');
    expect(() => parsePlan(proposal.plan)).not.toThrow();
    expect(proposal.plan.models?.map((m) => m.model)).toEqual(['gpt-4o-mini', 'claude-haiku-4-5']);

    expect(server.bodies).toHaveLength(2);
    const [first, second] = server.bodies;
    expect(first).toMatchObject({
      model: 'gpt-4o-mini',
      temperature: 0,
      tool_choice: { type: 'function', function: { name: 'propose_plan' } },
    });
    const tools = first?.tools as { type: string; function: { name: string; parameters: unknown } }[];
    expect(tools).toHaveLength(1);
    expect(tools[0]).toMatchObject({
      type: 'function',
      function: { name: 'propose_plan', parameters: planAnswerJsonSchema() },
    });

    const messages = second?.messages as { role: string; content: string }[];
    expect(messages.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'user']);
    expect(messages[0]?.content).toContain('HASS/History');
    expect(messages[1]?.content).toContain(SCENARIO_REQUEST);
    expect(messages[3]?.content).toContain('not valid JSON');
  });
});
