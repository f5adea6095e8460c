import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));
const packages = readdirSync(new URL('./packages', import.meta.url));

/** Tests import each workspace package from its TypeScript source, so no build is needed to test. */
const alias = [
  { find: /^@benchhub\/core\/testing$/, replacement: `${root}packages/core/src/testing.ts` },
  // Subpath exports of the form `@benchhub/<package>/<name>` live in `src/<name>/index.ts`.
  { find: /^@benchhub\/([\w-]+)\/([\w-]+)$/, replacement: `${root}packages/$1/src/$2/index.ts` },
  ...packages.map((name) => ({
    find: new RegExp(`^@benchhub/${name}$`),
    replacement: `${root}packages/${name}/src/index.ts`,
  })),
];

export default defineConfig({
  test: {
    reporters: ['default', './scripts/summary-reporter.ts'],
    projects: packages.map((name) => ({
      resolve: { alias },
      test: {
        name,
        root: `${root}packages/${name}`,
        include: ['test/**/*.test.ts'],
        testTimeout: 30_000,
      },
    })),
  },
});
