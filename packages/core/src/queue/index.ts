export { createInProcessQueue, type InProcessQueueOptions } from './in-process/create-in-process-queue.js';
