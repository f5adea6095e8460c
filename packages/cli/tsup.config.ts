import { readFileSync } from 'node:fs';
import { packageBuild } from '../../tsup.base.js';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  version: string;
};

export default packageBuild(['src/index.ts', 'src/bin.ts'], {
  dts: { entry: 'src/index.ts', compilerOptions: { customConditions: [], ignoreDeprecations: '6.0' } },
  define: { BENCHHUB_CLI_VERSION: JSON.stringify(version) },
});
