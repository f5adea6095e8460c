/**
 * The family of an AI SDK provider name: the part before the first dot (`openai.chat` → `openai`,
 * `google.generative-ai` → `google`, `amazon-bedrock` → `amazon-bedrock`). AI SDK providers read their
 * `providerOptions` under this key.
 */
export function providerFamily(provider: string): string {
  return (provider.split('.')[0] ?? '').trim();
}

/** The default BenchHub model id of an AI SDK model: `<family>/<modelId>`, or the model id alone without a family. */
export function defaultModelId(provider: string, modelId: string): string {
  const family = providerFamily(provider);
  return family === '' ? modelId : `${family}/${modelId}`;
}
