// Reads the files of a commit: lists them with ls-tree and streams their blobs through one
// `git cat-file --batch`, then writes them under a directory so the loader (and its $ref rules)
// sees the tree exactly as it was at that commit.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { git } from './git.js';

export interface TreeFile {
  path: string;
  blob: string;
}

/** Files of `commit` under the given repository-relative prefixes (regular files only). */
export async function listTree(cwd: string, commit: string, prefixes: readonly string[]): Promise<TreeFile[]> {
  const out = (await git(cwd, ['ls-tree', '-r', '-z', '--full-tree', commit, '--', ...prefixes])).toString('utf8');
  const files: TreeFile[] = [];
  for (const entry of out.split('\0')) {
    if (!entry) continue;
    const tab = entry.indexOf('\t');
    const [mode, type, blob] = entry.slice(0, tab).split(' ');
    if (type !== 'blob' || mode === '120000') continue; // no symlinks: they could point outside
    files.push({ path: entry.slice(tab + 1), blob });
  }
  return files;
}

/** Contents of blobs by sha, in one git process. */
export async function readBlobs(cwd: string, blobs: readonly string[]): Promise<Map<string, Buffer>> {
  const result = new Map<string, Buffer>();
  if (blobs.length === 0) return result;
  const unique = [...new Set(blobs)];
  const out = await git(cwd, ['cat-file', '--batch'], unique.join('\n') + '\n');
  let pos = 0;
  for (const sha of unique) {
    const nl = out.indexOf(0x0a, pos);
    const header = out.subarray(pos, nl).toString('utf8').split(' ');
    if (header[1] === 'missing') throw new Error(`git object ${sha} is missing`);
    const size = Number(header[2]);
    result.set(sha, out.subarray(nl + 1, nl + 1 + size));
    pos = nl + 1 + size + 1;
  }
  return result;
}

/** Writes the files of `commit` under `prefixes` into `dest` (mirroring repository paths). */
export async function materializeTree(cwd: string, commit: string, prefixes: readonly string[], dest: string): Promise<number> {
  const files = await listTree(cwd, commit, prefixes);
  const blobs = await readBlobs(cwd, files.map((f) => f.blob));
  for (const f of files) {
    const target = path.join(dest, f.path);
    if (!target.startsWith(dest + path.sep)) continue;
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, blobs.get(f.blob)!);
  }
  return files.length;
}

/** What a path names in a commit: a file's bytes, a directory, or nothing (`missing`, or a symlink, which trees never materialise). */
export type PathContent = { type: 'blob'; bytes: Buffer } | { type: 'tree' } | { type: 'missing' };

/**
 * The entries at exact repository-relative paths of `commit` (no globbing), in two git processes
 * whatever the number of paths: `ls-tree` for modes and object ids, one `cat-file --batch` for the
 * blobs. Paths absent from the commit are `missing`; symlinks count as missing, as in materializeTree.
 */
export async function readPaths(cwd: string, commit: string, paths: readonly string[]): Promise<Map<string, PathContent>> {
  const result = new Map<string, PathContent>();
  const wanted = [...new Set(paths)].filter((p) => p !== '' && !p.startsWith('/') && !p.split('/').includes('..'));
  for (const p of paths) result.set(p, { type: 'missing' });
  if (wanted.length === 0) return result;
  const entries = new Map<string, { type: string; mode: string; sha: string }>();
  // ls-tree takes paths from the command line: chunk them to stay far below ARG_MAX.
  for (let i = 0; i < wanted.length; i += 2000) {
    const out = (await git(cwd, ['--literal-pathspecs', 'ls-tree', '-z', '--full-tree', commit, '--', ...wanted.slice(i, i + 2000)])).toString('utf8');
    for (const entry of out.split('\0')) {
      if (!entry) continue;
      const tab = entry.indexOf('\t');
      const [mode, type, sha] = entry.slice(0, tab).split(' ');
      entries.set(entry.slice(tab + 1), { type, mode, sha });
    }
  }
  const blobs = [...entries.values()].filter((e) => e.type === 'blob' && e.mode !== '120000').map((e) => e.sha);
  const bytes = await readBlobs(cwd, blobs);
  for (const [p, e] of entries) {
    if (e.type === 'tree') result.set(p, { type: 'tree' });
    else if (e.type === 'blob' && e.mode !== '120000') result.set(p, { type: 'blob', bytes: bytes.get(e.sha)! });
  }
  return result;
}

/** Repository-relative paths of the regular files of `commit` under `prefixes` (no contents read). */
export async function listPaths(cwd: string, commit: string, prefixes: readonly string[]): Promise<string[]> {
  return (await listTree(cwd, commit, prefixes)).map((f) => f.path);
}
