import type { ChatMessage, GenerateRequest, GenerateResult, ModelCapabilities } from '@benchhub/core';
import { extractJsonObject, type JsonObjectResult, parseJsonObject } from './json-text.js';

/**
 * How the planner asks for structured output, best first: a `propose_plan` tool call, a `json_schema`
 * response format, JSON mode, or a plain prompt asking for one JSON object.
 */
export type PlannerStrategy = 'tools' | 'json_schema' | 'json' | 'prompt';

/** The tool the model is made to call with the plan as arguments. */
export const PROPOSE_PLAN_TOOL = 'propose_plan';

/** The name of the `json_schema` response format. */
export const RESPONSE_FORMAT_NAME = 'benchhub_plan';

/** The best strategy a provider's capabilities allow. */
export function chooseStrategy(capabilities: ModelCapabilities): PlannerStrategy {
  if (capabilities.tools === true) return 'tools';
  if (capabilities.structuredOutput === 'json_schema') return 'json_schema';
  if (capabilities.structuredOutput === 'json') return 'json';
  return 'prompt';
}

/** Whether the strategy sends the schema to the vendor (else the prompt must describe it). */
export function strategySendsSchema(strategy: PlannerStrategy): boolean {
  return strategy === 'tools' || strategy === 'json_schema';
}

/** Options of {@link planRequest}. */
export interface PlanRequestOptions {
  strategy: PlannerStrategy;
  messages: readonly ChatMessage[];
  /** JSON Schema of the answer. */
  schema: Readonly<Record<string, unknown>>;
  temperature: number;
  maxTokens: number;
}

/** The generation request of one planning attempt under a strategy. */
export function planRequest(options: PlanRequestOptions): GenerateRequest {
  const base: GenerateRequest = {
    prompt: [...options.messages],
    temperature: options.temperature,
    maxTokens: options.maxTokens,
  };
  switch (options.strategy) {
    case 'tools':
      return {
        ...base,
        tools: [
          {
            name: PROPOSE_PLAN_TOOL,
            description: 'Propose the BenchHub evaluation plan for the request.',
            parameters: options.schema,
            strict: true,
          },
        ],
        toolChoice: { name: PROPOSE_PLAN_TOOL },
      };
    case 'json_schema':
      return {
        ...base,
        responseFormat: {
          type: 'json_schema',
          name: RESPONSE_FORMAT_NAME,
          description: 'A BenchHub evaluation plan draft',
          schema: options.schema,
          strict: true,
        },
      };
    case 'json':
      return { ...base, responseFormat: { type: 'json' } };
    case 'prompt':
      return base;
  }
}

/** The answer of one attempt: the JSON object found, and the raw text to quote back in a repair. */
export interface AttemptAnswer {
  parsed: JsonObjectResult;
  /** What the model answered (tool arguments or text), for the repair conversation. */
  raw: string;
}

/**
 * Reads the answer of a generation under a strategy: the `propose_plan` call's arguments (exact JSON);
 * a structured-output text (exact JSON); or a free-text answer (the JSON object inside it). A tool-calling
 * model that answered in text instead is read like a free-text answer.
 */
export function readAnswer(strategy: PlannerStrategy, result: GenerateResult): AttemptAnswer {
  if (strategy === 'tools') {
    const call = result.toolCalls?.find((c) => c.name === PROPOSE_PLAN_TOOL);
    if (call !== undefined) return { parsed: parseJsonObject(call.arguments), raw: call.arguments };
    const other = result.toolCalls?.[0];
    if (other !== undefined)
      return {
        parsed: { ok: false, error: `called an unknown tool "${other.name}"; call ${PROPOSE_PLAN_TOOL}` },
        raw: `${other.name}(${other.arguments})`,
      };
    const fromText = extractJsonObject(result.text);
    return {
      parsed: fromText.ok
        ? fromText
        : { ok: false, error: `did not call the ${PROPOSE_PLAN_TOOL} tool (${fromText.error})` },
      raw: result.text,
    };
  }
  if (strategy === 'prompt') return { parsed: extractJsonObject(result.text), raw: result.text };
  const exact = parseJsonObject(result.text.trim());
  return { parsed: exact.ok ? exact : extractJsonObject(result.text), raw: result.text };
}
