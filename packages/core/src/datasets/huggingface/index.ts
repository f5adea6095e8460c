export type { FetchFunction } from './http.js';
export {
  createHttpRangeBuffer,
  type HttpRangeBuffer,
  type HttpRangeBufferOptions,
} from './http-range-buffer.js';
export { listHuggingFaceParquetFiles } from './list-parquet-files.js';
export { createHuggingFaceOpener, type HuggingFaceOpenerOptions } from './opener.js';
export {
  DEFAULT_HUB_ENDPOINT,
  type HuggingFaceHubOptions,
  type HuggingFaceSplitOptions,
  type ListHuggingFaceParquetFilesOptions,
} from './options.js';
export { createHuggingFaceSource, type HuggingFaceSource, type HuggingFaceSourceOptions } from './source.js';
