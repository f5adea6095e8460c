import { BenchHubError, closestMatch } from '@benchhub/core';

type OptionType = 'string' | 'number' | 'boolean';

/** The adapter options a plan may give each provider (`models[].options`), with their types. Never secrets. */
export const ADAPTER_OPTIONS: Readonly<Record<string, Readonly<Record<string, OptionType>>>> = {
  openai: {
    embeddingModel: 'string',
    embeddingBatchSize: 'number',
    logLikelihood: 'boolean',
    logLikelihoodBatchSize: 'number',
    maxTokensField: 'string',
    timeoutMs: 'number',
    organization: 'string',
    project: 'string',
  },
  'openai-compatible': {
    embeddingModel: 'string',
    embeddingBatchSize: 'number',
    logLikelihood: 'boolean',
    logLikelihoodBatchSize: 'number',
    maxTokensField: 'string',
    timeoutMs: 'number',
  },
  anthropic: { defaultMaxTokens: 'number', timeoutMs: 'number', apiVersion: 'string' },
  huggingface: {
    provider: 'string',
    task: 'string',
    embeddingModel: 'string',
    embeddingEndpointUrl: 'string',
    embeddingBatchSize: 'number',
    billTo: 'string',
    timeoutMs: 'number',
  },
  'local-gguf': {
    threads: 'number',
    contextSize: 'number',
    gpu: 'boolean',
    sequences: 'number',
    kvCacheType: 'string',
    flashAttention: 'boolean',
  },
};

/**
 * Checks a model's `options` against what its provider's adapter takes: every name known, every value of
 * the right type. Returns them unchanged when they pass.
 *
 * @throws BenchHubError naming the field (`models[0].options.thread`), what is wrong and the nearest name.
 */
export function checkAdapterOptions(
  provider: string,
  options: Readonly<Record<string, unknown>> | undefined,
  path: string,
): Readonly<Record<string, unknown>> {
  if (options === undefined) return {};
  const allowed = ADAPTER_OPTIONS[provider] ?? {};
  const names = Object.keys(allowed);
  const problems: string[] = [];
  for (const [name, value] of Object.entries(options)) {
    const type = allowed[name];
    if (type === undefined) {
      const near = closestMatch(name, names);
      problems.push(
        `${path}.options.${name}: ${provider} takes no option "${name}"${near ? ` (did you mean "${near}"?)` : ''}; it takes ${names.length > 0 ? names.join(', ') : 'none'}`,
      );
    } else if (typeof value !== type) {
      problems.push(`${path}.options.${name}: must be a ${type}, got ${JSON.stringify(value)}`);
    }
  }
  if (problems.length > 0) throw new BenchHubError(problems.join('; '));
  return options;
}
