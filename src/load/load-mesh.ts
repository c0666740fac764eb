// A contracts/ tree -> Mesh: mesh.yaml, <domain>/domain.yaml, every *.odcs.yaml and *.odps.yaml, CODEOWNERS.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { compareFindings, type Finding } from '../finding.js';
import type { LoadedDocument, LoadResult } from '../model/document.js';
import type { Mesh } from '../model/mesh.js';
import { loadFile } from './load-files.js';
import { listMeshFiles } from './mesh-files.js';
import type { LoadOptions } from './options.js';
import { displayPath } from './paths.js';
import { loadInParallel, workerCount } from './parallel-load.js';

export { findRepoRoot, isMeshFile, listMeshFiles } from './mesh-files.js';

/** Where GitHub looks for CODEOWNERS, in the order it looks (the first one found is used). */
export const CODEOWNERS_LOCATIONS = ['.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS'] as const;

const CONTRACT = /\.odcs\.ya?ml$/;
const PRODUCT = /\.odps\.ya?ml$/;
const CONCURRENCY = 16;

export interface LoadMeshOptions extends LoadOptions {
  /** Load only the mesh files this accepts (absolute paths); the others are left out of the Mesh. */
  select?: (absPath: string) => boolean;
}

/** Loads a contracts/ tree; `listed` is how many mesh files it has (loaded or not, see `select`). */
export async function loadMesh(contractsDir: string, options: LoadMeshOptions): Promise<{ mesh: Mesh; result: LoadResult; listed: number }> {
  const dir = path.resolve(options.cwd, contractsDir);
  const findings: Finding[] = [];
  const mesh: Mesh = { root: options.root, contractsDir: dir, domains: new Map(), contracts: [], products: [] };

  const listed = await listMeshFiles(dir, options);
  const files = options.select ? listed.files.filter(options.select) : listed.files;
  findings.push(...listed.findings);

  const documents: LoadedDocument[] = [];
  const workers = workerCount(options.workers, files.length);
  const loaded = workers > 1 ? await loadInParallel(files, options, workers, (share) => loadAll(share, options)) : await loadAll(files, options);
  for (let i = 0; i < files.length; i++) {
    const { document, findings: fileFindings } = loaded[i];
    findings.push(...fileFindings);
    if (!document) continue;
    documents.push(document);
    placeDocument(mesh, files[i], document);
  }
  await attachCodeowners(mesh, findings, options);
  findings.sort(compareFindings);
  return { mesh, result: { documents, findings, files: files.length }, listed: listed.files.length };
}

/** Puts a loaded mesh file where it belongs in the Mesh (policy, domain, contract or product). */
export function placeDocument(mesh: Mesh, absPath: string, document: LoadedDocument): void {
  const rel = path.relative(mesh.contractsDir, absPath).split(path.sep);
  const base = rel[rel.length - 1];
  if (rel.length === 1 && /^mesh\.ya?ml$/.test(base)) mesh.policy = document;
  else if (rel.length === 2 && /^domain\.ya?ml$/.test(base)) mesh.domains.set(rel[0], document);
  else if (CONTRACT.test(base)) mesh.contracts.push(document);
  else if (PRODUCT.test(base)) mesh.products.push(document);
}

/** Reads CODEOWNERS from where GitHub looks for it. */
export async function attachCodeowners(mesh: Mesh, findings: Finding[], options: LoadOptions): Promise<void> {
  for (const location of CODEOWNERS_LOCATIONS) {
    const absPath = path.join(options.root, location);
    try {
      const stat = await fs.stat(absPath);
      if (!stat.isFile()) continue;
      if (stat.size > (options.maxFileBytes ?? 5 * 1024 * 1024)) {
        findings.push({ file: displayPath(absPath, options.cwd), line: 1, column: 1, rule: 'load/file-too-large', severity: 'error', message: `CODEOWNERS is ${stat.size} bytes, over the size limit`, fix: 'Shorten CODEOWNERS.' });
        break;
      }
      mesh.codeowners = { file: location, absPath, text: await fs.readFile(absPath, 'utf8') };
      break;
    } catch {
      continue;
    }
  }
}

export async function loadAll(files: string[], options: LoadOptions): Promise<Awaited<ReturnType<typeof loadFile>>[]> {
  const loaded = new Array<Awaited<ReturnType<typeof loadFile>>>(files.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(CONCURRENCY, files.length) }, async () => {
      while (next < files.length) {
        const i = next++;
        loaded[i] = await loadFile(files[i], options);
      }
    }),
  );
  return loaded;
}
