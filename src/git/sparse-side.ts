// One side of a pull request (a commit, or the working tree) loaded file by file: only the files
// asked for, with the same loader and checks as a whole mesh. A commit's files come from git
// objects (no checkout): they are written under a temporary directory mirroring repository paths,
// and the files their `$ref`s look at are fetched from the same commit as they are discovered, until
// nothing new is asked for — so `$ref`s resolve exactly as in a full checkout of that commit.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadFile, type LoadOneResult } from '../load/load-files.js';
import { attachCodeowners, CODEOWNERS_LOCATIONS } from '../load/load-mesh.js';
import type { Finding } from '../finding.js';
import type { Mesh } from '../model/mesh.js';
import { readPaths } from './tree.js';

export interface SparseSide {
  /** Where the side's files are: the repository itself (working tree) or a temporary directory. */
  dir: string;
  /** Loads repository-relative paths (each once; later calls reuse earlier results). */
  load(paths: readonly string[]): Promise<Map<string, LoadOneResult>>;
  /** CODEOWNERS of this side, as the loader reads it. */
  codeowners(): Promise<Mesh['codeowners']>;
  cleanup(): Promise<void>;
}

/** Repository path of an absolute path under `dir`, or undefined when outside. */
function relUnder(dir: string, abs: string): string | undefined {
  const rel = path.relative(dir, abs);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
  return rel.split(path.sep).join('/');
}

/** The working tree: files are read where they are. */
export function workingTreeSide(root: string): SparseSide {
  const done = new Map<string, LoadOneResult>();
  return {
    dir: root,
    async load(paths) {
      for (const p of paths) if (!done.has(p)) done.set(p, await loadFile(path.join(root, p), { root, cwd: root }));
      return new Map(paths.map((p) => [p, done.get(p)!]));
    },
    async codeowners() {
      const mesh = { root } as Mesh;
      await attachCodeowners(mesh, [] as Finding[], { root, cwd: root });
      return mesh.codeowners;
    },
    async cleanup() {},
  };
}

/** A commit: the asked files and their `$ref` targets written under a temporary directory. */
export async function commitSide(root: string, sha: string): Promise<SparseSide> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'mesh-breaking-'));
  const fetched = new Set<string>();
  const done = new Map<string, LoadOneResult>();
  const options = { root: dir, cwd: dir };

  const fetch = async (paths: readonly string[]): Promise<number> => {
    const todo = [...new Set(paths)].filter((p) => !fetched.has(p));
    if (todo.length === 0) return 0;
    for (const p of todo) fetched.add(p);
    let written = 0;
    for (const [p, content] of await readPaths(root, sha, todo)) {
      const target = path.join(dir, p);
      if (!target.startsWith(dir + path.sep)) continue;
      if (content.type === 'tree') await mkdir(target, { recursive: true });
      else if (content.type === 'blob') {
        await mkdir(path.dirname(target), { recursive: true });
        await writeFile(target, content.bytes);
      } else continue;
      written++;
    }
    return written;
  };

  return {
    dir,
    async load(paths) {
      const fresh = [...new Set(paths)].filter((p) => !done.has(p));
      await fetch(fresh);
      let pending = fresh;
      // Load, then fetch what the `$ref`s looked at and did not find; reload those that asked.
      while (pending.length > 0) {
        const wants = new Map<string, string[]>();
        for (const p of pending) {
          const loaded = await loadFile(path.join(dir, p), options);
          done.set(p, loaded);
          const missing = (loaded.deps ?? []).map((abs) => relUnder(dir, abs)).filter((r): r is string => r !== undefined && !fetched.has(r));
          if (missing.length > 0) wants.set(p, missing);
        }
        if (wants.size === 0) break;
        await fetch([...wants.values()].flat());
        pending = [...wants.keys()];
      }
      return new Map(paths.map((p) => [p, done.get(p)!]));
    },
    async codeowners() {
      await fetch([...CODEOWNERS_LOCATIONS]);
      const mesh = { root: dir } as Mesh;
      await attachCodeowners(mesh, [] as Finding[], options);
      return mesh.codeowners;
    },
    async cleanup() {
      await rm(dir, { recursive: true, force: true });
    },
  };
}
