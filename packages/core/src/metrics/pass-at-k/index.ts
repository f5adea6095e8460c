export { meanPassAtK, type PassAtKCounts, type PassAtKResult, passAtK } from './pass-at-k.js';
