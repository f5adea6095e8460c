import type { GenerateRequest } from '@benchhub/core';
import { hasTools } from '../shared/index.js';

/** Call-option names whose warnings mean the model dropped what the request asked for. */
const STRUCTURED_FEATURES = new Set(['tools', 'toolChoice', 'responseFormat']);

/** A warning of either spec version, as far as this check reads it. */
interface AnyWarning {
  type?: unknown;
  feature?: unknown;
  setting?: unknown;
  details?: unknown;
}

function describe(warning: AnyWarning): string | undefined {
  const details = typeof warning.details === 'string' && warning.details !== '' ? `: ${warning.details}` : '';
  if (warning.type === 'unsupported' && typeof warning.feature === 'string') {
    const feature = warning.feature;
    if (STRUCTURED_FEATURES.has(feature) || feature.startsWith('tool')) return `${feature}${details}`;
  }
  if (warning.type === 'unsupported-setting' && typeof warning.setting === 'string') {
    if (STRUCTURED_FEATURES.has(warning.setting)) return `${warning.setting}${details}`;
  }
  if (warning.type === 'unsupported-tool') return `a tool${details}`;
  return undefined;
}

/**
 * What the model dropped of the request's tools and response format, from its call warnings (AI SDK
 * providers answer without a feature they lack and say so in `warnings`, e.g. `@ai-sdk/openai-compatible`
 * turns a JSON schema into plain JSON mode without `supportsStructuredOutputs`). `undefined` when
 * nothing the request asked for was dropped.
 */
export function droppedStructuredFeatures(
  request: GenerateRequest,
  warnings: readonly unknown[] | undefined,
): string | undefined {
  if (!hasTools(request) && request.responseFormat === undefined) return undefined;
  const dropped = (warnings ?? [])
    .map((warning) =>
      typeof warning === 'object' && warning !== null ? describe(warning as AnyWarning) : undefined,
    )
    .filter((text): text is string => text !== undefined);
  return dropped.length === 0 ? undefined : dropped.join('; ');
}
