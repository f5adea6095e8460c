import type {
  GenerateRequest,
  GenerateResult,
  ModelCapabilities,
  ModelProviderV1,
  ProviderCallOptions,
} from '@benchhub/core';

/**
 * One scripted answer: free text, tool calls (arguments as the model wrote them), or an error the
 * call rejects with.
 */
export type ScriptedAnswer =
  | { text: string }
  | { toolCalls: readonly { name: string; arguments: string; id?: string }[]; text?: string }
  | { error: Error };

/** How the scripted provider answers structured-output requests. */
export type ScriptedStructuredOutput = ModelCapabilities['structuredOutput'];

/** Options of {@link createScriptedProvider}. */
export interface ScriptedProviderOptions {
  /** Answers, one per `generate` call in order; running out rejects the call. */
  answers: readonly ScriptedAnswer[];
  /** Function calling (`capabilities.tools`). Default false. */
  tools?: boolean;
  /** `capabilities.structuredOutput`. Default false. */
  structuredOutput?: ScriptedStructuredOutput;
  /** Model id. Default `scripted-planner`. */
  modelId?: string;
}

/** A provider that answers from a fixed list and records every request. */
export interface ScriptedProvider extends ModelProviderV1 {
  /** The requests received, in order. */
  readonly requests: GenerateRequest[];
}

/** A `ModelProviderV1` whose answers come from a fixed list, with declared tool/structured-output support. */
export function createScriptedProvider(options: ScriptedProviderOptions): ScriptedProvider {
  const requests: GenerateRequest[] = [];
  const capabilities: ModelCapabilities = {
    generate: true,
    chat: true,
    logLikelihood: false,
    embed: false,
    systemPrompt: true,
    tools: options.tools ?? false,
    structuredOutput: options.structuredOutput ?? false,
  };
  return {
    specificationVersion: 'v1',
    providerId: 'scripted',
    modelId: options.modelId ?? 'scripted-planner',
    capabilities,
    requests,
    async generate(request: GenerateRequest, callOptions: ProviderCallOptions = {}): Promise<GenerateResult> {
      callOptions.signal?.throwIfAborted();
      requests.push(request);
      const answer = options.answers[requests.length - 1];
      if (answer === undefined) throw new Error(`scripted provider: no answer for call ${requests.length}`);
      if ('error' in answer) throw answer.error;
      const usage = { inputTokens: 100, outputTokens: 50 };
      if ('toolCalls' in answer)
        return { text: answer.text ?? '', finishReason: 'tool-calls', toolCalls: answer.toolCalls, usage };
      return { text: answer.text, finishReason: 'stop', usage };
    },
  };
}
