export { openStorage } from './open-storage.js';
export {
  DEFAULT_STORAGE_URL,
  describeStorage,
  parseStorageUrl,
  type StorageLocation,
} from './storage-url.js';
