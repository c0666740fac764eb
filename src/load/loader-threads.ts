// The loader's worker threads: how many to use, and starting them. Light on purpose (no engine
// imports), so `mesh lint` can start its workers before it imports the engine: a worker needs
// ~0.14 s to load its bundle, which then overlaps the main thread's own start instead of following it.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { LoadedItem, ShareRequest, WorkerMessage } from './worker-protocol.js';

/**
 * Below this many files one thread is faster than starting workers (measured on 2 cores: at 1,000
 * files a worker costs more than it saves, at 10,000 it saves a quarter). `--workers N` overrides it.
 */
export const PARALLEL_THRESHOLD = 2000;
/** An explicitly requested thread gets at least this many files. */
const MIN_FILES_PER_THREAD = 50;

/** The worker script next to the bundle (dist/load/lint-worker.js), or undefined when running from source. */
function workerScript(): string | undefined {
  try {
    const path = fileURLToPath(new URL('./load/lint-worker.js', import.meta.url));
    return existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

/** Threads (the main one included) to load `files` files on: `requested`, else one per core (at most 4) for large meshes. */
export function workerCount(requested: number | undefined, files: number): number {
  if (workerScript() === undefined) return 1;
  if (requested !== undefined) return Math.max(1, Math.min(requested, Math.floor(files / MIN_FILES_PER_THREAD)));
  if (files < PARALLEL_THRESHOLD) return 1;
  return Math.max(1, Math.min(4, availableParallelism(), Math.floor(files / (PARALLEL_THRESHOLD / 2))));
}

/** A loader worker thread, started and waiting for its ShareRequest. */
export interface LoaderThread {
  worker: Worker;
  /** Why the thread stopped before it was given work (it could not load its bundle, say). */
  failed?: Error;
}

/**
 * Starts `count` worker threads now; each waits for its request (see runLoaderThread). They do not
 * keep the process alive until they are given work, so one that is never used costs nothing at exit.
 */
export function startLoaderThreads(count: number): LoaderThread[] {
  const script = workerScript();
  if (script === undefined || count <= 0) return [];
  return Array.from({ length: count }, () => {
    // A larger young generation: parsing allocates many short-lived objects and the default
    // semi-space makes the scavenger run constantly (measured: GC was 16 % of a 5,000-file lint).
    const worker = new Worker(script, { resourceLimits: { maxYoungGenerationSizeMb: 64 } });
    worker.unref();
    const thread: LoaderThread = { worker };
    worker.once('error', (error) => (thread.failed ??= error));
    worker.once('exit', (code) => (thread.failed ??= new Error(`worker exited with code ${code} before it was given work`)));
    return thread;
  });
}

/** Gives a started thread its request; each loaded file goes to `onItem` as it arrives. Settles when the thread is done. */
export function runLoaderThread(thread: LoaderThread, request: ShareRequest, onItem: (item: LoadedItem) => void): Promise<void> {
  const { worker } = thread;
  if (thread.failed) return Promise.reject(thread.failed);
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (error?: Error) => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      if (error) reject(error);
      else resolve();
    };
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'batch') {
        for (const item of JSON.parse(message.json) as LoadedItem[]) onItem(item);
        for (const item of message.cloned) onItem({ ...item, notJson: true });
      } else if (message.type === 'done') finish();
      else finish(new Error(message.message));
    });
    worker.once('error', (error) => finish(error));
    worker.once('exit', (code) => finish(new Error(`worker exited with code ${code} before it finished`)));
    worker.ref();
    worker.postMessage(request);
  });
}
