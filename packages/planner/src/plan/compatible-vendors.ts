/**
 * Hosted model APIs that BenchHub reaches through its `openai-compatible` provider (it ships no adapter of
 * their own), with the environment variables a plan names for their endpoint and key.
 *
 * Data module; add a vendor by adding a row.
 */

/** One hosted API and the model ids it serves. */
export interface CompatibleVendor {
  /** The vendor's product, for messages. */
  readonly name: string;
  /** Prefix of the plan's placeholders: `${PREFIX_BASE_URL}` and `${PREFIX_API_KEY}`. */
  readonly variablePrefix: string;
  /** Whole model ids of this API (tested case-insensitively). */
  readonly modelIds: RegExp;
  /** How the API writes its ids: `solar-pro` is lower-case, `HCX-003` upper-case. */
  readonly idCase: 'lower' | 'upper';
}

/** The hosted APIs a planner recognises by their model ids. */
export const COMPATIBLE_VENDORS: readonly CompatibleVendor[] = [
  { name: 'Google Gemini', variablePrefix: 'GEMINI', modelIds: /^gemini-[\w.-]+$/i, idCase: 'lower' },
  {
    name: 'Upstage Solar',
    variablePrefix: 'UPSTAGE',
    modelIds: /^solar-(?:pro|mini|1-mini)(?:[\w.-]*[A-Za-z0-9])?$/i,
    idCase: 'lower',
  },
  {
    name: 'Naver HyperCLOVA X (CLOVA Studio)',
    variablePrefix: 'CLOVASTUDIO',
    modelIds: /^hcx-[\w.-]*[A-Za-z0-9]$/i,
    idCase: 'upper',
  },
  {
    name: 'DeepSeek',
    variablePrefix: 'DEEPSEEK',
    modelIds: /^deepseek-(?:chat|reasoner)$/i,
    idCase: 'lower',
  },
  {
    name: 'Alibaba Qwen (DashScope)',
    variablePrefix: 'DASHSCOPE',
    modelIds: /^qwen-(?:max|plus|turbo|long|flash)(?:-[\w.-]*[A-Za-z0-9])?$/i,
    idCase: 'lower',
  },
  { name: 'xAI Grok', variablePrefix: 'XAI', modelIds: /^grok-[\w.-]*[A-Za-z0-9]$/i, idCase: 'lower' },
  {
    name: 'Mistral AI',
    variablePrefix: 'MISTRAL',
    modelIds:
      /^(?:(?:(?:mistral|magistral|devstral)-(?:large|medium|small|tiny|saba)|codestral|ministral-[38]b|pixtral-(?:large|12b))-(?:latest|\d{4})|open-(?:mistral|mixtral)-[\w.-]*[A-Za-z0-9])$/i,
    idCase: 'lower',
  },
  {
    name: 'Cohere',
    variablePrefix: 'COHERE',
    modelIds: /^command-(?:r|a|light)(?:[\w.-]*[A-Za-z0-9])?$/i,
    idCase: 'lower',
  },
];

/** The hosted API that serves a model id, or undefined. */
export function findCompatibleVendor(model: string): CompatibleVendor | undefined {
  return COMPATIBLE_VENDORS.find((v) => v.modelIds.test(model));
}

/**
 * The `${VAR}` names an OpenAI-compatible model without an endpoint is planned with: the vendor's own
 * (`UPSTAGE_BASE_URL`/`UPSTAGE_API_KEY` for `solar-pro`), else `OPENAI_COMPATIBLE_BASE_URL`/`…_API_KEY`.
 */
export function compatibleVariables(model: string): { key: string; url: string } {
  const prefix = findCompatibleVendor(model)?.variablePrefix ?? 'OPENAI_COMPATIBLE';
  return { key: `${prefix}_API_KEY`, url: `${prefix}_BASE_URL` };
}
