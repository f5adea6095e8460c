import {
  type GenerateRequest,
  type ModelCapabilities,
  ProviderCallError,
  type ResponseFormat,
} from '@benchhub/core';

/** The provider and model a refusal names. */
export interface RefusalIds {
  providerId: string;
  modelId: string;
}

/** What the adapter can add to a refusal: how to get the feature elsewhere (e.g. `use task 'chat'`). */
export interface SupportHints {
  /** Appended to the message when `tools` are refused. */
  tools?: string;
  /** Appended to the message when a `responseFormat` is refused. */
  structuredOutput?: string;
}

/** Names vendors accept for tools and schemas: `[A-Za-z0-9_-]{1,64}`. */
const VENDOR_NAME = /^[A-Za-z0-9_-]{1,64}$/;

/** A request the provider will not send: the same request fails alike on every attempt. */
export function refusedRequest(ids: RefusalIds, message: string): ProviderCallError {
  return new ProviderCallError(`${ids.providerId}/${ids.modelId}: ${message}`, {
    provider: ids.providerId,
    model: ids.modelId,
    isRetryable: false,
  });
}

/** True when the request offers at least one tool. */
export function hasTools(request: GenerateRequest): boolean {
  return request.tools !== undefined && request.tools.length > 0;
}

function withHint(message: string, hint: string | undefined): string {
  return hint === undefined ? message : `${message}; ${hint}`;
}

function checkTools(
  request: GenerateRequest,
  capabilities: ModelCapabilities,
  ids: RefusalIds,
  hint?: string,
): void {
  const tools = request.tools ?? [];
  if (tools.length > 0 && capabilities.tools !== true) {
    throw refusedRequest(
      ids,
      withHint(
        `the request offers tools (${tools.map((t) => t.name).join(', ')}), but this provider cannot call tools (capabilities.tools is ${String(capabilities.tools ?? false)})`,
        hint,
      ),
    );
  }
  const seen = new Set<string>();
  for (const tool of tools) {
    if (!VENDOR_NAME.test(tool.name)) {
      throw refusedRequest(ids, `tool name ${JSON.stringify(tool.name)} must match [A-Za-z0-9_-]{1,64}`);
    }
    if (seen.has(tool.name)) throw refusedRequest(ids, `tool name "${tool.name}" is offered twice`);
    seen.add(tool.name);
  }
  const choice = request.toolChoice;
  if (choice === undefined) return;
  if (tools.length === 0) {
    throw refusedRequest(
      ids,
      `toolChoice ${JSON.stringify(choice)} needs tools, and the request offers none`,
    );
  }
  if (typeof choice === 'object' && !seen.has(choice.name)) {
    throw refusedRequest(
      ids,
      `toolChoice names the tool "${choice.name}", which is not among the tools offered (${[...seen].join(', ')})`,
    );
  }
}

function formatLabel(format: ResponseFormat): string {
  return format.type === 'json'
    ? 'JSON mode (responseFormat json)'
    : 'a JSON schema (responseFormat json_schema)';
}

function checkFormat(
  request: GenerateRequest,
  capabilities: ModelCapabilities,
  ids: RefusalIds,
  hint?: string,
): void {
  const format = request.responseFormat;
  if (format === undefined) return;
  const supported = capabilities.structuredOutput ?? false;
  const ok = format.type === 'json' ? supported !== false : supported === 'json_schema';
  if (!ok) {
    const has = supported === false ? 'supports no structured output' : `supports only ${supported} mode`;
    throw refusedRequest(
      ids,
      withHint(
        `the request asks for ${formatLabel(format)}, but this provider ${has} (capabilities.structuredOutput is ${JSON.stringify(supported)})`,
        hint ?? 'ask for JSON in the prompt instead',
      ),
    );
  }
  if (format.type === 'json_schema' && !VENDOR_NAME.test(format.name)) {
    throw refusedRequest(
      ids,
      `responseFormat name ${JSON.stringify(format.name)} must match [A-Za-z0-9_-]{1,64}`,
    );
  }
}

/**
 * The refusal of a request that asks for tools or structured output the capabilities do not declare
 * (never silently ignored), or whose `toolChoice` or names cannot be sent: a non-retryable
 * `ProviderCallError` that names the capability. `undefined` when the request can be sent.
 *
 * @example
 * ```ts
 * const refused = unsupportedRequest(request, provider.capabilities, { providerId: 'local-gguf', modelId: 'tiny.gguf' });
 * if (refused !== undefined) throw refused;
 * ```
 */
export function unsupportedRequest(
  request: GenerateRequest,
  capabilities: ModelCapabilities,
  ids: RefusalIds,
  hints: SupportHints = {},
): ProviderCallError | undefined {
  if (
    request.tools === undefined &&
    request.toolChoice === undefined &&
    request.responseFormat === undefined
  ) {
    return undefined;
  }
  try {
    checkTools(request, capabilities, ids, hints.tools);
    checkFormat(request, capabilities, ids, hints.structuredOutput);
  } catch (error) {
    if (ProviderCallError.isInstance(error)) return error;
    throw error;
  }
  return undefined;
}

/** Throws the refusal of {@link unsupportedRequest}, if any, before any call. */
export function checkRequestSupport(
  request: GenerateRequest,
  capabilities: ModelCapabilities,
  ids: RefusalIds,
  hints: SupportHints = {},
): void {
  const refused = unsupportedRequest(request, capabilities, ids, hints);
  if (refused !== undefined) throw refused;
}
