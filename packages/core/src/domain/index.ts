export * from './language.js';
export * from './sample.js';
