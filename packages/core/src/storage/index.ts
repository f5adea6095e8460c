export {
  CREDENTIAL_KEY_BYTES,
  type CredentialCipher,
  createCredentialCipher,
  type SealedCredential,
} from './credential-cipher.js';
export * from './leaderboard/index.js';
export { createMemoryStorage, type MemoryStorageOptions } from './memory/create-memory-storage.js';
export { buildNewTask, checkNewTask } from './new-task.js';
export { DEFAULT_PAGE_LIMIT, MAX_PAGE_LIMIT, pageOf, type ResolvedPaging, resolvePaging } from './paging.js';
export { cloneData, type StorageDataCopy } from './plain-data.js';
export { applyTaskUpdate } from './task-update.js';
export { assertStorableResult } from './validate-result.js';
