// Loads many files on worker threads (both cores parse YAML and check the ODCS schema). Used by
// loadMesh for large meshes when the bundled worker script is present; small meshes and unbundled
// runs (tests from source) load on the main thread, where starting workers would cost more than it saves.
import { readFileSync } from 'node:fs';
import type { LoadedDocument } from '../model/document.js';
import { createLocator, type Locate } from './locate.js';
import type { LoadOneResult } from './load-text.js';
import type { LoadOptions } from './options.js';
import type { LoadedItem, ShareRequest } from './worker-protocol.js';
import { runLoaderThread, startLoaderThreads, type LoaderThread } from './loader-threads.js';

export { PARALLEL_THRESHOLD, workerCount } from './loader-threads.js';
import type { Finding } from '../finding.js';
import { withSchemaGuard } from './contract-checks.js';

/**
 * Files a thread takes at a time from the shared cursor. Small, so both threads finish within a few
 * files of each other (profiled at 10,000 files: dealing fixed shares by size left one thread idle
 * for 0.3 s at the end, however the shares were weighted).
 */
export const CLAIM_SIZE = 8;

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
 * workers also run the per-contract checks (src/load/contract-checks.ts). The main thread is one of
 * the threads: every thread takes the next CLAIM_SIZE files from a cursor in shared memory until
 * none are left, so no thread waits for another however uneven the files are. `loadHere` loads a
 * claim on the main thread; it also loads whatever a worker that died had claimed (slower, never wrong).
 */
export async function loadInParallel(
  files: string[],
  options: LoadOptions,
  workers: number,
  loadHere: (files: string[]) => Promise<ParallelLoaded[]>,
  check?: ShareRequest['check'],
  started: LoaderThread[] = [],
): Promise<ParallelLoaded[]> {
  // Threads started earlier (see startLoaderThreads) first; the others now.
  for (const spare of started.slice(workers - 1)) void spare.worker.terminate();
  const threads = [...started.slice(0, workers - 1), ...startLoaderThreads(workers - 1 - started.length)];
  const cursor = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT);
  const next = new Int32Array(cursor);
  const results = new Array<ParallelLoaded | undefined>(files.length);
  const request: ShareRequest = { files, cursor, claim: CLAIM_SIZE, options: plainOptions(options), ...(check ? { check } : {}) };
  const running = threads.map((thread) => runLoaderThread(thread, request, (item) => (results[item.index] = fromItem(item))).catch(() => undefined));
  for (;;) {
    const start = Atomics.add(next, 0, CLAIM_SIZE);
    if (start >= files.length) break;
    const loaded = await loadHere(files.slice(start, start + CLAIM_SIZE));
    for (let k = 0; k < loaded.length; k++) results[start + k] = loaded[k];
    // Let the workers' batches in between claims: they are rebuilt while the workers go on.
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  await Promise.all(running);
  const lost = results.flatMap((result, index) => (result ? [] : [index]));
  if (lost.length > 0) {
    const loaded = await loadHere(lost.map((index) => files[index]));
    lost.forEach((index, k) => (results[index] = loaded[k]));
  }
  return results as ParallelLoaded[];
}

function fromItem(item: LoadedItem): ParallelLoaded {
  const document: LoadedDocument | undefined = item.document
    ? { ...item.document, locate: lazyLocator(item.document.absPath), ...(item.schemaFindings ? { schemaFindings: item.schemaFindings } : {}) }
    : undefined;
  if (document && item.checks) withSchemaGuard(document.data);
  return {
    findings: item.findings,
    ...(document ? { document } : {}),
    ...(item.checks ? { checks: item.checks } : {}),
    ...(item.deps ? { deps: Object.keys(item.deps), depFingerprints: item.deps } : {}),
    ...(item.notJson ? { notJson: true } : {}),
  };
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
