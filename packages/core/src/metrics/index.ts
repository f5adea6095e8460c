export * from './classification/index.js';
export * from './rouge/index.js';
export * from './sacrebleu/index.js';
export * from './squad/index.js';
