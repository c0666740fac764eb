// Loads many files on worker threads (both cores parse YAML and check the ODCS schema). Used by
// loadMesh for large meshes when the bundled worker script is present; small meshes and unbundled
// runs (tests from source) load on the main thread, where starting workers would cost more than it saves.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { LoadedDocument } from '../model/document.js';
import { createLocator, type Locate } from './locate.js';
import type { LoadOneResult } from './load-text.js';
import type { LoadOptions } from './options.js';
import type { LoadedItem, ShareRequest, WorkerMessage } from './worker-protocol.js';
import type { Finding } from '../finding.js';
import { withSchemaGuard } from './contract-checks.js';

/**
 * Below this many files one thread is faster than starting workers (measured on 2 cores: at 1,000
 * files a worker costs more than it saves, at 10,000 it saves a quarter). `--workers N` overrides it.
 */
export const PARALLEL_THRESHOLD = 2000;
/** An explicitly requested thread gets at least this many files. */
const MIN_FILES_PER_THREAD = 50;
/**
 * Share of the main thread relative to a worker thread's: a little larger, because a worker starts
 * later (it loads its bundle while the main thread lists the files). Profiled at 10,000 files: with
 * 0.8 the main thread sat idle for 0.9 s at the end; 1.1 saved 0.3 s of wall time.
 */
const MAIN_SHARE_WEIGHT = 1.1;

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

/** A file loaded by a worker (or by the fallback on the main thread). */
export interface ParallelLoaded extends LoadOneResult {
  /** Per-contract check findings (check requests only). */
  checks?: Finding[];
  /** Fingerprints of the files the document's `$ref`s looked at. */
  depFingerprints?: Record<string, string>;
  /** The document's data would not survive JSON (NaN, Infinity): never cache it. */
  notJson?: boolean;
}

/**
 * Loads `files` on `workers` threads; results come back in the order of `files`. With `check`, the
 * workers also run the per-contract checks (src/load/contract-checks.ts). A worker that dies makes
 * its files load on the main thread instead, through `fallback` (slower, never wrong).
 */
export async function loadInParallel(
  files: string[],
  options: LoadOptions,
  workers: number,
  fallback: (files: string[]) => Promise<ParallelLoaded[]>,
  check?: ShareRequest['check'],
): Promise<ParallelLoaded[]> {
  const script = workerScript()!;
  // `workers` threads in all: the main thread loads a share itself (no serialisation for that
  // share), the others are worker threads. Files are dealt out by size (MAIN_SHARE_WEIGHT).
  const weights = Array.from({ length: workers }, (_, i) => (i === 0 ? MAIN_SHARE_WEIGHT : 1));
  const sized = files.map((file, index) => ({ file, index, size: safeSize(file) })).sort((a, b) => b.size - a.size);
  const shares: { files: string[]; indexes: number[]; bytes: number }[] = Array.from({ length: workers }, () => ({ files: [], indexes: [], bytes: 0 }));
  for (const item of sized) {
    let best = 0;
    for (let i = 1; i < shares.length; i++) if (shares[i].bytes / weights[i] < shares[best].bytes / weights[best]) best = i;
    shares[best].files.push(item.file);
    shares[best].indexes.push(item.index);
    shares[best].bytes += item.size;
  }
  for (const share of shares) {
    // Back in file order inside each share (the size sort was only for dealing).
    const order = share.indexes.map((index, k) => ({ index, file: share.files[k] })).sort((a, b) => a.index - b.index);
    share.indexes = order.map((o) => o.index);
    share.files = order.map((o) => o.file);
  }
  const results = new Array<ParallelLoaded>(files.length);
  const place = (share: (typeof shares)[number], loaded: ParallelLoaded[]) => {
    for (let i = 0; i < share.files.length; i++) results[share.indexes[i]] = loaded[i];
  };
  // Start the worker threads first, then load the main thread's share while they run.
  const running = shares.slice(1).map(async (share) => {
    const request: ShareRequest = { files: share.files, options: plainOptions(options), ...(check ? { check } : {}) };
    const loaded = await runWorker(script, request).catch(() => undefined);
    if (!loaded) {
      place(share, await fallback(share.files));
      return;
    }
    const byIndex = new Array<ParallelLoaded>(share.files.length);
    for (const item of loaded) {
      const document: LoadedDocument | undefined = item.document
        ? { ...item.document, locate: lazyLocator(item.document.absPath), ...(item.schemaFindings ? { schemaFindings: item.schemaFindings } : {}) }
        : undefined;
      if (document && item.checks) withSchemaGuard(document.data);
      byIndex[item.index] = {
        findings: item.findings,
        ...(document ? { document } : {}),
        ...(item.checks ? { checks: item.checks } : {}),
        ...(item.deps ? { deps: Object.keys(item.deps), depFingerprints: item.deps } : {}),
        ...(item.notJson ? { notJson: true } : {}),
      };
    }
    place(share, byIndex);
  });
  place(shares[0], await fallback(shares[0].files));
  await Promise.all(running);
  return results;
}

function runWorker(script: string, request: ShareRequest): Promise<LoadedItem[]> {
  return new Promise((resolve, reject) => {
    // A larger young generation: parsing allocates many short-lived objects and the default
    // semi-space makes the scavenger run constantly (measured: GC was 16 % of a 5,000-file lint).
    const worker = new Worker(script, { workerData: request, resourceLimits: { maxYoungGenerationSizeMb: 64 } });
    const items: LoadedItem[] = [];
    let settled = false;
    const finish = (error?: Error) => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      if (error) reject(error);
      else resolve(items);
    };
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'batch') {
        // Batches arrive while the worker goes on: the main thread rebuilds them meanwhile.
        for (const item of JSON.parse(message.json) as LoadedItem[]) items.push(item);
        for (const item of message.cloned) items.push({ ...item, notJson: true });
      } else if (message.type === 'done') finish();
      else finish(new Error(message.message));
    });
    worker.once('error', (error) => finish(error));
    worker.once('exit', (code) => finish(new Error(`worker exited with code ${code} before it finished`)));
  });
}

/** Positions for a document loaded elsewhere: the file is read and parsed again only if asked. */
export function lazyLocator(absPath: string): Locate {
  let locate: Locate | undefined;
  return (path) => {
    if (!locate) {
      // As the loader decodes it (TextDecoder drops a byte-order mark), so that columns on line 1 agree.
      const text = readFileSync(absPath, 'utf8');
      locate = createLocator(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    }
    return locate(path);
  };
}

function plainOptions(options: LoadOptions): LoadOptions {
  const { root, cwd, maxFileBytes, maxDepth, maxAliases } = options;
  return { root, cwd, ...(maxFileBytes !== undefined ? { maxFileBytes } : {}), ...(maxDepth !== undefined ? { maxDepth } : {}), ...(maxAliases !== undefined ? { maxAliases } : {}) };
}

function safeSize(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}
