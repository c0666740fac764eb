// `mesh site build` as a function: load the mesh, gather SLO status, lint findings and git history,
// build the site model, render every page and write the folder atomically (into a temporary folder
// next to the output, swapped in at the end: a failed build never leaves half a site behind).
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, promises as fs, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Finding } from '../finding.js';
import { exportJsonSchema } from '../export/jsonschema.js';
import type { OdcsContract } from '../import/odcs-shapes.js';
import { findRepoRoot, loadMesh } from '../load/load-mesh.js';
import type { Mesh } from '../model/mesh.js';
import { validateSloStatusReport, type SloStatusReport } from '../slo/status.js';
import type { Revision } from '../changelog.js';
import type { BreakingCheckContext } from '../git/contract-revisions.js';
import { gitRoot, readFileHistories } from '../git/file-history.js';
import { versionsOf, type HistoryEntry } from './changelog.js';
import type { VersionView } from './model.js';
import { loadRenderer, type AssetNames, type PageFrame, type PageKind, type Renderer } from './render.js';
import { buildSearchPayload, searchScript } from './search-index.js';
import { minisearchBrowserBuild, siteDir } from './site-dir.js';
import { buildSite, type Site } from './site-model.js';
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
  /** Lint the mesh for the governance page (the CLI passes lintMesh). */
  lint?: (mesh: Mesh) => Finding[];
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

/** Everything a build needs before rendering: the site model and the source texts. */
export interface PreparedSite {
  site: Site;
  mesh: Mesh;
  loadFindings: Finding[];
  sloStatusFile?: string;
}

export async function prepareSite(options: SiteBuildOptions): Promise<PreparedSite> {
  const contractsAbs = path.resolve(options.cwd, options.contractsDir);
  if (!existsSync(contractsAbs) || !statSync(contractsAbs).isDirectory()) throw new SiteBuildError(`the contracts folder ${options.contractsDir} does not exist`);
  const root = options.root ? path.resolve(options.cwd, options.root) : findRepoRoot(contractsAbs);
  const { mesh, result } = await loadMesh(contractsAbs, { root, cwd: options.cwd });

  const defaultSlo = path.join(options.cwd, 'slo-status.json');
  const sloStatusFile = options.sloStatusFile ? path.resolve(options.cwd, options.sloStatusFile) : existsSync(defaultSlo) ? defaultSlo : undefined;
  const sloStatus = sloStatusFile ? readSloStatus(sloStatusFile) : undefined;

  let versions: Map<string, VersionView[]> | undefined;
  if (options.git !== false) {
    const repo = await gitRoot(contractsAbs);
    const relTo = (abs: string) => (repo ? path.relative(repo, abs).split(path.sep).join('/') : abs);
    const history = repo ? await readFileHistories(repo, relTo(contractsAbs), mesh.contracts.map((c) => relTo(c.absPath))) : new Map<string, HistoryEntry[]>();
    versions = new Map();
    for (const doc of mesh.contracts) {
      const current: Revision = { path: relTo(doc.absPath), text: await fs.readFile(doc.absPath, 'utf8') };
      const check = options.isBreaking;
      const isBreaking = check && repo ? (previous: Revision, next: Revision) => check(previous, next, { mesh, contract: doc, root: repo }) : undefined;
      versions.set(doc.absPath, await versionsOf(history.get(current.path) ?? [], current, isBreaking));
    }
  }
  const site = buildSite({
    mesh,
    sloStatus,
    lintFindings: options.lint ? options.lint(mesh) : undefined,
    loadFindings: result.findings,
    versions,
    baseUrl: options.baseUrl,
    title: options.title ?? str(mesh.policy?.data.title),
    generatedAt: (options.now ?? new Date()).toISOString(),
  });
  return { site, mesh, loadFindings: result.findings, sloStatusFile };
}

/** Static assets (css, js, icon, minisearch) with fingerprinted names, plus the search index. */
export function siteAssets(site: Site, dir = siteDir()): { names: AssetNames; files: OutputFile[]; searchIndex: string } {
  const css = readFileSync(path.join(dir, 'assets', 'site.css'), 'utf8');
  const js = readFileSync(path.join(dir, 'assets', 'site.js'), 'utf8');
  const favicon = readFileSync(path.join(dir, 'assets', 'favicon.svg'), 'utf8');
  const minisearch = readFileSync(minisearchBrowserBuild(), 'utf8').replace(/\n\/\/# sourceMappingURL=.*\s*$/, '\n');
  const searchIndex = searchScript(buildSearchPayload(site.contracts.map((c) => c.summary)));
  const names: AssetNames = {
    css: hashed('site', 'css', css),
    js: hashed('site', 'js', js),
    favicon: hashed('favicon', 'svg', favicon),
    minisearch: hashed('minisearch', 'js', minisearch),
    searchIndex: hashed('search-index', 'js', searchIndex),
  };
  return {
    names,
    searchIndex,
    files: [
      { path: names.css, content: css },
      { path: names.js, content: js },
      { path: names.favicon, content: favicon },
      { path: names.minisearch, content: minisearch },
      { path: names.searchIndex, content: searchIndex },
    ],
  };
}

function frame(site: Site, assets: AssetNames, kind: PageKind, pagePath: string, pageTitle: string, description?: string): PageFrame {
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
 * Renders pages, with an optional cache so that `mesh site serve` re-renders only what changed:
 * a page's key covers its own source and everything shared between pages.
 */
export class PageRenderer {
  private cache = new Map<string, { key: string; content: string }>();
  constructor(private readonly renderer: Renderer) {}

  render(key: string | undefined, pagePath: string, make: () => string): string {
    if (key !== undefined) {
      const hit = this.cache.get(pagePath);
      if (hit && hit.key === key) return hit.content;
    }
    const content = make();
    if (key !== undefined) this.cache.set(pagePath, { key, content });
    return content;
  }

  get templates(): Renderer {
    return this.renderer;
  }
}

/** What every page depends on besides its own contract: when it changes, every page re-renders. */
function sharedKey(prepared: PreparedSite, assets: AssetNames): string {
  const { mesh, site } = prepared;
  return fingerprint(
    JSON.stringify([
      mesh.policy?.hash,
      mesh.codeowners?.text,
      mesh.products.map((p) => p.hash),
      [...mesh.domains.values()].map((d) => d.hash),
      site.contracts.map((c) => [c.summary.id, c.summary.name, c.summary.slug, c.summary.domain]),
      site.contracts.map((c) => c.context.sloResults ?? null),
      assets,
      site.baseUrl,
      site.title,
      site.generatedAt.slice(0, 10),
    ]),
  );
}

/** Every file of the site, lazily: pages are rendered one at a time as the writer asks for them. */
export async function* siteFiles(prepared: PreparedSite, pages: PageRenderer, assetsDir?: string): AsyncGenerator<OutputFile> {
  const { site } = prepared;
  const assets = siteAssets(site, assetsDir);
  const names = assets.names;
  const shared = sharedKey(prepared, names);
  const t = pages.templates;
  yield* assets.files;
  yield { path: '.nojekyll', content: '' };
  yield { path: '.mesh-site', content: 'Built by `mesh site build`. This folder is replaced as a whole on every build.\n' };

  yield { path: PAGES.home, content: t.render(frame(site, names, 'home', PAGES.home, 'Catalog', `Search ${site.home.total} data contracts`), site.home) };
  yield { path: PAGES.governance, content: t.render(frame(site, names, 'governance', PAGES.governance, 'Governance'), site.governance) };
  yield { path: PAGES.lineage, content: t.render(frame(site, names, 'lineage', PAGES.lineage, 'Lineage'), site.lineage) };
  for (const domain of site.domains) {
    yield { path: domain.path, content: t.render(frame(site, names, 'domain', domain.path, domain.title, `The ${domain.title} domain`), domain) };
  }
  for (const entry of site.contracts) {
    const { summary } = entry;
    const key = `${shared}:${entry.doc.hash}:${fingerprint(JSON.stringify([entry.context.versions ?? null, entry.context.findings, entry.context.owners]))}`;
    const content = pages.render(key, summary.href, () => t.render(frame(site, names, 'contract', summary.href, summary.name, summary.summary || undefined), entry.page()));
    yield { path: summary.href, content };
    yield { path: PAGES.odcsDownload(summary.slug), content: await fs.readFile(entry.doc.absPath) };
    for (const object of records(entry.doc.data.schema)) {
      const name = str(object.name);
      if (!name) continue;
      // The same JSON Schema as `mesh export jsonschema --object <name>`.
      yield { path: PAGES.jsonSchemaDownload(summary.slug, name), content: exportJsonSchema(entry.doc.data as unknown as OdcsContract, { object: name }) };
    }
  }
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

/** Builds the site into `outDir` atomically and returns what it wrote. */
export async function buildSiteToDir(options: SiteBuildOptions, pages?: PageRenderer): Promise<SiteBuildResult> {
  const out = path.resolve(options.cwd, options.outDir);
  checkOutDir(options.outDir, path.resolve(options.cwd, options.contractsDir), options.cwd);
  const prepared = await prepareSite(options);
  const renderer = pages ?? new PageRenderer(loadRenderer(siteDir()));
  const suffix = `${process.pid}-${randomBytes(4).toString('hex')}`;
  const tmp = path.join(path.dirname(out), `.${path.basename(out)}.tmp-${suffix}`);
  let searchIndex = '';
  let htmlPages = 0;
  let stats: WriteStats;
  try {
    stats = await writeAll(tmp, siteFiles(prepared, renderer), (file) => {
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
    contracts: prepared.site.contracts.length,
    loadFindings: prepared.loadFindings,
    sloStatusFile: prepared.sloStatusFile,
  };
}
