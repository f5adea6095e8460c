/**
 * @packageDocumentation
 * BenchHub planner: natural-language requests to evaluation plans.
 * This package is filled by a later issue; for now it only re-exports the core contracts it implements.
 */
export type { BenchHubSpecVersion } from '@benchhub/core';
