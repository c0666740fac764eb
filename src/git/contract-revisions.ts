// Parses revisions of a contract (texts from git history) with the loader. A committed text whose
// `$ref`s point to other files is loaded against the contracts folder as it was at that commit
// (written to a temporary folder, removed right after); the working copy loads against the working
// tree. `$ref`s to files outside the contracts folder do not resolve for committed revisions.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { compareRevisions, diffOptionsFor, type LoadedRevision, type Revision } from '../changelog.js';
import { loadText } from '../load/load-files.js';
import type { LoadedDocument } from '../model/document.js';
import type { Mesh } from '../model/mesh.js';
import { materializeTree } from './tree.js';

export interface RevisionLoadOptions {
  /** Repository root (absolute). */
  root: string;
  /** Findings' paths are relative to it. */
  cwd: string;
  /** Repository-relative contracts folder, written out for revisions with `$ref`s (`contracts`). */
  contractsRel: string;
}

const HAS_REF = /\$ref\s*["']?\s*:/;

async function loadOne(revision: Revision, options: RevisionLoadOptions): Promise<LoadedRevision> {
  const rel = revision.path.split('/').join(path.sep);
  let dir = options.root;
  let temp: string | undefined;
  try {
    if (revision.commit && HAS_REF.test(revision.text)) {
      temp = await mkdtemp(path.join(os.tmpdir(), 'mesh-changelog-'));
      await materializeTree(options.root, revision.commit, [options.contractsRel || '.'], temp);
      dir = temp;
    }
    const loaded = await loadText(revision.text, { absPath: path.join(dir, rel), file: revision.path }, { root: dir, cwd: options.cwd });
    const error = loaded.findings.find((f) => f.severity === 'error');
    if (!loaded.document || error) return { ...revision, problem: error ? `${error.message} (${error.rule}, line ${error.line})` : 'not a contract' };
    return { ...revision, data: loaded.document.data };
  } finally {
    if (temp) await rm(temp, { recursive: true, force: true });
  }
}

/** A loader remembering each revision's result (by commit and path), so a version is parsed once. */
export function revisionLoader(options: RevisionLoadOptions): (revision: Revision) => Promise<LoadedRevision> {
  const memo = new Map<string, Promise<LoadedRevision>>();
  return (revision) => {
    const key = `${revision.commit ?? 'working-copy'}\0${revision.path}\0${revision.commit ? '' : revision.text}`;
    let loaded = memo.get(key);
    if (!loaded) {
      loaded = loadOne(revision, options);
      memo.set(key, loaded);
    }
    return loaded;
  };
}

/** Loads every revision (sequentially: each may write a temporary tree). */
export async function loadRevisions(revisions: readonly Revision[], options: RevisionLoadOptions): Promise<LoadedRevision[]> {
  const load = revisionLoader(options);
  const out: LoadedRevision[] = [];
  for (const revision of revisions) out.push(await load(revision));
  return out;
}

/** Where a breaking-change check runs: the mesh (policy, settings) and the contract compared. */
export interface BreakingCheckContext {
  mesh: Mesh;
  contract: LoadedDocument;
  /** The git repository root the revisions' paths are relative to. */
  root: string;
}

/**
 * The site's breaking-change check: loads both revisions and asks the breaking-change engine
 * (with the mesh's severity overrides); undefined when either does not load.
 */
export function breakingCheck(cwd: string): (previous: Revision, next: Revision, context: BreakingCheckContext) => Promise<boolean | undefined> {
  const loaders = new Map<string, (revision: Revision) => Promise<LoadedRevision>>();
  const today = new Date().toISOString().slice(0, 10);
  return async (previous, next, { mesh, contract, root }) => {
    let load = loaders.get(root);
    if (!load) {
      load = revisionLoader({ root, cwd, contractsRel: path.relative(root, mesh.contractsDir).split(path.sep).join('/') });
      loaders.set(root, load);
    }
    const comparison = compareRevisions(await load(previous), await load(next), diffOptionsFor(mesh, contract, today));
    return comparison.report?.breaking;
  };
}
