// The lint cache: one JSON file per contracts directory under `.mesh-cache/`, holding for every mesh
// file what lint computed from it alone: its load findings, its parsed data, and for contracts the
// per-contract check findings. An entry is reused only when the file's bytes hash, the hashes of
// mesh.yaml and its domain.yaml (contracts), and the fingerprints of its `$ref` targets are all
// unchanged; the whole file is ignored when the tool, the load limits or the paths differ. A missing,
// unreadable or corrupt cache file means an empty cache, never an error. Writes are atomic.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Finding } from '../finding.js';
import type { DocumentKind } from '../model/document.js';

export const CACHE_FORMAT = 1;

export interface LintCacheEntry {
  /** sha256 of the file's bytes. */
  hash: string;
  /** Load findings. */
  findings: Finding[];
  /** The loaded document (absent when the file did not load). */
  document?: { file: string; kind: DocumentKind; data: Record<string, unknown> };
  /** Contracts: per-contract check findings, and the policy key they were computed under. */
  checks?: Finding[];
  policyKey?: string;
  /** Root-relative path of each file a `$ref` looked at -> its fingerprint. */
  deps?: Record<string, string>;
}

/** Where the cache of one contracts directory lives. */
export function lintCacheFile(cacheDir: string, root: string, contractsDir: string): string {
  const id = createHash('sha256').update(path.relative(root, contractsDir).split(path.sep).join('/')).digest('hex').slice(0, 12);
  return path.join(cacheDir, `lint-${id}.json`);
}

/**
 * Identifies the code that computed the results: the running bundle, i.e. this module's file and
 * every script next to it and in load/ (the CLI is split into chunks, and the worker script).
 */
export function toolFingerprint(version: string): string {
  const hash = createHash('sha256').update(version);
  try {
    const self = fileURLToPath(import.meta.url);
    hash.update(readFileSync(self));
    const dir = path.dirname(self);
    for (const sub of ['.', 'load']) {
      const at = path.join(dir, sub);
      if (!existsSync(at)) continue;
      for (const name of readdirSync(at).filter((n) => n.endsWith('.js')).sort()) {
        hash.update(name);
        hash.update(readFileSync(path.join(at, name)));
      }
    }
  } catch {
    hash.update('unknown');
  }
  return hash.digest('hex').slice(0, 16);
}

/** The entries of a cache file written under the same `key`; empty otherwise. */
export function readLintCache(file: string, key: string): Map<string, LintCacheEntry> {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as { format?: unknown; key?: unknown; entries?: unknown };
    if (parsed.format !== CACHE_FORMAT || parsed.key !== key || parsed.entries === null || typeof parsed.entries !== 'object') return new Map();
    const entries = new Map<string, LintCacheEntry>();
    for (const [rel, entry] of Object.entries(parsed.entries as Record<string, LintCacheEntry>)) {
      if (entry && typeof entry.hash === 'string' && Array.isArray(entry.findings)) entries.set(rel, entry);
    }
    return entries;
  } catch {
    return new Map();
  }
}

/** Replaces the cache file atomically (write aside, then rename). Failures are ignored: a cache is optional. */
export function writeLintCache(file: string, key: string, entries: Map<string, LintCacheEntry>): boolean {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    const gitignore = path.join(path.dirname(file), '.gitignore');
    if (!existsSync(gitignore)) writeFileSync(gitignore, '*\n');
    writeFileSync(tmp, JSON.stringify({ format: CACHE_FORMAT, key, entries: Object.fromEntries(entries) }));
    renameSync(tmp, file);
    return true;
  } catch {
    rmSync(tmp, { force: true });
    return false;
  }
}
