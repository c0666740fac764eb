// `mesh site serve`: build the site, serve it on localhost with node:http, and rebuild when a
// contract (or CODEOWNERS, or the SLO status file) changes. Rebuilds are debounced and incremental:
// pages whose inputs did not change come from the render cache and are not rewritten on disk.
// Open pages reload themselves through a small server-sent-events script injected at serve time.
import { createHash } from 'node:crypto';
import { existsSync, promises as fs, watch, type FSWatcher } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { buildSiteToDir, PageRenderer, prepareSite, siteFiles, type SiteBuildOptions, type SiteBuildResult } from './build-site.js';
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

/** Rewrites only the files whose content changed (each write is atomic: temp file + rename). */
async function updateInPlace(options: SiteBuildOptions, renderer: PageRenderer, outDir: string, hashes: Map<string, string>): Promise<RebuildResult> {
  const prepared = await prepareSite(options);
  const seen = new Set<string>();
  let written = 0;
  for await (const file of siteFiles(prepared, renderer)) {
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
  let removed = 0;
  for (const file of [...hashes.keys()]) {
    if (seen.has(file)) continue;
    await fs.rm(path.join(outDir, ...file.split('/')), { force: true });
    hashes.delete(file);
    removed++;
  }
  return { written, removed };
}

export async function serveSite(options: ServeOptions): Promise<{ server: SiteServer; build: SiteBuildResult }> {
  const log = options.log ?? (() => {});
  const renderer = new PageRenderer(loadRenderer(siteDir()));
  const build = await buildSiteToDir(options, renderer);
  const outDir = build.outDir;
  const hashes = new Map<string, string>();
  for (const file of await listFiles(outDir)) hashes.set(file, digest(await fs.readFile(path.join(outDir, ...file.split('/')))));

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
  const rebuild = async () => {
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      let result: RebuildResult;
      try {
        result = await updateInPlace(options, renderer, outDir, hashes);
        log(`rebuilt: ${result.written} file(s) written, ${result.removed} removed`);
        if (result.written + result.removed > 0) for (const client of clients) client.write('data: reload\n\n');
      } catch (error) {
        result = { written: 0, removed: 0, error: (error as Error).message };
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

  const watchers: FSWatcher[] = [];
  const contractsAbs = path.resolve(options.cwd, options.contractsDir);
  watchers.push(watch(contractsAbs, { recursive: true }, schedule));
  for (const extra of [build.sloStatusFile, path.join(options.cwd, 'CODEOWNERS'), path.join(options.cwd, '.github', 'CODEOWNERS')]) {
    if (extra && existsSync(extra)) watchers.push(watch(extra, schedule));
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
