import type { GenerateRequest, ModelProviderV1 } from '@benchhub/core';
import { runProviderConformance } from '@benchhub/core/testing';
import { afterAll, describe, it } from 'vitest';
import { describeWithShared, sharedPath } from '../../core/test/support/shared.js';
import { createLocalProvider, type LocalProvider, type LocalProviderOptions } from '../src/local/index.js';

const MODEL = 'models/stories260K.gguf';

describeWithShared('local GGUF provider conformance', [MODEL], () => {
  const opened: LocalProvider[] = [];
  let shared: LocalProvider | undefined;
  let lastSeen: Pick<GenerateRequest, 'maxTokens' | 'stop'> | undefined;

  function open(options: Partial<LocalProviderOptions> = {}): LocalProvider {
    const provider = createLocalProvider({ modelPath: sharedPath(MODEL), threads: 1, ...options });
    opened.push(provider);
    return provider;
  }

  /** The one loaded model, recording what each generation ran with (from its `raw` record). */
  function recording(): ModelProviderV1 {
    shared ??= open({ includeRaw: true });
    const provider = shared;
    return {
      ...provider,
      generate: async (request, options) => {
        const result = await provider.generate(request, options);
        const raw = result.raw as { maxTokens: number; stop: string[] };
        lastSeen = { maxTokens: raw.maxTokens, stop: raw.stop };
        return result;
      },
    };
  }

  afterAll(async () => {
    await Promise.all(opened.map((p) => p.close()));
  });

  // A local runtime has no HTTP status, so the 429 / 5xx / 4xx faults cannot happen and are not given.
  // `hanging`: a loaded provider that ignores end-of-generation tokens decodes until its context (2048 tokens)
  // is full, far longer than the suite's 100 ms, so the in-flight abort case interrupts real decoding.
  void runProviderConformance({
    name: 'local-gguf',
    create: recording,
    capabilities: { chat: false, logLikelihood: true, embed: true, usage: 'reported' },
    faults: {
      hanging: async () => {
        const hanging = open({ ignoreEos: true, contextSize: 2048 });
        await hanging.load();
        return hanging;
      },
    },
    lastRequest: () => lastSeen,
    test: { describe, it },
  });
});
