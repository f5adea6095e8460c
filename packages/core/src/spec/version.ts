/** The contract version every adapter declares in `specificationVersion`. */
export type BenchHubSpecVersion = 'v1';

/** The current contract version. */
export const SPECIFICATION_VERSION: BenchHubSpecVersion = 'v1';
