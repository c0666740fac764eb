// The contracts of two commits (or a commit and the working tree) loaded and diffed: the shell
// shared by `mesh breaking` and actions/breaking. Each commit's tree is written to a temporary
// directory (git objects → files), so the loader and its $ref resolution see it exactly as it was
// committed; contracts are matched across git's renames. Call `cleanup()` once done with `locate`
// (the loader may read a file again to find a line).
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { diffMeshes, type MeshDiffOptions, type MeshDiffResult } from '../breaking/diff-meshes.js';
import type { Locator } from '../breaking/format-report.js';
import type { Finding } from '../finding.js';
import { CODEOWNERS_LOCATIONS, loadMesh } from '../load/load-mesh.js';
import { changedFiles, renames } from './changed-files.js';
import { materializeTree } from './tree.js';

export interface RefsDiffOptions extends MeshDiffOptions {
  /** Repository-relative contracts directory, `/` separators (`contracts`). */
  contractsRel: string;
  /** The base commit, and how the report names it. */
  base: { ref: string; sha: string; how?: string };
  /** Head commit; undefined: the working tree (uncommitted and untracked files included). */
  headSha?: string;
  /** How the report names the head (`HEAD`, `working tree`). */
  headRef: string;
}

export interface RefsDiff extends MeshDiffResult {
  /** File, line and column of a change (new side, else old side). */
  locate: Locator;
  /** Neither side has the contracts directory. */
  noContracts: boolean;
  /** Removes the temporary trees. */
  cleanup(): Promise<void>;
}

export async function diffRefs(root: string, options: RefsDiffOptions): Promise<RefsDiff> {
  const { contractsRel, base, headSha } = options;
  const temps: string[] = [];
  const cleanup = async () => {
    await Promise.all(temps.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
  };
  try {
    const prefixes = [contractsRel, ...CODEOWNERS_LOCATIONS];
    const materialize = async (sha: string) => {
      const dir = await mkdtemp(path.join(os.tmpdir(), 'mesh-breaking-'));
      temps.push(dir);
      await materializeTree(root, sha, prefixes, dir);
      return dir;
    };
    const baseDir = await materialize(base.sha);
    const headDir = headSha ? await materialize(headSha) : root;
    const [baseMesh, headMesh] = await Promise.all([
      loadMesh(path.join(baseDir, contractsRel), { root: baseDir, cwd: baseDir }),
      loadMesh(path.join(headDir, contractsRel), { root: headDir, cwd: headDir }),
    ]);
    const changed = await changedFiles(root, base.sha, headSha, [contractsRel]).catch(() => []);
    const result = await diffMeshes(baseMesh.mesh, headMesh.mesh, {
      waivers: options.waivers,
      today: options.today,
      check: options.check,
      renames: options.renames ?? renames(changed),
    });
    const { run, documents } = result;
    run.base = base;
    run.head = { ref: options.headRef };
    const problem = (f: Finding, side: string) => ({ file: f.file, line: f.line, column: f.column, rule: f.rule, message: side === 'head' ? f.message : `${f.message} (in ${base.ref})` });
    const missingDir = (f: Finding) => f.rule === 'load/unreadable';
    run.problems = [
      ...headMesh.result.findings.filter((f) => f.severity === 'error' && !missingDir(f)).map((f) => problem(f, 'head')),
      ...baseMesh.result.findings.filter((f) => f.severity === 'error' && !missingDir(f)).map((f) => problem(f, 'base')),
    ];
    const noContracts = headMesh.result.findings.some(missingDir) && baseMesh.result.findings.some(missingDir);
    const locate: Locator = (contract, change) => {
      const docs = documents.get(contract);
      if (change.newPointer && docs?.new) return { file: docs.new.file, ...docs.new.locate(change.newPointer) };
      if (change.oldPointer && docs?.old) return { file: docs.old.file, ...docs.old.locate(change.oldPointer) };
      return undefined;
    };
    return { ...result, locate, noContracts, cleanup };
  } catch (error) {
    await cleanup();
    throw error;
  }
}
