import { packageBuild } from '../../tsup.base.js';

export default packageBuild([
  'src/index.ts',
  'src/openai/index.ts',
  'src/anthropic/index.ts',
  'src/huggingface/index.ts',
  'src/local/index.ts',
  'src/ai-sdk/index.ts',
]);
