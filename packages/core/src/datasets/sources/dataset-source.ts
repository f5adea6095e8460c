import type { DatasetSourceV1 } from '../../spec/dataset-source.js';
import { SPECIFICATION_VERSION } from '../../spec/version.js';
import type { DatasetSourceSpec } from '../spec.js';
import { type OpenDatasetSourceOptions, openDatasetSource } from './open-source.js';

function sourceId(spec: DatasetSourceSpec): string {
  switch (spec.type) {
    case 'file':
      return Array.isArray(spec.path) ? spec.path.join(',') : spec.path;
    case 'inline':
      return 'inline';
    case 'huggingface':
      return `hub:${spec.dataset}/${spec.config}/${spec.split}`;
  }
}

/**
 * A plan's source spec as a {@link DatasetSourceV1}: each `rows()` call starts a fresh
 * {@link openDatasetSource} read with the given options (the per-read signal replaces theirs).
 *
 * @example
 * ```ts
 * const source = createDatasetSource({ type: 'file', path: 'data/click' }, { baseDir: planDir });
 * for await (const row of source.rows()) console.log(row.source, row.row);
 * ```
 */
export function createDatasetSource(
  spec: DatasetSourceSpec,
  options: OpenDatasetSourceOptions = {},
): DatasetSourceV1 {
  return {
    specificationVersion: SPECIFICATION_VERSION,
    id: sourceId(spec),
    rows: (read = {}) => openDatasetSource(spec, read.signal ? { ...options, signal: read.signal } : options),
  };
}
