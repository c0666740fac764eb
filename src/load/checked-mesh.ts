// What `mesh lint` loads: the Mesh plus the per-contract check findings (ODCS schema +
// contract-scope rules), computed on worker threads for large meshes and reused from the lint cache
// for files that did not change. The caller runs the mesh-scope rules on the result, so
// cross-contract rules always see every contract's current content. Contracts that were checked
// carry a summary as their data (everything but `schema`, see contractSummary): this Mesh is for
// the mesh-scope rules, not for consumers that need whole contracts (use loadMesh).
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { compareFindings, type Finding } from '../finding.js';
import type { LoadedDocument, LoadResult } from '../model/document.js';
import type { Mesh } from '../model/mesh.js';
import { readLintCache, writeLintCache, type LintCacheEntry } from '../cache/lint-cache.js';
import { checkContracts, contractSummary, isContractFile, policyRole, withSchemaGuard, type PolicyDocs } from './contract-checks.js';
import { fingerprintMemo, isJsonFaithful } from './fingerprint.js';
import { loadFile } from './load-files.js';
import { attachCodeowners, listMeshFiles, placeDocument } from './load-mesh.js';
import { sha256 } from './load-text.js';
import { limitsOf, type LoadOptions } from './options.js';
import { lazyLocator, loadInParallel, PARALLEL_THRESHOLD, workerCount, type ParallelLoaded } from './parallel-load.js';
import type { LoaderThread } from './loader-threads.js';

const CONTRACT = /\.odcs\.ya?ml$/;
/** Files checked together (small: a batch's whole contracts stay alive until it is checked). */
const CHECK_BATCH = 8;

export interface CheckedMeshOptions extends LoadOptions {
  /** Use (and update) the lint cache in this file; `tool` identifies the code (see toolFingerprint). */
  cache?: { file: string; tool: string };
  /** The mesh files, if the caller listed them already (listMeshFiles of the same directory). */
  listed?: { files: string[]; findings: Finding[] };
  /** Worker threads the caller started early (startLoaderThreads); the ones not needed are stopped. */
  threads?: LoaderThread[];
}

export interface CheckedMesh {
  mesh: Mesh;
  result: LoadResult;
  /** Per-contract check findings of every contract (unfiltered; sorted). */
  checks: Finding[];
  stats: { files: number; reused: number; loaded: number; workers: number; cacheWritten: boolean };
}

interface FileOutcome extends ParallelLoaded {
  /** The cache entry this outcome was rebuilt from (kept as it is when the cache is rewritten). */
  entry?: LintCacheEntry;
}

export async function loadCheckedMesh(contractsDir: string, options: CheckedMeshOptions): Promise<CheckedMesh> {
  const dir = path.resolve(options.cwd, contractsDir);
  const mesh: Mesh = { root: options.root, contractsDir: dir, domains: new Map(), contracts: [], products: [] };
  const listed = options.listed ?? (await listMeshFiles(dir, options));
  const files = listed.files;
  const findings: Finding[] = [...listed.findings];
  const rel = (abs: string) => path.relative(options.root, abs).split(path.sep).join('/');
  const policyFiles = files.filter((f) => policyRole(dir, f) !== undefined);

  // Cache look-up: hash every file (reading 100 MB costs far less than parsing it).
  const outcomes = new Array<FileOutcome | undefined>(files.length);
  const hashes = new Array<string | undefined>(files.length);
  const key = options.cache ? cacheKey(options, dir) : '';
  const cached = options.cache ? readLintCache(options.cache.file, key) : new Map<string, LintCacheEntry>();
  const fingerprint = fingerprintMemo(options.root);
  let policyKeys: ((abs: string) => string) | undefined;
  if (options.cache) {
    const limit = limitsOf(options).maxFileBytes;
    for (let i = 0; i < files.length; i++) hashes[i] = hashOf(files[i], limit);
    policyKeys = policyKeyOf(dir, files, hashes);
    if (cached.size > 0) {
      for (let i = 0; i < files.length; i++) {
        const entry = cached.get(rel(files[i]));
        if (!entry || hashes[i] === undefined || entry.hash !== hashes[i]) continue;
        const isContract = CONTRACT.test(path.basename(files[i])) && entry.document !== undefined;
        if (isContract && entry.policyKey !== policyKeys(files[i])) continue;
        if (entry.deps && Object.entries(entry.deps).some(([dep, fp]) => fingerprint(path.resolve(options.root, dep)) !== fp)) continue;
        outcomes[i] = fromEntry(files[i], entry);
      }
    }
  }

  // Everything else is loaded (and checked) now: on worker threads when there is enough of it.
  const missing = files.map((f, i) => (outcomes[i] ? -1 : i)).filter((i) => i >= 0);
  const missingFiles = missing.map((i) => files[i]);
  const workers = workerCount(options.workers, missingFiles.length);
  const here = checkerHere(policyFiles, dir, options, fingerprint);
  const started = options.threads ?? [];
  if (workers <= 1) for (const thread of started) void thread.worker.terminate();
  const loaded = workers > 1 ? await loadInParallel(missingFiles, options, workers, here, { contractsDir: dir, policyFiles }, started) : await here(missingFiles);
  missing.forEach((fileIndex, k) => (outcomes[fileIndex] = loaded[k]));

  const documents: LoadedDocument[] = [];
  const checks: Finding[] = [];
  const entries = new Map<string, LintCacheEntry>();
  let reused = 0;
  for (let i = 0; i < files.length; i++) {
    const outcome = outcomes[i]!;
    if (outcome.entry) reused++;
    findings.push(...outcome.findings);
    if (outcome.checks) checks.push(...outcome.checks);
    if (outcome.document) {
      documents.push(outcome.document);
      placeDocument(mesh, files[i], outcome.document);
    }
    if (options.cache && policyKeys) {
      const entry = toEntry(outcome, hashes[i], policyKeys(files[i]), options.root);
      if (entry) entries.set(rel(files[i]), entry);
    }
  }
  await attachCodeowners(mesh, findings, options);
  findings.sort(compareFindings);
  checks.sort(compareFindings);

  // Rewrite the cache when anything differs from what was read.
  let cacheWritten = false;
  if (options.cache && (reused !== files.length || cached.size !== entries.size)) cacheWritten = writeLintCache(options.cache.file, key, entries);
  return {
    mesh,
    result: { documents, findings, files: files.length },
    checks,
    stats: { files: files.length, reused, loaded: missingFiles.length, workers: missingFiles.length === 0 ? 0 : workers, cacheWritten },
  };
}

/**
 * Loads files and runs the per-contract checks on this thread (small meshes, cache misses, the main
 * thread's claims); the policy files are loaded once, on first use. In batches, so each batch's full
 * contracts become garbage once summarised (profiled: holding 5,000 whole contracts made the main
 * thread's GC cost a fifth of its time).
 */
function checkerHere(policyFiles: string[], dir: string, options: LoadOptions, fingerprint: (abs: string) => string): (share: string[]) => Promise<FileOutcome[]> {
  let policy: Promise<PolicyDocs> | undefined;
  return (share) => loadAndCheckHere(share, () => (policy ??= policyDocs(policyFiles, dir, options)), options, fingerprint);
}

async function loadAndCheckHere(share: string[], policyOnce: () => Promise<PolicyDocs>, options: LoadOptions, fingerprint: (abs: string) => string): Promise<FileOutcome[]> {
  const results: FileOutcome[] = [];
  for (let start = 0; start < share.length; start += CHECK_BATCH) {
    const batch: FileOutcome[] = [];
    for (const file of share.slice(start, start + CHECK_BATCH)) {
      const { document, findings, deps } = await loadFile(file, options);
      batch.push({
        findings,
        ...(document ? { document } : {}),
        ...(deps ? { deps, depFingerprints: Object.fromEntries(deps.map((d) => [d, fingerprint(d)])) } : {}),
      });
    }
    const contracts = batch.map((r) => (r.document && isContractFile(r.document.absPath) ? r.document : undefined)).filter((d): d is LoadedDocument => d !== undefined);
    if (contracts.length > 0) {
      const byFile = checkContracts(await policyOnce(), contracts, options.cwd);
      for (const result of batch) {
        if (!result.document || !byFile.has(result.document.absPath)) continue;
        result.checks = byFile.get(result.document.absPath)!;
        result.document.data = contractSummary(result.document.data);
      }
    }
    for (const result of batch) {
      if (result.document && !isJsonFaithful(result.document.data)) result.notJson = true;
      else if (result.document) detach(result.document, result.checks !== undefined);
      results.push(result);
    }
  }
  return results;
}

/**
 * Lets a document kept for the mesh-scope rules stop holding its file's text: positions are
 * recomputed from the file if asked (as for documents from worker threads), and the data is
 * rebuilt from JSON, because js-yaml's strings are slices of the text and keep all of it alive.
 * Profiled at 10,000 contracts on one thread: the texts kept the young generation full of survivors,
 * and scavenges took a fifth of the run.
 */
function detach(document: LoadedDocument, summarised: boolean): void {
  const data = JSON.parse(JSON.stringify(document.data)) as Record<string, unknown>;
  document.data = summarised ? withSchemaGuard(data) : data;
  document.locate = lazyLocator(document.absPath);
}

/** mesh.yaml and the domain.yaml files, loaded: what the effective policies are made of. */
export async function policyDocs(policyFiles: string[], dir: string, options: LoadOptions): Promise<PolicyDocs> {
  const policy: PolicyDocs = { root: options.root, contractsDir: dir, domains: new Map() };
  for (const file of policyFiles) {
    const { document } = await loadFile(file, options);
    const role = policyRole(dir, file);
    if (!document || !role) continue;
    if (role.role === 'mesh') policy.policy = document;
    else policy.domains.set(role.domain, document);
  }
  return policy;
}

function cacheKey(options: LoadOptions, dir: string): string {
  const rel = (p: string) => path.relative(options.root, p).split(path.sep).join('/');
  return JSON.stringify({ tool: (options as CheckedMeshOptions).cache?.tool, cwd: rel(options.cwd), contracts: rel(dir), limits: limitsOf(options) });
}

function hashOf(file: string, limit: number): string | undefined {
  try {
    if (statSync(file).size > limit) return undefined;
    return sha256(readFileSync(file));
  } catch {
    return undefined;
  }
}

/** A contract's checks depend on mesh.yaml and its domain's domain.yaml: their hashes make the key. */
function policyKeyOf(dir: string, files: string[], hashes: (string | undefined)[]): (abs: string) => string {
  let meshHash = 'none';
  const domainHashes = new Map<string, string>();
  files.forEach((file, i) => {
    const role = policyRole(dir, file);
    if (role?.role === 'mesh') meshHash = hashes[i] ?? 'unreadable';
    else if (role?.role === 'domain') domainHashes.set(role.domain, hashes[i] ?? 'unreadable');
  });
  return (abs) => {
    const parts = path.relative(dir, abs).split(path.sep);
    const domain = parts.length >= 2 ? parts[0] : '';
    return `${meshHash}/${domainHashes.get(domain) ?? 'none'}`;
  };
}

function fromEntry(absPath: string, entry: LintCacheEntry): FileOutcome {
  const document: LoadedDocument | undefined = entry.document ? { ...entry.document, absPath, hash: entry.hash, locate: lazyLocator(absPath) } : undefined;
  if (document && entry.checks) withSchemaGuard(document.data);
  return { findings: entry.findings, ...(document ? { document } : {}), ...(entry.checks ? { checks: entry.checks } : {}), entry };
}

function toEntry(outcome: FileOutcome, hash: string | undefined, policyKey: string, root: string): LintCacheEntry | undefined {
  if (outcome.entry) return outcome.entry;
  if (hash === undefined || outcome.notJson) return undefined;
  // Results that depend on the moment (unreadable files, internal errors) are not kept.
  if (outcome.findings.some((f) => f.rule === 'load/unreadable' || f.rule === 'load/internal')) return undefined;
  if (outcome.document && outcome.document.hash !== hash) return undefined;
  const entry: LintCacheEntry = { hash, findings: outcome.findings };
  if (outcome.document) entry.document = { file: outcome.document.file, kind: outcome.document.kind, data: outcome.document.data };
  if (outcome.checks) {
    entry.checks = outcome.checks;
    entry.policyKey = policyKey;
  }
  if (outcome.depFingerprints) {
    entry.deps = Object.fromEntries(Object.entries(outcome.depFingerprints).map(([abs, fp]) => [path.relative(root, abs).split(path.sep).join('/'), fp]));
  } else if (outcome.deps && outcome.deps.length > 0) {
    return undefined;
  }
  return entry;
}

export { PARALLEL_THRESHOLD };
