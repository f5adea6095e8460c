export * from './language.js';
export * from './leaderboard.js';
export * from './metric.js';
export * from './result.js';
export * from './sample.js';
export * from './task.js';
