export { type BenchHubSpecVersion, SPECIFICATION_VERSION } from './version.js';
