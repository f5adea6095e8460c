export * from './classification/index.js';
export * from './custom/index.js';
export * from './pass-at-k/index.js';
export * from './registry.js';
export * from './rouge/index.js';
export * from './sacrebleu/index.js';
export * from './similarity/index.js';
export * from './squad/index.js';
