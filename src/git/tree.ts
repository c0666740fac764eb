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
