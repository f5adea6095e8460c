/**
 * @packageDocumentation
 * BenchHub storage on SQLite (embedded default).
 * This package is filled by a later issue; for now it only re-exports the core contracts it implements.
 */
export type { BenchHubSpecVersion } from '@benchhub/core';
