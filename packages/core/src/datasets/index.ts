export { compileFilters, type SampleFilter } from './filters.js';
export * from './huggingface/index.js';
export {
  collectSamples,
  type LoadedSamples,
  type LoadSamplesOptions,
  type LoadStats,
  loadSamples,
} from './load-samples.js';
export {
  CLICK_SUBJECTS,
  type LabelDefaults,
  mapBenchHubRow,
  mapClickRow,
  mapHaeraeRow,
  mapKmmluRow,
  mapMmluRow,
  mmluSubjectFromFile,
  parseListLiteral,
  ROW_MAPPERS,
  type RowMapper,
  type RowMapperContext,
  resolveAnswerIndex,
} from './mappers/index.js';
export * from './rows.js';
export { mulberry32, type Prng, randomBelow, uniformRandom } from './sampling/prng.js';
export { type Kept, ReservoirSampler } from './sampling/reservoir.js';
export { allocateProportionally, StratifiedSampler } from './sampling/stratified.js';
export { readCsvRows } from './sources/csv.js';
export { createDatasetSource } from './sources/dataset-source.js';
export { type FileFormat, fileFormatFromPath } from './sources/file-format.js';
export { readJsonBatches, readJsonRows } from './sources/json.js';
export { readJsonlBatches, readJsonlRows } from './sources/jsonl.js';
export { type DataFile, listDataFiles } from './sources/list-files.js';
export {
  type HuggingFaceSourceOpener,
  type HuggingFaceSourceSpec,
  type OpenDatasetSourceOptions,
  openDatasetSource,
  openDatasetSourceBatches,
  type SourceContext,
} from './sources/open-source.js';
export { asyncBufferFromFileHandle, readParquetBatches, readParquetRows } from './sources/parquet.js';
export type { ReadRowsOptions } from './sources/read-options.js';
export * from './spec.js';
export { validateSample } from './validate-sample.js';
