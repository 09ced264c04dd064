export {
  type ClaimedJob,
  type ClaimOptions,
  createJobQueue,
  type EnqueueOptions,
  type Job,
  type JobQueue,
} from './job-queue.js';
export {
  exponentialRetryDelay,
  type JobHandler,
  type PollingWorkerOptions,
  type RunningWorker,
  runDueJobs,
  startWorker,
  type WorkerOptions,
} from './worker.js';
