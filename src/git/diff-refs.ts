// The contracts of two commits (or a commit and the working tree) loaded and diffed: the shell
// shared by `mesh breaking` and actions/breaking. Contracts are matched by id, and by path across
// git's renames. Two ways to get there, with the same result (tested):
//
// - incremental (the default): only what the change can affect is loaded — the files of
//   `git diff --name-status` on both sides (the base read from git objects, no checkout), the
//   contracts whose `$ref`s reach a changed file (found with `git grep`, transitively), every other
//   contract holding the id of one of those (so matching by id sees what a full run sees), the
//   head's policy files and CODEOWNERS, and the head's ODPS products that can name one of the
//   changed contracts. Its cost follows the size of the change, not of the mesh.
// - full (`full: true`): both trees are written to temporary directories and loaded whole.
//
// Call `cleanup()` once done with `locate` (it removes the temporary directories).
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { diffMeshes, type MeshDiffOptions, type MeshDiffResult, type UnreadableFile } from '../breaking/diff-meshes.js';
import { publishedContracts } from '../breaking/ports.js';
import type { Locator } from '../breaking/format-report.js';
import type { Finding } from '../finding.js';
import { CODEOWNERS_LOCATIONS, isMeshFile, listMeshFiles, loadMesh, placeDocument } from '../load/load-mesh.js';
import type { LoadOneResult } from '../load/load-files.js';
import type { LoadedDocument } from '../model/document.js';
import type { Mesh } from '../model/mesh.js';
import { changedFiles, renames, type ChangedFile } from './changed-files.js';
import { grepFiles } from './grep.js';
import { commitSide, workingTreeSide, type SparseSide } from './sparse-side.js';
import { listPaths, materializeTree } from './tree.js';

export interface RefsDiffOptions extends MeshDiffOptions {
  /** Repository-relative contracts directory, `/` separators (`contracts`). */
  contractsRel: string;
  /** The base commit, and how the report names it. */
  base: { ref: string; sha: string; how?: string };
  /** Head commit; undefined: the working tree (uncommitted and untracked files included). */
  headSha?: string;
  /** How the report names the head (`HEAD`, `working tree`). */
  headRef: string;
  /** Load both trees whole instead of only what the change affects (same result, slower). */
  full?: boolean;
}

export interface RefsDiff extends MeshDiffResult {
  /** File, line and column of a change (new side, else old side). */
  locate: Locator;
  /** Neither side has the contracts directory. */
  noContracts: boolean;
  /** How many files were loaded (base + head): the work done. */
  loadedFiles: number;
  /** Removes the temporary trees. */
  cleanup(): Promise<void>;
}

const CONTRACT = /\.odcs\.ya?ml$/;
const PRODUCT = /\.odps\.ya?ml$/;
const REF_TARGET = /\.(ya?ml|json)$/;
const MISSING_DIR = 'load/unreadable';

export async function diffRefs(root: string, options: RefsDiffOptions): Promise<RefsDiff> {
  return options.full ? diffRefsFull(root, options) : diffRefsIncremental(root, options);
}

type Problem = Pick<Finding, 'file' | 'line' | 'column' | 'rule' | 'message'>;

/**
 * The problems a run reports: load errors of either side that the other side does not have
 * identically (what was already broken and stays so is lint's business, not this change's).
 */
function changeProblems(head: readonly Finding[], base: readonly Finding[], baseRef: string): Problem[] {
  const key = (f: Finding) => `${f.file}\0${f.line}\0${f.column}\0${f.rule}\0${f.message}`;
  const errors = (list: readonly Finding[]) => list.filter((f) => f.severity === 'error' && f.rule !== MISSING_DIR);
  const headErrors = errors(head);
  const baseErrors = errors(base);
  const inHead = new Set(headErrors.map(key));
  const inBase = new Set(baseErrors.map(key));
  const problem = (f: Finding, suffix = '') => ({ file: f.file, line: f.line, column: f.column, rule: f.rule, message: `${f.message}${suffix}` });
  return [...headErrors.filter((f) => !inBase.has(key(f))).map((f) => problem(f)), ...baseErrors.filter((f) => !inHead.has(key(f))).map((f) => problem(f, ` (in ${baseRef})`))];
}

/** Head contract (or product) files of the change that did not load: the first error of each. */
function unreadableFiles(changed: readonly ChangedFile[], loaded: ReadonlySet<string>, headFindings: readonly Finding[], isKind: (repoPath: string) => boolean): Map<string, UnreadableFile> {
  const out = new Map<string, UnreadableFile>();
  for (const c of changed) {
    if (c.status === 'deleted' || !isKind(c.path) || loaded.has(c.path) || out.has(c.path)) continue;
    const error = headFindings.find((f) => f.file === c.path && f.severity === 'error');
    if (error) out.set(c.path, { file: c.path, line: error.line, column: error.column, rule: error.rule, message: error.message });
  }
  return out;
}

function locatorOf(documents: MeshDiffResult['documents']): Locator {
  return (contract, change) => {
    const unreadable = contract.report.unreadable;
    if (unreadable) return { file: unreadable.file, line: unreadable.line, column: unreadable.column };
    const docs = documents.get(contract);
    if (change.newPointer && docs?.new) return { file: docs.new.file, ...docs.new.locate(change.newPointer) };
    if (change.oldPointer && docs?.old) return { file: docs.old.file, ...docs.old.locate(change.oldPointer) };
    return undefined;
  };
}

function finish(result: MeshDiffResult, options: RefsDiffOptions, problems: Problem[], extra: Pick<RefsDiff, 'noContracts' | 'loadedFiles' | 'cleanup'>): RefsDiff {
  const { run } = result;
  run.base = options.base;
  run.head = { ref: options.headRef };
  // Sorted: the incremental and full paths load files in different orders.
  run.problems = [...problems].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule)));
  return { ...result, locate: locatorOf(result.documents), ...extra };
}

/**
 * Whether a repository-relative path (as git lists it, `/` separators) is a mesh file of the
 * contracts directory `contractsRel`. Decided on paths alone, under a made-up root: the file may
 * exist only in a commit.
 */
function meshPathTest(contractsRel: string): (repoPath: string) => boolean {
  const fakeRoot = path.resolve('/mesh-repo');
  const dir = path.join(fakeRoot, contractsRel);
  return (p) => isMeshFile(dir, path.join(fakeRoot, p));
}

function contractTest(contractsRel: string): (repoPath: string) => boolean {
  const isMesh = meshPathTest(contractsRel);
  return (p) => CONTRACT.test(p) && isMesh(p);
}

function productTest(contractsRel: string): (repoPath: string) => boolean {
  const isMesh = meshPathTest(contractsRel);
  return (p) => PRODUCT.test(p) && isMesh(p);
}

// ---------------------------------------------------------------- full

async function diffRefsFull(root: string, options: RefsDiffOptions): Promise<RefsDiff> {
  const { contractsRel, base, headSha } = options;
  const temps: string[] = [];
  const cleanup = async () => {
    await Promise.all(temps.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
  };
  try {
    const prefixes = [contractsRel || '.', ...CODEOWNERS_LOCATIONS];
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
    const changed = await changedFiles(root, base.sha, headSha, [contractsRel || '.']).catch(() => [] as ChangedFile[]);
    const rel = (d: LoadedDocument) => path.relative(headDir, d.absPath).split(path.sep).join('/');
    const loadedHead = new Set(headMesh.mesh.contracts.map(rel));
    const loadedProducts = new Set(headMesh.mesh.products.map(rel));
    const result = await diffMeshes(baseMesh.mesh, headMesh.mesh, {
      waivers: options.waivers,
      today: options.today,
      check: options.check,
      renames: options.renames ?? renames(changed),
      unreadable: unreadableFiles(changed, loadedHead, headMesh.result.findings, contractTest(contractsRel)),
      unreadableProducts: unreadableFiles(changed, loadedProducts, headMesh.result.findings, productTest(contractsRel)),
    });
    const noContracts = headMesh.result.findings.some((f) => f.rule === MISSING_DIR) && baseMesh.result.findings.some((f) => f.rule === MISSING_DIR);
    const problems = changeProblems(headMesh.result.findings, baseMesh.result.findings, base.ref);
    return finish(result, options, problems, { noContracts, loadedFiles: baseMesh.result.files + headMesh.result.files, cleanup });
  } catch (error) {
    await cleanup();
    throw error;
  }
}

// ---------------------------------------------------------------- incremental

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Mesh files of one side (repository paths, sorted as the loader sorts them). */
async function meshFilesOf(root: string, sha: string | undefined, contractsRel: string): Promise<{ files: string[]; hasDir: boolean }> {
  if (sha) {
    const all = await listPaths(root, sha, [contractsRel || '.']);
    return { files: all.filter(meshPathTest(contractsRel)).sort(), hasDir: all.length > 0 };
  }
  const dir = path.join(root, contractsRel);
  const listed = await listMeshFiles(dir, { root, cwd: root });
  return { files: listed.files.map((abs) => path.relative(root, abs).split(path.sep).join('/')), hasDir: listed.findings.length === 0 };
}

/** Files that can reach one of `targets` through `$ref`s (transitively), searched on one side. */
async function refDependents(root: string, sha: string | undefined, targets: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>();
  const asked = new Set<string>();
  let names = [...new Set(targets.filter((t) => REF_TARGET.test(t)).map((t) => path.posix.basename(t)))];
  while (names.length > 0) {
    for (const n of names) asked.add(n);
    const hits = await grepFiles(root, { patterns: names, ...(sha ? { commit: sha } : {}), pathspecs: ['*.yaml', '*.yml', '*.json'] });
    // A file naming a target is a candidate; only those holding a `$ref` can depend on it.
    const withRef = new Set<string>();
    for (let i = 0; i < hits.length; i += 2000) {
      const chunk = hits.slice(i, i + 2000).map((h) => `:(literal)${h}`);
      for (const h of await grepFiles(root, { patterns: ['$ref'], ...(sha ? { commit: sha } : {}), pathspecs: chunk })) withRef.add(h);
    }
    const fresh = hits.filter((h) => withRef.has(h) && !found.has(h));
    for (const h of fresh) found.add(h);
    names = [...new Set(fresh.map((h) => path.posix.basename(h)))].filter((n) => !asked.has(n));
  }
  return found;
}

async function diffRefsIncremental(root: string, options: RefsDiffOptions): Promise<RefsDiff> {
  const { contractsRel, base, headSha } = options;
  const isContract = contractTest(contractsRel);
  const baseSide = await commitSide(root, base.sha);
  const headSide: SparseSide = headSha ? await commitSide(root, headSha) : workingTreeSide(root);
  const cleanup = async () => {
    await Promise.all([baseSide.cleanup(), headSide.cleanup()]);
  };
  try {
    // No catch here: the change list decides what is loaded, so a failed `git diff` must fail the run
    // (a GitError, exit 2) rather than pass with nothing compared.
    const [changedMesh, changedAll, baseList, headList] = await Promise.all([
      changedFiles(root, base.sha, headSha, [contractsRel || '.']),
      changedFiles(root, base.sha, headSha),
      meshFilesOf(root, base.sha, contractsRel),
      meshFilesOf(root, headSha, contractsRel),
    ]);
    const baseFiles = new Set(baseList.files);
    const headFiles = new Set(headList.files);

    // What the change touches: its files on both sides, and the files whose `$ref`s reach them.
    const touched = new Set(changedAll.flatMap((c) => (c.oldPath ? [c.oldPath, c.path] : [c.path])));
    const dependents = await refDependents(root, headSha, [...touched]);
    const involved = new Set([...touched, ...dependents]);
    const baseWanted = new Set([...involved].filter((p) => baseFiles.has(p)));
    const headWanted = new Set([...involved].filter((p) => headFiles.has(p)));

    // Every contract holding the id of an involved contract, so matching by id is the full run's.
    const [baseLoaded, headLoaded] = await Promise.all([baseSide.load([...baseWanted]), headSide.load([...headWanted])]);
    const ids = new Set<string>();
    for (const loaded of [...baseLoaded.values(), ...headLoaded.values()]) {
      const id = loaded.document?.data.id;
      if (loaded.document && CONTRACT.test(loaded.document.absPath) && typeof id === 'string' && id !== '') ids.add(id);
    }
    const contractsPathspec = [`${contractsRel ? `${contractsRel}/` : ''}*.odcs.yaml`, `${contractsRel ? `${contractsRel}/` : ''}*.odcs.yml`];
    if (ids.size > 0) {
      const pattern = `^id:[[:space:]]*["']?(${[...ids].map(escapeRegex).join('|')})["']?[[:space:]]*(#.*)?$`;
      const holders = await grepFiles(root, { patterns: [pattern], regex: true, ...(headSha ? { commit: headSha } : {}), pathspecs: contractsPathspec });
      for (const p of holders) {
        if (!isContract(p) || involved.has(p)) continue;
        if (baseFiles.has(p)) baseWanted.add(p);
        if (headFiles.has(p)) headWanted.add(p);
      }
    }

    // The head's policy files (mesh.yaml, domain.yaml: severity settings) and the products that can
    // name a changed contract (its id, or a `$ref` that could bring one in).
    for (const p of headList.files) if (!CONTRACT.test(p) && !PRODUCT.test(p)) headWanted.add(p);
    const productFiles = headList.files.filter((p) => PRODUCT.test(p) && !headWanted.has(p));
    const [baseDocs, headDocs] = await Promise.all([baseSide.load([...baseWanted]), headSide.load([...headWanted])]);
    // A changed product names the contracts of its output ports: the products reading or publishing
    // those are needed too (its consumers, and whether someone else still publishes them).
    const names = new Set<string>();
    for (const docs of [baseDocs, headDocs]) {
      for (const [p, loaded] of docs) {
        if (PRODUCT.test(p)) for (const id of publishedContracts(loaded.document?.data)) names.add(id);
        if (!isContract(p)) continue;
        const id = loaded.document?.data.id;
        names.add(typeof id === 'string' && id !== '' ? id : p);
      }
    }
    const candidates = await productCandidates(root, headSha, productFiles, [...names]);
    // Loaded on both sides: an unchanged candidate is identical there, so it is not taken for an added product.
    const [productDocs, baseProductDocs] = await Promise.all([headSide.load(candidates), baseSide.load(candidates.filter((p) => baseFiles.has(p) && !baseWanted.has(p)))]);

    const baseMesh = sparseMesh(baseSide.dir, contractsRel, new Map([...baseDocs, ...baseProductDocs]));
    const headMesh = sparseMesh(headSide.dir, contractsRel, new Map([...headDocs, ...productDocs]));
    headMesh.codeowners = await headSide.codeowners();

    // Identical contracts nobody loaded: on both sides at the same path, untouched.
    let unchangedElsewhere = 0;
    for (const p of headList.files) if (isContract(p) && baseFiles.has(p) && !baseWanted.has(p) && !headWanted.has(p)) unchangedElsewhere++;

    const headFindings = [...headDocs.values()].flatMap((l) => l.findings);
    const baseFindings = [...baseDocs.values()].flatMap((l) => l.findings);
    const loadedHeadContracts = new Set([...headDocs].filter(([p, l]) => l.document && isContract(p)).map(([p]) => p));
    const loadedHeadProducts = new Set([...headDocs].filter(([p, l]) => l.document && PRODUCT.test(p)).map(([p]) => p));
    const result = await diffMeshes(baseMesh, headMesh, {
      waivers: options.waivers,
      today: options.today,
      check: options.check,
      renames: options.renames ?? renames(changedMesh),
      unreadable: unreadableFiles(changedMesh, loadedHeadContracts, headFindings, isContract),
      unreadableProducts: unreadableFiles(changedMesh, loadedHeadProducts, headFindings, productTest(contractsRel)),
      unchangedElsewhere,
    });
    // Problems only of the files the change touches (loaded on both sides): the rest is identical.
    const inChange = (f: Finding) => involved.has(f.file);
    const problems = changeProblems(headFindings.filter(inChange), baseFindings.filter(inChange), base.ref);
    const noContracts = !baseList.hasDir && !headList.hasDir;
    return finish(result, options, problems, { noContracts, loadedFiles: baseDocs.size + headDocs.size + productDocs.size + baseProductDocs.size, cleanup });
  } catch (error) {
    await cleanup();
    throw error;
  }
}

/** Products of the head whose text names one of `names` or holds a `$ref`. */
async function productCandidates(root: string, sha: string | undefined, products: readonly string[], names: readonly string[]): Promise<string[]> {
  if (products.length === 0 || names.length === 0) return [];
  const spec = products.map((p) => `:(literal)${p}`);
  const out: string[] = [];
  // Pathspecs go on the command line: chunks keep it well below ARG_MAX.
  for (let i = 0; i < spec.length; i += 2000) {
    const chunk = spec.slice(i, i + 2000);
    out.push(...(await grepFiles(root, { patterns: [...names, '$ref'], ...(sha ? { commit: sha } : {}), pathspecs: chunk })));
  }
  return [...new Set(out)].sort();
}

/** A Mesh of the loaded documents of one side, in the loader's order. */
function sparseMesh(dir: string, contractsRel: string, loaded: ReadonlyMap<string, LoadOneResult>): Mesh {
  const mesh: Mesh = { root: dir, contractsDir: path.join(dir, contractsRel), domains: new Map(), contracts: [], products: [] };
  const entries = [...loaded].filter((e): e is [string, LoadOneResult & { document: LoadedDocument }] => e[1].document !== undefined);
  const byAbs = entries.map(([p, l]) => ({ abs: path.join(dir, p), doc: l.document })).sort((a, b) => (a.abs < b.abs ? -1 : a.abs > b.abs ? 1 : 0));
  for (const { abs, doc } of byAbs) if (isMeshFile(mesh.contractsDir, abs)) placeDocument(mesh, abs, doc);
  return mesh;
}
