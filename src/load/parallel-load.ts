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

/** Below this many files one thread is faster than starting workers. */
export const PARALLEL_THRESHOLD = 200;

/** The worker script next to the bundle (dist/load/lint-worker.js), or undefined when running from source. */
function workerScript(): string | undefined {
  try {
    const path = fileURLToPath(new URL('./load/lint-worker.js', import.meta.url));
    return existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

export function workerCount(requested: number | undefined, files: number): number {
  if (files < PARALLEL_THRESHOLD || workerScript() === undefined) return 1;
  const wanted = requested ?? Math.min(4, availableParallelism());
  return Math.max(1, Math.min(wanted, Math.ceil(files / (PARALLEL_THRESHOLD / 2))));
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
  // Deal files out by size so every worker gets a similar amount of bytes.
  const sized = files.map((file, index) => ({ file, index, size: safeSize(file) })).sort((a, b) => b.size - a.size);
  const shares: { files: string[]; indexes: number[]; bytes: number }[] = Array.from({ length: workers }, () => ({ files: [], indexes: [], bytes: 0 }));
  for (const item of sized) {
    const share = shares.reduce((min, s) => (s.bytes < min.bytes ? s : min));
    share.files.push(item.file);
    share.indexes.push(item.index);
    share.bytes += item.size;
  }
  const results = new Array<ParallelLoaded>(files.length);
  await Promise.all(
    shares.map(async (share) => {
      const request: ShareRequest = { files: share.files, options: plainOptions(options), ...(check ? { check } : {}) };
      const loaded = await runWorker(script, request).catch(() => undefined);
      if (!loaded) {
        const redone = await fallback(share.files);
        for (let i = 0; i < share.files.length; i++) results[share.indexes[i]] = redone[i];
        return;
      }
      for (const item of loaded) {
        const document: LoadedDocument | undefined = item.document
          ? { ...item.document, locate: lazyLocator(item.document.absPath), ...(item.schemaFindings ? { schemaFindings: item.schemaFindings } : {}) }
          : undefined;
        results[share.indexes[item.index]] = {
          findings: item.findings,
          ...(document ? { document } : {}),
          ...(item.checks ? { checks: item.checks } : {}),
          ...(item.deps ? { deps: Object.keys(item.deps), depFingerprints: item.deps } : {}),
          ...(item.notJson ? { notJson: true } : {}),
        };
      }
    }),
  );
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
    locate ??= createLocator(readFileSync(absPath, 'utf8'));
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
