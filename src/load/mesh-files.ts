// Which files make up a mesh, found by listing directories only (nothing is read or parsed here).
// Kept apart from the loader so that `mesh lint` can count the files, and start its worker threads,
// before it imports the engine.
import { existsSync, promises as fs, statSync } from 'node:fs';
import path from 'node:path';
import type { Finding } from '../finding.js';
import type { LoadOptions } from './options.js';
import { displayPath } from './paths.js';

const YAML_FILE = /\.ya?ml$/;
const CONTRACT = /\.odcs\.ya?ml$/;
const PRODUCT = /\.odps\.ya?ml$/;

/** Which files of a contracts/ tree belong to the mesh (fragments under _shared/ come in through $ref only). */
export function isMeshFile(contractsDir: string, absPath: string): boolean {
  const rel = path.relative(contractsDir, absPath).split(path.sep);
  const base = rel[rel.length - 1];
  if (rel.length === 1 && (base === 'mesh.yaml' || base === 'mesh.yml')) return true;
  if (rel.length === 2 && (base === 'domain.yaml' || base === 'domain.yml') && !rel[0].startsWith('_')) return true;
  if (rel.some((part) => part === '_shared')) return false;
  return CONTRACT.test(base) || PRODUCT.test(base);
}

/** Folders that listing a contracts/ tree passes over. */
function skippedFolder(name: string): boolean {
  return name === 'node_modules' || name.startsWith('.');
}

/** Whether listMeshFiles(contractsDir) would list this path: a mesh file outside skipped folders. */
export function isListedMeshFile(contractsDir: string, absPath: string): boolean {
  const rel = path.relative(contractsDir, absPath).split(path.sep);
  if (rel[0] === '..' || path.isAbsolute(rel[0])) return false;
  return !rel.slice(0, -1).some(skippedFolder) && isMeshFile(contractsDir, absPath);
}

/** The mesh files of a contracts/ tree, sorted; a finding when the directory cannot be read. */
export async function listMeshFiles(dir: string, options: LoadOptions): Promise<{ files: string[]; findings: Finding[] }> {
  try {
    if (!statSync(dir).isDirectory()) throw new Error('not a directory');
    return { files: (await yamlFilesUnder(dir)).filter((file) => isMeshFile(dir, file)), findings: [] };
  } catch (error) {
    return {
      files: [],
      findings: [
        {
          file: displayPath(dir, options.cwd),
          line: 1,
          column: 1,
          rule: 'load/unreadable',
          severity: 'error',
          message: `cannot read the contracts directory ${displayPath(dir, options.cwd)}: ${(error as { code?: string }).code === 'ENOENT' ? 'no such directory' : (error as Error).message}`,
          fix: 'Pass the path of the contracts/ directory.',
        },
      ],
    };
  }
}

/** Every *.yaml / *.yml below `dir`, sorted (by UTF-16 code units), without node_modules and dot-directories. */
export async function yamlFilesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  const pending = [dir];
  while (pending.length > 0) {
    const current = pending.pop()!;
    let entries;
    try {
      entries = await fs.readdir(current, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) {
        if (!skippedFolder(entry.name)) pending.push(full);
      } else if ((entry.isFile() || entry.isSymbolicLink()) && YAML_FILE.test(entry.name)) {
        out.push(full);
      }
    }
  }
  return out.sort();
}

/** The nearest ancestor of `startDir` (itself included) that contains `.git`; `startDir` when there is none. */
export function findRepoRoot(startDir: string): string {
  const start = path.resolve(startDir);
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, '.git'))) return dir;
    if (path.dirname(dir) === dir) return start;
  }
}
