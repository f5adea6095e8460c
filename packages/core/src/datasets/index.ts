export * from './spec.js';
export * from './rows.js';
