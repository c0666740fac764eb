// `mesh site build` and `mesh site serve` end to end: relative links that all resolve, fingerprinted
// assets, downloads, git history in the versions list, atomic replacement, refusals with clear
// messages, and the live server's incremental rebuild.
import { execFile, execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveSite } from '../../../src/site/serve.js';

const exec = promisify(execFile);
const MESH = path.resolve('bin/mesh.js');
const FIXTURE = path.resolve('test/fixtures/site/mesh');

async function mesh(args: string[], cwd: string) {
  try {
    const { stdout, stderr } = await exec(process.execPath, [MESH, ...args], { cwd, env: { PATH: process.env.PATH ?? '' } });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`]));
}

let dir: string;
let repo: string;

beforeAll(() => {
  if (!existsSync('dist/cli.js')) throw new Error('build first: node scripts/build.mjs');
  dir = mkdtempSync(path.join(tmpdir(), 'mesh-site-build-'));
  repo = path.join(dir, 'repo');
  cpSync(FIXTURE, repo, { recursive: true });
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, env: { ...process.env, GIT_AUTHOR_DATE: '2024-05-01T10:00:00Z', GIT_COMMITTER_DATE: '2024-05-01T10:00:00Z' } });
  git('init', '-q');
  git('-c', 'user.name=t', '-c', 'user.email=t@example.com', 'add', '.');
  git('-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-q', '-m', 'Add the shop and billing contracts');
  const orders = path.join(repo, 'contracts/shop/orders.odcs.yaml');
  writeFileSync(orders, readFileSync(orders, 'utf8').replace('version: 1.4.0', 'version: 2.0.0'));
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-q', '-am', 'Orders 2.0.0'], { cwd: repo, env: { ...process.env, GIT_AUTHOR_DATE: '2024-06-02T10:00:00Z', GIT_COMMITTER_DATE: '2024-06-02T10:00:00Z' } });
  const withoutEmail = readFileSync(orders, 'utf8').replace('version: 2.0.0', 'version: 3.0.0').replace(/      - name: email\n(?:        .*\n)+/, '');
  writeFileSync(orders, withoutEmail);
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-q', '-am', 'Orders 3.0.0: drop email'], { cwd: repo, env: { ...process.env, GIT_AUTHOR_DATE: '2024-07-03T10:00:00Z', GIT_COMMITTER_DATE: '2024-07-03T10:00:00Z' } });
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('mesh site build', () => {
  it('builds every page and reports what it wrote', async () => {
    const { code, stdout } = await mesh(['site', 'build', '--base-url', '/catalog/'], repo);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^built 8 pages for 3 contracts into _site \(\d+ files, .*search index .* gzipped\)\nSLO status from slo-status.json\n$/);
    const files = filesUnder(path.join(repo, '_site'));
    expect(files).toEqual(
      expect.arrayContaining(['index.html', 'governance.html', 'lineage.html', 'contracts/shop-orders.html', 'domains/billing.html', 'downloads/shop-orders/shop-orders.odcs.yaml', 'downloads/shop-orders/orders.schema.json', '.nojekyll']),
    );
    expect(files.filter((f) => f.startsWith('assets/')).map((f) => f.replace(/\.[0-9a-f]{10}\./, '.#.')).sort()).toEqual(['assets/favicon.#.svg', 'assets/minisearch.#.js', 'assets/search-index.#.js', 'assets/site.#.css', 'assets/site.#.js']);
  });

  it('uses only relative links, and every local link and asset resolves to a file', () => {
    const out = path.join(repo, '_site');
    const pages = filesUnder(out).filter((f) => f.endsWith('.html'));
    const broken: string[] = [];
    for (const page of pages) {
      const html = readFileSync(path.join(out, page), 'utf8');
      for (const [, attr, value] of html.matchAll(/\s(href|src)="([^"]*)"/g)) {
        if (attr === 'href' && /^(https?:|mailto:)/.test(value)) continue;
        if (value.startsWith('#')) continue;
        if (value.startsWith('/') || /^[a-z]+:/i.test(value)) {
          if (!(attr === 'href' && html.includes(`rel="canonical" href="${value}"`))) broken.push(`${page}: absolute ${attr} ${value}`);
          continue;
        }
        const target = path.join(path.dirname(path.join(out, page)), value.split(/[?#]/)[0]);
        if (!existsSync(target)) broken.push(`${page}: ${value}`);
      }
    }
    expect(broken).toEqual([]);
    expect(readFileSync(path.join(out, 'contracts/shop-orders.html'), 'utf8')).toContain('<link rel="canonical" href="/catalog/contracts/shop-orders.html">');
  });

  it('offers the original ODCS YAML and a JSON Schema per object', () => {
    const out = path.join(repo, '_site');
    expect(readFileSync(path.join(out, 'downloads/shop-orders/shop-orders.odcs.yaml'), 'utf8')).toBe(readFileSync(path.join(repo, 'contracts/shop/orders.odcs.yaml'), 'utf8'));
    const schema = JSON.parse(readFileSync(path.join(out, 'downloads/shop-orders/orders.schema.json'), 'utf8'));
    expect(schema).toMatchObject({ $schema: 'http://json-schema.org/draft-07/schema#', type: 'object', title: 'orders', required: ['order_id', 'loaded_at'] });
  });

  it('lists versions from git history with their dates and whether each broke the previous one', () => {
    const html = readFileSync(path.join(repo, '_site/contracts/shop-orders.html'), 'utf8');
    const rows = [...html.matchAll(/<tr><th scope="row">([^<]+?)(?: <span[^>]*>current<\/span>)?<\/th><td>(?:<time datetime="([^"]+)">[^<]*<\/time>|—)<\/td><td><span[^>]*>([^<]+)<\/span>/g)].map((m) => [m[1], m[2], m[3]]);
    expect(rows).toEqual([
      ['3.0.0', '2024-07-03', 'Breaking'],
      ['2.0.0', '2024-06-02', 'Compatible'],
      ['1.4.0', '2024-05-01', 'First version'],
    ]);
  });

  it('refuses to replace a folder that is not a built site, and leaves it alone', async () => {
    const precious = path.join(repo, 'precious');
    mkdirSync(precious);
    writeFileSync(path.join(precious, 'notes.txt'), 'keep me');
    const { code, stderr } = await mesh(['site', 'build', '--out', 'precious'], repo);
    expect(code).toBe(2);
    expect(stderr).toContain('refusing to replace precious');
    expect(readFileSync(path.join(precious, 'notes.txt'), 'utf8')).toBe('keep me');
    expect((await mesh(['site', 'build', '--out', '.'], repo)).stderr).toContain('refusing to write the site to .');
  });

  it('keeps the previous site whole when a build fails, and leaves no temporary folder', async () => {
    const before = readFileSync(path.join(repo, '_site/index.html'), 'utf8');
    writeFileSync(path.join(repo, 'bad-slo.json'), '{"results": "nope"}');
    const { code, stderr } = await mesh(['site', 'build', '--slo-status', 'bad-slo.json'], repo);
    expect(code).toBe(2);
    expect(stderr).toMatch(/bad-slo\.json is not an SLO status report/);
    expect(readFileSync(path.join(repo, '_site/index.html'), 'utf8')).toBe(before);
    expect(readdirSync(repo).filter((f) => f.includes('.tmp-') || f.includes('.old-'))).toEqual([]);
  });

  it('reports a missing contracts folder and a bad base URL as usage errors', async () => {
    expect(await mesh(['site', 'build', '--contracts', 'nope'], repo)).toMatchObject({ code: 2, stderr: expect.stringContaining('the contracts folder nope does not exist') });
    expect(await mesh(['site', 'build', '--base-url', 'catalog'], repo)).toMatchObject({ code: 2, stderr: expect.stringContaining('--base-url "catalog" must be an absolute URL') });
  });
});

describe('mesh site serve', () => {
  it('serves the site and rebuilds only what a contract change touches', async () => {
    const work = path.join(dir, 'serve');
    cpSync(FIXTURE, work, { recursive: true });
    const { server, build } = await serveSite({ contractsDir: 'contracts', outDir: '_site', cwd: work, port: 0, git: false, debounceMs: 50 });
    try {
      const home = await fetch(server.url);
      expect(home.status).toBe(200);
      expect(await home.text()).toContain('/__mesh/events');
      const page = await fetch(new URL('contracts/billing-payments.html', server.url));
      expect(await page.text()).toContain('Card and bank payments as they settle.');
      expect((await fetch(new URL('../../etc/passwd', server.url))).status).toBe(404);

      const file = path.join(work, 'contracts/billing/payments.odcs.yaml');
      const rebuilt = server.nextRebuild();
      writeFileSync(file, readFileSync(file, 'utf8').replace('Card and bank payments as they settle.', 'Settled card payments, refreshed live.'));
      const result = await rebuilt;
      expect(result.error).toBeUndefined();
      // The payments page, its YAML download, the home page, the search index and the billing domain page.
      expect(result.written).toBeGreaterThan(0);
      expect(result.written).toBeLessThan(build.files / 2);
      const after = await fetch(new URL('contracts/billing-payments.html', server.url));
      expect(await after.text()).toContain('Settled card payments, refreshed live.');
      expect(readFileSync(path.join(work, '_site/contracts/shop-orders.html'), 'utf8')).toContain('Every <strong>order</strong>');
    } finally {
      await server.close();
    }
  });
});
