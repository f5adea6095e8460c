import type { RequestText } from './request-text.js';

/** Default endpoints of local OpenAI-compatible servers. */
export const LOCAL_SERVER_URLS = {
  ollama: 'http://localhost:11434/v1',
  vllm: 'http://localhost:8000/v1',
  'lm-studio': 'http://localhost:1234/v1',
} as const;

/** A local server kind BenchHub knows the default endpoint of. */
export type LocalServer = keyof typeof LOCAL_SERVER_URLS;

const SERVER_NAMES: Readonly<Record<LocalServer, string>> = {
  vllm: 'vLLM',
  ollama: 'Ollama',
  'lm-studio': 'LM Studio',
};

const URL_PATTERN = /https?:\/\/[^\s<>"'()[\]{},가-힣]+/i;
const SERVER_PATTERN = /\b(vllm|ollama|lm[\s-]?studio)\b/i;
const LOCAL_HINT = /localhost|127\.0\.0\.1|로컬\s*서버|local\s+server|self[\s-]?hosted|on[\s-]?prem/i;

/** Whether a URL points at this machine or a private network (the only endpoints taken from a request). */
export function isLocalEndpoint(url: string): boolean {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return false;
  }
  return (
    host === 'localhost' ||
    host === '[::1]' ||
    host === '0.0.0.0' ||
    host.endsWith('.local') ||
    host.endsWith('.localhost') ||
    /^127\./.test(host) ||
    /^10\./.test(host) ||
    /^192\.168\./.test(host) ||
    /^172\.(1[6-9]|2\d|3[01])\./.test(host)
  );
}

/** What a request says about a local server its models run on. */
export interface ServerContext {
  /** The local endpoint the request gives, if any. */
  url: string | undefined;
  /** The local server it names (vLLM, Ollama, LM Studio), if any. */
  server: LocalServer | undefined;
  /** Whether the request speaks of a local or self-hosted server. */
  local: boolean;
}

/**
 * Reads the endpoint and the local server a request names, and masks every URL and server name (a URL
 * is never a Hub id, "vLLM" never a benchmark). Only local endpoints are kept: the request is data, not
 * configuration; a warning says when another was ignored.
 */
export function readServerContext(text: RequestText, warnings: string[]): ServerContext {
  const urls = text.take(URL_PATTERN).map((m) => m.text.replace(/[.,;:!?]+$/, ''));
  const local = urls.filter(isLocalEndpoint);
  if (urls.length > local.length)
    warnings.push(
      'ignored an endpoint in the request that is not a local address: the planner takes only local endpoints from a request; set baseUrl in the plan yourself if you meant it',
    );
  const named = text.take(SERVER_PATTERN)[0]?.groups[0]?.toLowerCase().replace(/[\s-]/g, '');
  const server =
    named === 'vllm' ? 'vllm' : named === 'ollama' ? 'ollama' : named === undefined ? undefined : 'lm-studio';
  return {
    url: local[0],
    server,
    local: local.length > 0 || server !== undefined || LOCAL_HINT.test(text.original),
  };
}

/**
 * The endpoint of a model on the request's local server: the URL it gives, else the default endpoint of
 * the server it names (Ollama for an Ollama tag `name:tag`, vLLM otherwise), with a note saying so.
 */
export function localEndpoint(
  ctx: ServerContext,
  model: string,
): { baseUrl: string; note: string | undefined } {
  if (ctx.url !== undefined) return { baseUrl: ctx.url, note: undefined };
  const server = ctx.server ?? (model.includes(':') ? 'ollama' : 'vllm');
  const baseUrl = LOCAL_SERVER_URLS[server];
  return {
    baseUrl,
    note: `${model} runs on a local ${SERVER_NAMES[server]} server: assumed its default endpoint ${baseUrl}`,
  };
}
