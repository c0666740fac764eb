// `mesh site serve`: build the site, serve it on localhost with node:http, and rebuild when a
// contract (or CODEOWNERS, or the SLO status file) changes. Rebuilds are debounced and incremental:
// when only contract or data product files were edited, added or removed, only those are loaded and checked again (the rest
// of the mesh stays as it was), and only pages whose inputs changed are rendered (SiteMemo); files
// whose content did not change are not rewritten. Any other change reloads the whole mesh.
// Open pages reload themselves through a small server-sent-events script injected at serve time.
import { createHash } from 'node:crypto';
import { existsSync, promises as fs, statSync, watch, type FSWatcher } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { buildSiteToDir, prepareFromSources, readSources, refreshMeshDocument, SiteMemo, siteFiles, type SiteBuildOptions, type SiteBuildResult, type SiteSources } from './build-site.js';
import type { Renderer } from './render.js';
import { loadRenderer } from './render.js';
import { siteDir } from './site-dir.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.yaml': 'text/yaml; charset=utf-8',
  '.yml': 'text/yaml; charset=utf-8',
};

/** Contracts and data products: files a rebuild can reload on their own. */
const MESH_DOCUMENT = /\.od[cp]s\.ya?ml$/;

const RELOAD_SCRIPT = '<script>(function(){if(!window.EventSource)return;var s=new EventSource("/__mesh/events");s.onmessage=function(){location.reload()};})();</script>';

export interface ServeOptions extends SiteBuildOptions {
  port: number;
  host?: string;
  /** Wait this long after the last change before rebuilding (ms). */
  debounceMs?: number;
  log?(line: string): void;
}

export interface SiteServer {
  url: string;
  /** Resolves after the next rebuild finishes (tests use it). */
  nextRebuild(): Promise<RebuildResult>;
  close(): Promise<void>;
}

export interface RebuildResult {
  written: number;
  removed: number;
  /** Pages rendered (contract pages, home, domains, governance, lineage). */
  rendered: number;
  /** incremental: only changed contract and data product files were reloaded; full: the whole mesh was. */
  mode: 'incremental' | 'full';
  /** Wall time of the rebuild, from reload to the last file written. */
  ms: number;
  /** CPU time of the process during the rebuild (all threads). */
  cpuMs: number;
  error?: string;
}

function digest(content: string | Buffer): string {
  return createHash('sha1').update(content).digest('hex');
}

async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await listFiles(path.join(dir, entry.name), rel)));
    else out.push(rel);
  }
  return out;
}

/** What the server keeps between rebuilds. */
interface ServeState {
  sources: SiteSources;
  memo: SiteMemo;
  renderer: Renderer;
  /** sha1 of every file in the output folder. */
  hashes: Map<string, string>;
}

/**
 * Brings the sources up to date: contract and data product files edited, added or removed are handled one by one; anything
 * else (or a contract that no longer loads) reloads the whole mesh and forgets every rendered page.
 */
async function refresh(options: SiteBuildOptions, state: ServeState, changed: ReadonlySet<string> | 'all'): Promise<'incremental' | 'full'> {
  if (changed !== 'all') {
    let ok = true;
    for (const file of changed) {
      ok = await refreshMeshDocument(options, state.sources, file);
      if (!ok) break;
    }
    if (ok) return 'incremental';
  }
  state.sources = await readSources(options);
  // Contracts' $ref fragments, policy files or products may have changed: render every page again.
  state.memo.clear();
  return 'full';
}

/** Rewrites only the files whose content changed (each write is atomic: temp file + rename). */
async function updateInPlace(options: SiteBuildOptions, state: ServeState, outDir: string, changed: ReadonlySet<string> | 'all'): Promise<RebuildResult> {
  const started = Date.now();
  const cpu = process.cpuUsage();
  const mode = await refresh(options, state, changed);
  const prepared = prepareFromSources(options, state.sources, state.memo);
  const { hashes } = state;
  const seen = new Set<string>();
  let written = 0;
  for await (const file of siteFiles(prepared, state.renderer, state.memo)) {
    seen.add(file.path);
    const hash = digest(file.content);
    if (hashes.get(file.path) === hash) continue;
    const target = path.join(outDir, ...file.path.split('/'));
    await fs.mkdir(path.dirname(target), { recursive: true });
    const tmp = `${target}.tmp-${process.pid}`;
    await fs.writeFile(tmp, file.content);
    await fs.rename(tmp, target);
    hashes.set(file.path, hash);
    written++;
  }
  // Pages not rendered again stand as they are.
  for (const file of state.memo.files()) seen.add(file);
  let removed = 0;
  for (const file of [...hashes.keys()]) {
    if (seen.has(file)) continue;
    await fs.rm(path.join(outDir, ...file.split('/')), { force: true });
    hashes.delete(file);
    removed++;
  }
  const used = process.cpuUsage(cpu);
  return { written, removed, rendered: state.memo.rendered, mode, ms: Date.now() - started, cpuMs: Math.round((used.user + used.system) / 1000) };
}

/** Editor droppings (swap, backup and temporary files) that never change the site. */
function ignorable(name: string): boolean {
  const base = path.basename(name);
  return base.startsWith('.') || base.endsWith('~') || /\.(swp|swx|swo|tmp|bak)$/i.test(base) || /\.tmp-\d+/.test(base) || base === '4913';
}

export async function serveSite(options: ServeOptions): Promise<{ server: SiteServer; build: SiteBuildResult }> {
  const log = options.log ?? (() => {});
  const renderer = loadRenderer(siteDir());
  // The first build goes through a full build (atomic swap); the memo it fills makes later rebuilds incremental.
  const memo = new SiteMemo();
  let sources: SiteSources | undefined;
  const build = await buildSiteToDir(options, async () => {
    sources = await readSources(options);
    return prepareFromSources(options, sources, memo);
  }, memo, renderer);
  const outDir = build.outDir;
  const hashes = new Map<string, string>();
  for (const file of await listFiles(outDir)) hashes.set(file, digest(await fs.readFile(path.join(outDir, ...file.split('/')))));
  const state: ServeState = { sources: sources as SiteSources, memo, renderer, hashes };

  const clients = new Set<http.ServerResponse>();
  const server = http.createServer((req, res) => {
    void handle(req, res);
  });
  async function handle(req: http.IncomingMessage, res: http.ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/__mesh/events') {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      res.write(': connected\n\n');
      clients.add(res);
      req.on('close', () => clients.delete(res));
      return;
    }
    let rel: string;
    try {
      rel = decodeURIComponent(url.pathname);
    } catch {
      res.writeHead(400).end('bad request');
      return;
    }
    if (rel.endsWith('/')) rel += 'index.html';
    const file = path.resolve(outDir, `.${rel}`);
    if (file !== outDir && !file.startsWith(outDir + path.sep)) {
      res.writeHead(403).end('forbidden');
      return;
    }
    try {
      let body = await fs.readFile(file);
      const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
      if (type.startsWith('text/html')) body = Buffer.from(body.toString('utf8').replace('</body>', `${RELOAD_SCRIPT}</body>`));
      res.writeHead(200, { 'content-type': type, 'cache-control': 'no-cache', 'x-content-type-options': 'nosniff' });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
    }
  }
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const url = `http://${options.host ?? '127.0.0.1'}:${port}/`;

  let waiting: ((r: RebuildResult) => void)[] = [];
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  // Contract and data product files changed since the last rebuild, or 'all' when something else changed.
  let changed: Set<string> | 'all' = new Set();
  const rebuild = async () => {
    if (running) {
      again = true;
      return;
    }
    const batch = changed;
    changed = new Set();
    running = (async () => {
      let result: RebuildResult;
      try {
        result = await updateInPlace(options, state, outDir, batch);
        log(`rebuilt in ${(result.ms / 1000).toFixed(2)} s (${result.mode}, ${(result.cpuMs / 1000).toFixed(2)} s CPU): ${result.rendered} page(s) rendered, ${result.written} file(s) written, ${result.removed} removed`);
        if (result.written + result.removed > 0) for (const client of clients) client.write('data: reload\n\n');
      } catch (error) {
        result = { written: 0, removed: 0, rendered: 0, mode: 'full', ms: 0, cpuMs: 0, error: (error as Error).message };
        // The next rebuild starts from a fresh load.
        changed = 'all';
        log(`rebuild failed: ${(error as Error).message}`);
      }
      const resolved = waiting;
      waiting = [];
      for (const resolve of resolved) resolve(result);
    })();
    await running;
    running = undefined;
    if (again) {
      again = false;
      await rebuild();
    }
  };
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void rebuild(), options.debounceMs ?? 150);
  };
  const contractsAbs = path.resolve(options.cwd, options.contractsDir);
  const onContractsChange = (_event: string, name: string | Buffer | null) => {
    if (name !== null && ignorable(String(name))) return;
    const abs = name === null ? undefined : path.join(contractsAbs, String(name));
    if (abs && statSync(abs, { throwIfNoEntry: false })?.isDirectory()) return; // the file may vanish mid-save
    if (changed !== 'all') {
      const rel = abs ? path.relative(contractsAbs, abs).split(path.sep) : [];
      // Contracts and data products (not shared fragments) can be reloaded on their own; anything else reloads the mesh.
      if (abs && MESH_DOCUMENT.test(abs) && !rel.some((part) => part === '_shared')) changed.add(abs);
      else changed = 'all';
    }
    schedule();
  };
  const onOtherChange = () => {
    changed = 'all';
    schedule();
  };

  const watchers: FSWatcher[] = [];
  watchers.push(watch(contractsAbs, { recursive: true }, onContractsChange));
  for (const extra of [build.sloStatusFile, path.join(options.cwd, 'CODEOWNERS'), path.join(options.cwd, '.github', 'CODEOWNERS')]) {
    if (extra && existsSync(extra)) watchers.push(watch(extra, onOtherChange));
  }

  return {
    build,
    server: {
      url,
      nextRebuild: () => new Promise((resolve) => waiting.push(resolve)),
      close: async () => {
        clearTimeout(timer);
        for (const w of watchers) w.close();
        for (const client of clients) client.end();
        await new Promise<void>((resolve) => server.close(() => resolve()));
        if (running) await running;
      },
    },
  };
}
