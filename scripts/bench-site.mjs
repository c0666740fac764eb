#!/usr/bin/env node
// Site build benchmark: generates a deterministic mesh of N contracts (scripts/lib/mesh-generator.mjs),
// builds the site with the bundled CLI and reports build time, output size and search index size
// (raw and gzipped). With --browser it also opens the built home page in headless Chromium from
// file:// and measures how long the index takes to load and a first query takes to answer.
//
//   node scripts/bench-site.mjs --contracts 1000
//   node scripts/bench-site.mjs --contracts 10000 --browser
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { generateMesh } from './lib/mesh-generator.mjs';

const { values } = parseArgs({
  options: {
    contracts: { type: 'string', default: '1000' },
    seed: { type: 'string', default: '42' },
    runs: { type: 'string', default: '1' },
    browser: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    out: { type: 'string' },
  },
});

const n = Number(values.contracts);
const cli = resolve('bin/mesh.js');
if (!existsSync('dist/cli.js')) execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
const work = values.out ? resolve(values.out) : join(tmpdir(), `mesh-bench-site-${n}`);
rmSync(work, { recursive: true, force: true });

const files = generateMesh({ contracts: n, seed: Number(values.seed), policyDir: existsSync('contracts/mesh.yaml') ? 'contracts' : undefined });
for (const [rel, text] of files) {
  const file = join(work, rel);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
}

function sizeOf(dir) {
  let bytes = 0;
  let count = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) {
      const sub = sizeOf(p);
      bytes += sub.bytes;
      count += sub.count;
    } else {
      bytes += statSync(p).size;
      count++;
    }
  }
  return { bytes, count };
}

const times = [];
let stdout = '';
for (let run = 0; run < Number(values.runs); run++) {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, [cli, 'site', 'build', '--contracts', 'contracts', '--out', '_site', '--no-git'], { cwd: work, encoding: 'utf8', maxBuffer: 1 << 28 });
  times.push(Number(process.hrtime.bigint() - start) / 1e6);
  if (result.status !== 0) {
    console.error(result.stderr);
    process.exit(1);
  }
  stdout = result.stdout;
}
times.sort((a, b) => a - b);
const site = join(work, '_site');
const { bytes, count } = sizeOf(site);
const indexFile = readdirSync(join(site, 'assets')).find((f) => f.startsWith('search-index.'));
const index = readFileSync(join(site, 'assets', indexFile));
const mb = (b) => `${(b / 1024 / 1024).toFixed(2)} MiB`;

const report = {
  contracts: n,
  buildSeconds: +(times[Math.floor(times.length / 2)] / 1000).toFixed(2),
  files: count,
  outputSize: mb(bytes),
  searchIndex: mb(index.length),
  searchIndexGzip: mb(gzipSync(index).length),
};

if (values.browser) {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
  const page = await browser.newPage();
  const start = Date.now();
  await page.goto(pathToFileURL(join(site, 'index.html')).href);
  await page.waitForFunction(() => document.getElementById('result-count')?.textContent?.match(/^\d+ data contracts$/) && window.__MESH_SEARCH__);
  report.homeReadyMs = Date.now() - start;
  const timing = await page.evaluate(() => {
    const p = window.__MESH_SEARCH__;
    const t0 = performance.now();
    const index = window.MiniSearch.loadJS(p.index, { fields: p.fields, idField: 'id' });
    const t1 = performance.now();
    const fuzzy = (term) => (term.length < 4 ? false : term.length < 6 ? 1 : 2);
    const hits = index.search('customer refnd', { prefix: true, fuzzy, combineWith: 'AND' });
    const t2 = performance.now();
    return { indexLoadMs: +(t1 - t0).toFixed(1), firstQueryMs: +(t2 - t1).toFixed(1), hits: hits.length };
  });
  // End to end: type in the box, wait until the result count reflects the query (includes the 60 ms debounce).
  const t0 = Date.now();
  await page.fill('#q', 'invoice ledger');
  await page.waitForFunction(() => new URLSearchParams(location.search).get('q') === 'invoice ledger');
  report.typedQueryToResultsMs = Date.now() - t0;
  Object.assign(report, timing);
  await browser.close();
}

console.log(stdout.trim());
console.log(JSON.stringify(report, null, 2));
if (!values.keep && !values.out) rmSync(work, { recursive: true, force: true });
