import { defineConfig, type Options } from 'tsup';

/**
 * The build every package shares: ESM + `.d.ts` for Node 20, with source maps. The dts step ignores the
 * workspace-only `@benchhub/source` condition, so declarations reference sibling packages' published
 * types rather than their sources.
 */
export function packageBuild(entry: string[], overrides: Options = {}) {
  return defineConfig({
    entry,
    format: ['esm'],
    target: 'node20',
    dts: { compilerOptions: { customConditions: [], ignoreDeprecations: '6.0' } },
    sourcemap: true,
    clean: true,
    ...overrides,
  });
}
