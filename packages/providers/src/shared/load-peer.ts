import { ProviderCallError } from '@benchhub/core';

/** Where an optional peer dependency is missing: the package and the provider that needs it. */
export interface PeerDependency {
  /** The npm package, e.g. `openai`. */
  packageName: string;
  /** A version range that works, e.g. `^6.30.0`. */
  range: string;
  /** The subpath export that needs it, e.g. `@benchhub/providers/openai`. */
  neededBy: string;
}

function isModuleNotFound(error: unknown, packageName: string): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : '';
  return (
    (code === 'ERR_MODULE_NOT_FOUND' ||
      code === 'MODULE_NOT_FOUND' ||
      /Cannot find (package|module)/.test(message)) &&
    message.includes(packageName)
  );
}

/** The error a call gets when its vendor SDK is not installed: names the package and how to add it. */
export function missingPeerError(
  peer: PeerDependency,
  providerId: string,
  modelId: string,
  cause?: unknown,
): ProviderCallError {
  return new ProviderCallError(
    `${peer.neededBy} needs the optional package "${peer.packageName}", which is not installed: add it next to @benchhub/providers (pnpm add ${peer.packageName}@"${peer.range}" or npm install ${peer.packageName}@"${peer.range}")`,
    { provider: providerId, model: modelId, isRetryable: false, ...(cause === undefined ? {} : { cause }) },
  );
}

/**
 * Loads an optional peer dependency on first use and remembers it, so importing a provider subpath
 * never loads its vendor SDK. A missing package rejects with a non-retryable `ProviderCallError` that
 * names it; any other load failure passes through. A failed load is retried on the next call.
 *
 * @example
 * ```ts
 * const loadOpenAI = lazyPeer({ packageName: 'openai', range: '^6', neededBy: '@benchhub/providers/openai' },
 *   () => import('openai'));
 * const { default: OpenAI } = await loadOpenAI('openai', 'gpt-4o-mini');
 * ```
 */
export function lazyPeer<T>(
  peer: PeerDependency,
  load: () => Promise<T>,
): (providerId: string, modelId: string) => Promise<T> {
  let loaded: Promise<T> | undefined;
  return (providerId, modelId) => {
    loaded ??= load().catch((error: unknown) => {
      loaded = undefined;
      throw isModuleNotFound(error, peer.packageName)
        ? missingPeerError(peer, providerId, modelId, error)
        : error;
    });
    return loaded;
  };
}
