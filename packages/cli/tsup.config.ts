import { readFileSync } from 'node:fs';
import { defineConfig } from 'tsup';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  version: string;
};

export default defineConfig({
  entry: ['src/index.ts', 'src/bin.ts'],
  format: ['esm'],
  target: 'node20',
  dts: { entry: 'src/index.ts', compilerOptions: { customConditions: [], ignoreDeprecations: '6.0' } },
  define: { BENCHHUB_CLI_VERSION: JSON.stringify(version) },
  sourcemap: true,
  clean: true,
});
