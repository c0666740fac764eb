// `mesh site build` as a function: load the mesh, gather SLO status, lint findings and git history,
// build the site model, render every page and write the folder atomically (into a temporary folder
// next to the output, swapped in at the end: a failed build never leaves half a site behind).
// Memory stays bounded at any mesh size: the mesh holds contract summaries (no schema), pages are
// rendered from one whole contract at a time and written as they come (see siteFiles).
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, lstatSync, promises as fs, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { compareFindings, type Finding } from '../finding.js';
import { exportJsonSchema } from '../export/jsonschema.js';
import type { OdcsContract } from '../import/odcs-shapes.js';
import { lintMesh } from '../lint.js';
import { loadCheckedMesh } from '../load/checked-mesh.js';
import { checkContracts, contractSummary, MESH_RULE_IDS, type PolicyDocs } from '../load/contract-checks.js';
import { loadFile } from '../load/load-files.js';
import { findRepoRoot } from '../load/load-mesh.js';
import { kindFromName } from '../load/kind.js';
import { isListedMeshFile } from '../load/mesh-files.js';
import { displayPath } from '../load/paths.js';
import type { LoadedDocument } from '../model/document.js';
import type { Mesh } from '../model/mesh.js';
import { validateSloStatusReport, type SloStatusReport } from '../slo/status.js';
import type { Revision } from '../changelog.js';
import type { BreakingCheckContext } from '../git/contract-revisions.js';
import { gitRoot, readFileHistories } from '../git/file-history.js';
import { versionsOf, type HistoryEntry } from './changelog.js';
import { contractPage } from './contract-page.js';
import { layoutGraph, type GraphInput } from './lineage.js';
import type { ContractSummary, LineageGraph, VersionView } from './model.js';
import { loadRenderer, type AssetNames, type PageFrame, type PageKind, type Renderer } from './render.js';
import { buildSearchPayload, patchSearchPayload, searchInput, searchScript, type SearchPayload } from './search-index.js';
import { minisearchBrowserBuild, siteDir } from './site-dir.js';
import { siteBase, type ContractSlot, type Site, type SiteBase } from './site-model.js';
import { canonicalUrl, PAGES, rootPrefix } from './urls.js';
import { records, str } from './values.js';

export class SiteBuildError extends Error {
  override name = 'SiteBuildError';
}

export interface SiteBuildOptions {
  /** contracts/ folder, relative to cwd or absolute. */
  contractsDir: string;
  outDir: string;
  cwd: string;
  /** Repository root; default: the nearest ancestor of the contracts folder with a .git. */
  root?: string;
  baseUrl?: string;
  /** slo-status.json to show SLO badges from; default: ./slo-status.json when it exists. */
  sloStatusFile?: string;
  title?: string;
  now?: Date;
  /**
   * Lint the mesh for the governance page and the contract pages (every rule; the per-contract
   * checks run where each contract is loaded, on worker threads for large meshes).
   */
  lint?: boolean;
  /**
   * Breaking-change check between two revisions of a contract, for the versions list (the CLI passes
   * `breakingCheck` of src/git/contract-revisions.ts); without it the column reads "Not checked".
   */
  isBreaking?: (previous: Revision, next: Revision, context: BreakingCheckContext) => boolean | undefined | Promise<boolean | undefined>;
  /** Read versions from git history (default true). */
  git?: boolean;
}

export interface SiteBuildResult {
  outDir: string;
  pages: number;
  files: number;
  bytes: number;
  searchIndexBytes: number;
  searchIndexGzipBytes: number;
  contracts: number;
  /** Files that did not load (also listed on the governance page). */
  loadFindings: Finding[];
  sloStatusFile?: string;
}

export interface OutputFile {
  path: string;
  content: string | Buffer;
}

function fingerprint(content: string | Buffer): string {
  return createHash('sha256').update(content).digest('hex').slice(0, 10);
}

function hashed(name: string, ext: string, content: string | Buffer): string {
  return `assets/${name}.${fingerprint(content)}.${ext}`;
}

export function readSloStatus(file: string): SloStatusReport {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new SiteBuildError(`cannot read the SLO status file ${file}: ${(error as Error).message}`);
  }
  const errors = validateSloStatusReport(data);
  if (errors.length > 0) throw new SiteBuildError(`${file} is not an SLO status report (from \`mesh slo evaluate\`): ${errors[0]}`);
  return data as SloStatusReport;
}

/**
 * What a build reads before rendering: the mesh with its contracts as summaries (no `schema`: a
 * whole 10,000-contract mesh would not fit the memory budget), the findings, SLO status and git
 * history. `mesh site serve` keeps one and updates it file by file (see refreshMeshDocument).
 */
export interface SiteSources {
  mesh: Mesh;
  loadFindings: Finding[];
  /** Per-contract check findings (ODCS schema + contract-scope rules); undefined without lint. */
  checks?: Finding[];
  sloStatus?: SloStatusReport;
  sloStatusFile?: string;
  /** Versions per contract file (absolute path); undefined with git off. */
  versions?: Map<string, VersionView[]>;
  /** Git history of the contract files (repository-relative paths), read once per full load. */
  history?: { repo: string; files: Map<string, HistoryEntry[]> };
}

function resolvedRoot(options: SiteBuildOptions): { contractsAbs: string; root: string } {
  const contractsAbs = path.resolve(options.cwd, options.contractsDir);
  if (!existsSync(contractsAbs) || !statSync(contractsAbs).isDirectory()) throw new SiteBuildError(`the contracts folder ${options.contractsDir} does not exist`);
  return { contractsAbs, root: options.root ? path.resolve(options.cwd, options.root) : findRepoRoot(contractsAbs) };
}

/** Loads the mesh (contracts checked and summarised on worker threads for large meshes), SLO status and git history. */
export async function readSources(options: SiteBuildOptions): Promise<SiteSources> {
  const { contractsAbs, root } = resolvedRoot(options);
  const { mesh, result, checks } = await loadCheckedMesh(contractsAbs, { root, cwd: options.cwd });

  const defaultSlo = path.join(options.cwd, 'slo-status.json');
  const sloStatusFile = options.sloStatusFile ? path.resolve(options.cwd, options.sloStatusFile) : existsSync(defaultSlo) ? defaultSlo : undefined;
  const sloStatus = sloStatusFile ? readSloStatus(sloStatusFile) : undefined;

  const sources: SiteSources = { mesh, loadFindings: result.findings, checks: options.lint ? checks : undefined, sloStatus, sloStatusFile };
  if (options.git !== false) {
    const repo = await gitRoot(contractsAbs);
    const files = repo ? await readFileHistories(repo, relativeTo(repo, contractsAbs), mesh.contracts.map((c) => relativeTo(repo, c.absPath))) : new Map<string, HistoryEntry[]>();
    sources.history = { repo: repo ?? '', files };
    sources.versions = new Map();
    for (const doc of mesh.contracts) sources.versions.set(doc.absPath, await versionsFor(options, sources, doc));
  }
  return sources;
}

function relativeTo(repo: string, abs: string): string {
  return repo ? path.relative(repo, abs).split(path.sep).join('/') : abs;
}

async function versionsFor(options: SiteBuildOptions, sources: SiteSources, doc: LoadedDocument): Promise<VersionView[]> {
  const repo = sources.history?.repo ?? '';
  const current: Revision = { path: relativeTo(repo, doc.absPath), text: await fs.readFile(doc.absPath, 'utf8') };
  const check = options.isBreaking;
  const mesh = sources.mesh;
  const isBreaking = check && repo ? (previous: Revision, next: Revision) => check(previous, next, { mesh, contract: doc, root: repo }) : undefined;
  return versionsOf(sources.history?.files.get(current.path) ?? [], current, isBreaking);
}

/**
 * Brings the sources up to date after one contract or data product file was edited, added or
 * removed, without reloading the rest of the mesh: the mesh ends up as a full load would leave it
 * (documents in the listing's order). Returns false when the change needs a full reload instead: the
 * file no longer loads, or a contract's checks report into other files. Data products have no
 * per-file checks: the lineage rules that read them are mesh-wide and run on every rebuild.
 */
export async function refreshMeshDocument(options: SiteBuildOptions, sources: SiteSources, absPath: string): Promise<boolean> {
  const { mesh } = sources;
  const kind = kindFromName(absPath, mesh.root);
  if (kind !== 'contract' && kind !== 'product') return false;
  const list = kind === 'contract' ? mesh.contracts : mesh.products;
  const index = list.findIndex((d) => d.absPath === absPath);
  // lstat: a dangling link is still listed (and reported unreadable by a full load).
  if (!lstatSync(absPath, { throwIfNoEntry: false }) || !isListedMeshFile(mesh.contractsDir, absPath)) {
    // Also what a file that did not load left behind (its load findings).
    forgetFile(sources, displayPath(absPath, options.cwd));
    if (index >= 0) {
      sources.versions?.delete(absPath);
      list.splice(index, 1);
    }
    return true;
  }
  const { document, findings } = await loadFile(absPath, { root: mesh.root, cwd: options.cwd });
  if (!document || (index >= 0 && document.file !== list[index].file)) return false;
  let checks: Finding[] | undefined;
  if (sources.checks && kind === 'contract') {
    const policy: PolicyDocs = { root: mesh.root, contractsDir: mesh.contractsDir, domains: mesh.domains, ...(mesh.policy ? { policy: mesh.policy } : {}) };
    checks = checkContracts(policy, [document], options.cwd).get(absPath) ?? [];
    if (checks.some((f) => f.file !== document.file)) return false;
    const contractFiles = new Set(mesh.contracts.map((d) => d.file));
    if (sources.checks.some((f) => !contractFiles.has(f.file))) return false;
  }
  if (findings.some((f) => f.file !== document.file)) return false;
  forgetFile(sources, document.file);
  sources.loadFindings = [...sources.loadFindings, ...findings].sort(compareFindings);
  if (sources.checks && checks) sources.checks = [...sources.checks, ...checks].sort(compareFindings);
  // The mesh holds contracts as summaries (a page reads its contract whole), data products whole.
  const held = kind === 'contract' ? { ...document, data: contractSummary(document.data) } : document;
  if (index >= 0) list[index] = held;
  else {
    // Where the sorted listing puts it (a full load keeps that order, and the site shows it).
    const at = list.findIndex((d) => d.absPath > absPath);
    list.splice(at < 0 ? list.length : at, 0, held);
  }
  if (sources.versions && kind === 'contract') sources.versions.set(absPath, await versionsFor(options, sources, document));
  return true;
}

/** Drops the load findings and checks of one file. */
function forgetFile(sources: SiteSources, file: string): void {
  sources.loadFindings = sources.loadFindings.filter((f) => f.file !== file);
  if (sources.checks) sources.checks = sources.checks.filter((f) => f.file !== file);
}

/** Everything a build needs before rendering: the site without its contract pages, and how to read a whole contract. */
export interface PreparedSite {
  base: SiteBase;
  mesh: Mesh;
  loadFindings: Finding[];
  sloStatusFile?: string;
  /** The whole document of a contract of the mesh (the mesh holds summaries). */
  loadContract(doc: LoadedDocument): Promise<LoadedDocument>;
}

export function prepareFromSources(options: SiteBuildOptions, sources: SiteSources, memo?: SiteMemo): PreparedSite {
  const { mesh } = sources;
  const lintFindings = sources.checks ? [...sources.checks, ...lintMesh(mesh, { rules: MESH_RULE_IDS, cwd: options.cwd })].sort(compareFindings) : undefined;
  const base = siteBase({
    mesh,
    sloStatus: sources.sloStatus,
    lintFindings,
    loadFindings: sources.loadFindings,
    versions: sources.versions,
    baseUrl: options.baseUrl,
    title: options.title ?? str(mesh.policy?.data.title),
    generatedAt: (options.now ?? new Date()).toISOString(),
    ...(memo ? { layout: memo.layout } : {}),
  });
  return {
    base,
    mesh,
    loadFindings: sources.loadFindings,
    sloStatusFile: sources.sloStatusFile,
    async loadContract(doc) {
      const { document } = await loadFile(doc.absPath, { root: mesh.root, cwd: options.cwd });
      if (!document || document.hash !== doc.hash) throw new SiteBuildError(`${doc.file} changed while the site was being built; build again`);
      return document;
    },
  };
}

export async function prepareSite(options: SiteBuildOptions): Promise<PreparedSite> {
  return prepareFromSources(options, await readSources(options));
}

interface StaticAssets {
  names: Omit<AssetNames, 'searchIndex'>;
  files: OutputFile[];
}

/** Static assets (css, js, icon, minisearch) with fingerprinted names. */
export function staticAssets(dir = siteDir()): StaticAssets {
  const css = readFileSync(path.join(dir, 'assets', 'site.css'), 'utf8');
  const js = readFileSync(path.join(dir, 'assets', 'site.js'), 'utf8');
  const favicon = readFileSync(path.join(dir, 'assets', 'favicon.svg'), 'utf8');
  const minisearch = readFileSync(minisearchBrowserBuild(), 'utf8').replace(/\n\/\/# sourceMappingURL=.*\s*$/, '\n');
  const names = { css: hashed('site', 'css', css), js: hashed('site', 'js', js), favicon: hashed('favicon', 'svg', favicon), minisearch: hashed('minisearch', 'js', minisearch) };
  return {
    names,
    files: [
      { path: names.css, content: css },
      { path: names.js, content: js },
      { path: names.favicon, content: favicon },
      { path: names.minisearch, content: minisearch },
    ],
  };
}

function frame(site: Pick<Site, 'title' | 'baseUrl' | 'generatedAt'>, assets: AssetNames, kind: PageKind, pagePath: string, pageTitle: string, description?: string): PageFrame {
  return {
    kind,
    path: pagePath,
    root: rootPrefix(pagePath),
    pageTitle,
    description,
    canonical: canonicalUrl(site.baseUrl, pagePath),
    site: { title: site.title },
    assets,
    generatedDate: site.generatedAt.slice(0, 10),
  };
}

/**
 * What `mesh site serve` remembers between rebuilds so that it re-renders only pages whose inputs
 * changed: per contract the key of its page's inputs, its card and its files; per aggregate page
 * the key of its view model; the search index and its key.
 */
export class SiteMemo {
  /** By contract file: the key of its page's inputs, its card, what the search index takes of it, its files. */
  contracts = new Map<string, { key: string; summary: ContractSummary; searchInput: string; files: string[] }>();
  pages = new Map<string, string>();
  search?: { inputs: string[]; summaries: ContractSummary[]; payload: SearchPayload; file: OutputFile };
  /** Pages rendered by the last build (tests and the serve log). */
  rendered = 0;
  /** Lineage page layouts by their input (dagre takes ~0.5 s for the domain graph of a 10,000-contract mesh). */
  private layouts = new Map<string, LineageGraph>();

  /** layoutGraph, remembered for the graphs of the last build. */
  readonly layout = (graph: GraphInput): LineageGraph => {
    const key = JSON.stringify(graph);
    let laid = this.layouts.get(key);
    if (!laid) {
      laid = layoutGraph(graph);
      if (this.layouts.size >= 4) this.layouts.delete(this.layouts.keys().next().value as string);
      this.layouts.set(key, laid);
    }
    return laid;
  };

  clear(): void {
    this.contracts.clear();
    this.pages.clear();
    this.search = undefined;
  }

  /** Every file of the last build that came from a rendered page (siteFiles yields only what it renders again). */
  files(): Set<string> {
    const out = new Set<string>(this.pages.keys());
    for (const { files } of this.contracts.values()) for (const file of files) out.add(file);
    if (this.search) out.add(this.search.file.path);
    return out;
  }
}

/** Most cards a rebuild patches into the search index; more are quicker to index afresh. */
const PATCH_LIMIT = 200;

/**
 * The inputs of a contract page besides its file: its context, the frame, and its lineage
 * neighbourhood (products next to it and the names and links of the contracts on their far side).
 */
function contractKey(shared: string, slot: ContractSlot): string {
  const { doc, context } = slot;
  const id = str(doc.data.id) ?? context.slug;
  const products = [...(context.lineage.producedBy.get(id) ?? []), ...(context.lineage.consumedBy.get(id) ?? [])];
  const neighbours = products.map((p) => [p.key, p.name, p.domain, p.inputs.map((i) => [i, context.linkTo(i) ?? null]), p.outputs.map((o) => [o, context.linkTo(o) ?? null])]);
  const { lineage: _lineage, linkTo: _linkTo, ...rest } = context;
  return fingerprint(JSON.stringify([shared, doc.hash, rest, neighbours]));
}

/**
 * Every file of the site, as a stream: contract pages first, one whole contract in memory at a time
 * (its card is kept), then the pages made from the cards (home, domains, governance, lineage) and
 * the search index. With a memo, pages whose inputs did not change are neither rendered nor
 * yielded: the site's files are then those yielded plus memo.files().
 */
export async function* siteFiles(prepared: PreparedSite, renderer: Renderer, memo?: SiteMemo, assetsDir?: string): AsyncGenerator<OutputFile> {
  const { base } = prepared;
  const assets = staticAssets(assetsDir);
  // Only the home page loads the search index, so pages rendered before it is built never name it.
  const pageAssets: AssetNames = { ...assets.names, searchIndex: '' };
  const shared = fingerprint(JSON.stringify([assets.names, base.baseUrl, base.title, base.generatedAt.slice(0, 10)]));
  let rendered = 0;
  yield* assets.files;
  yield { path: '.nojekyll', content: '' };
  yield { path: '.mesh-site', content: 'Built by `mesh site build`. This folder is replaced as a whole on every build.\n' };

  const summaries: ContractSummary[] = [];
  const searchInputs: string[] = [];
  const seen = new Set<string>();
  for (const slot of base.contracts) {
    const key = memo ? contractKey(shared, slot) : '';
    const previous = memo?.contracts.get(slot.doc.absPath);
    seen.add(slot.doc.absPath);
    if (previous && previous.key === key) {
      summaries.push(previous.summary);
      searchInputs.push(previous.searchInput);
      continue;
    }
    const doc = await prepared.loadContract(slot.doc);
    const page = contractPage(doc, slot.context);
    const { summary } = page;
    summaries.push(summary);
    const files: string[] = [];
    rendered++;
    files.push(summary.href);
    yield { path: summary.href, content: renderer.render(frame(base, pageAssets, 'contract', summary.href, summary.name, summary.summary || undefined), page) };
    files.push(PAGES.odcsDownload(summary.slug));
    yield { path: PAGES.odcsDownload(summary.slug), content: await fs.readFile(doc.absPath) };
    for (const object of records(doc.data.schema)) {
      const name = str(object.name);
      if (!name) continue;
      // The same JSON Schema as `mesh export jsonschema --object <name>`.
      files.push(PAGES.jsonSchemaDownload(summary.slug, name));
      yield { path: PAGES.jsonSchemaDownload(summary.slug, name), content: exportJsonSchema(doc.data as unknown as OdcsContract, { object: name }) };
    }
    if (memo) {
      const input = searchInput(summary);
      searchInputs.push(input);
      memo.contracts.set(slot.doc.absPath, { key, summary, searchInput: input, files });
    }
  }
  if (memo) for (const absPath of [...memo.contracts.keys()]) if (!seen.has(absPath)) memo.contracts.delete(absPath);

  // The search index: kept when what it takes of the cards did not change, patched when a few
  // cards changed (same bytes as a fresh build, see patchSearchPayload), else built afresh.
  const known = memo?.search;
  let search: OutputFile | undefined;
  if (known && known.inputs.length === searchInputs.length) {
    const changes: { position: number; before: ContractSummary; after: ContractSummary }[] = [];
    searchInputs.forEach((input, position) => {
      if (input !== known.inputs[position]) changes.push({ position, before: known.summaries[position], after: summaries[position] });
    });
    if (changes.length === 0) search = known.file;
    else if (changes.length <= PATCH_LIMIT && patchSearchPayload(known.payload, changes)) {
      const content = searchScript(known.payload);
      search = { path: hashed('search-index', 'js', content), content };
      Object.assign(known, { inputs: searchInputs, summaries, file: search });
      yield search;
    }
  }
  if (!search) {
    const payload = buildSearchPayload(summaries);
    const content = searchScript(payload);
    search = { path: hashed('search-index', 'js', content), content };
    if (memo) memo.search = { inputs: searchInputs, summaries, payload, file: search };
    yield search;
  }
  const names: AssetNames = { ...assets.names, searchIndex: search.path };

  const rest = base.finish(summaries);
  const pages: { path: string; frame: () => PageFrame; model: object }[] = [
    { path: PAGES.home, frame: () => frame(base, names, 'home', PAGES.home, 'Catalog', `Search ${rest.home.total} data contracts`), model: rest.home },
    { path: PAGES.governance, frame: () => frame(base, pageAssets, 'governance', PAGES.governance, 'Governance'), model: rest.governance },
    { path: PAGES.lineage, frame: () => frame(base, pageAssets, 'lineage', PAGES.lineage, 'Lineage'), model: rest.lineage },
    ...rest.domains.map((domain) => ({ path: domain.path, frame: () => frame(base, pageAssets, 'domain', domain.path, domain.title, `The ${domain.title} domain`), model: domain })),
  ];
  if (memo) {
    const current = new Set(pages.map((p) => p.path));
    for (const known of [...memo.pages.keys()]) if (!current.has(known)) memo.pages.delete(known);
  }
  for (const page of pages) {
    const made = page.frame();
    const key = memo ? fingerprint(JSON.stringify([made, page.model])) : '';
    if (memo && memo.pages.get(page.path) === key) continue;
    rendered++;
    yield { path: page.path, content: renderer.render(made, page.model) };
    memo?.pages.set(page.path, key);
  }
  if (memo) memo.rendered = rendered;
}

/** Refuses output folders whose replacement would destroy something that is not a built site. */
export function checkOutDir(outDir: string, contractsDir: string, cwd: string): void {
  const out = path.resolve(cwd, outDir);
  const inside = (a: string, b: string) => a === b || a.startsWith(b + path.sep);
  if (inside(path.resolve(contractsDir), out) || inside(path.resolve(cwd), out)) {
    throw new SiteBuildError(`refusing to write the site to ${outDir}: it contains the contracts or the working directory; pick a folder of its own such as _site`);
  }
  if (existsSync(out)) {
    if (!statSync(out).isDirectory()) throw new SiteBuildError(`${outDir} exists and is not a folder`);
    const entries = readdirSync(out);
    if (entries.length > 0 && !entries.includes('.mesh-site')) {
      throw new SiteBuildError(`refusing to replace ${outDir}: it is not empty and was not built by mesh site build (no .mesh-site marker); remove it or pick another --out`);
    }
  }
}

interface WriteStats {
  files: number;
  bytes: number;
}

async function writeAll(dir: string, files: AsyncIterable<OutputFile>, onFile?: (file: OutputFile) => void): Promise<WriteStats> {
  const made = new Set<string>();
  const pending: Promise<void>[] = [];
  let count = 0;
  let bytes = 0;
  for await (const file of files) {
    onFile?.(file);
    const target = path.join(dir, ...file.path.split('/'));
    const parent = path.dirname(target);
    if (!made.has(parent)) {
      await fs.mkdir(parent, { recursive: true });
      made.add(parent);
    }
    count++;
    bytes += typeof file.content === 'string' ? Buffer.byteLength(file.content) : file.content.length;
    pending.push(fs.writeFile(target, file.content));
    if (pending.length >= 64) await Promise.all(pending.splice(0));
  }
  await Promise.all(pending);
  return { files: count, bytes };
}

/** Builds the site into `outDir` atomically and returns what it wrote (`renderer`: templates loaded already, for `serve`). */
export async function buildSiteToDir(
  options: SiteBuildOptions,
  prepare: () => Promise<PreparedSite> = () => prepareSite(options),
  memo?: SiteMemo,
  renderer: Renderer = loadRenderer(siteDir()),
): Promise<SiteBuildResult> {
  const out = path.resolve(options.cwd, options.outDir);
  checkOutDir(options.outDir, path.resolve(options.cwd, options.contractsDir), options.cwd);
  const prepared = await prepare();
  const suffix = `${process.pid}-${randomBytes(4).toString('hex')}`;
  const tmp = path.join(path.dirname(out), `.${path.basename(out)}.tmp-${suffix}`);
  let searchIndex = '';
  let htmlPages = 0;
  let stats: WriteStats;
  try {
    stats = await writeAll(tmp, siteFiles(prepared, renderer, memo), (file) => {
      if (file.path.startsWith('assets/search-index.')) searchIndex = String(file.content);
      if (file.path.endsWith('.html')) htmlPages++;
    });
    const old = path.join(path.dirname(out), `.${path.basename(out)}.old-${suffix}`);
    const hadOld = existsSync(out);
    if (hadOld) await fs.rename(out, old);
    await fs.rename(tmp, out);
    if (hadOld) await fs.rm(old, { recursive: true, force: true });
  } catch (error) {
    await fs.rm(tmp, { recursive: true, force: true });
    throw error;
  }
  return {
    outDir: out,
    pages: htmlPages,
    files: stats.files,
    bytes: stats.bytes,
    searchIndexBytes: Buffer.byteLength(searchIndex),
    searchIndexGzipBytes: gzipSync(searchIndex).length,
    contracts: prepared.base.contracts.length,
    loadFindings: prepared.loadFindings,
    sloStatusFile: prepared.sloStatusFile,
  };
}
