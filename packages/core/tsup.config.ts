import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts', 'src/testing.ts'],
  format: ['esm'],
  target: 'node20',
  dts: { compilerOptions: { customConditions: [], ignoreDeprecations: '6.0' } },
  sourcemap: true,
  clean: true,
});
