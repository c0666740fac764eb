// Site build of a generated mesh (1,000 and 10,000 contracts): wall time, peak RSS, output size and
// the search index size (raw and gzipped). Then `mesh site serve` on a copy of the mesh: one contract
// is edited (a property added, its description reworded) and the time until the server logs the
// rebuild is measured (from the write, so fs.watch latency and the 150 ms debounce count too).
// For the in-browser numbers see scripts/bench-site.mjs --browser.
import { spawn } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ensureMesh, measure, median, treeSize } from './harness.mjs';

export const name = 'site';

const WORDS = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf'];

const mib = (bytes) => `${(bytes / 2 ** 20).toFixed(2)} MiB`;

/**
 * Starts `mesh site serve`, edits one contract `edits` times, then adds a copy of it (another id) and
 * removes the copy, then renames a data product; returns, for each step, the ms from the write to its "rebuilt" line.
 */
export async function incrementalRebuild(meshDir, { edits = 3, timeoutMs = 600_000 } = {}) {
  const work = resolve('bench', 'out', `site-serve-${process.pid}`);
  rmSync(work, { recursive: true, force: true });
  cpSync(meshDir, work, { recursive: true });
  const contracts = join(work, 'contracts');
  const domain = readdirSync(contracts, { withFileTypes: true }).find((e) => e.isDirectory() && !e.name.startsWith('_')).name;
  const file = join(contracts, domain, readdirSync(join(contracts, domain)).find((f) => f.endsWith('.odcs.yaml')));
  const child = spawn(process.execPath, ['bin/mesh.js', 'site', 'serve', '--contracts', contracts, '--root', work, '--out', join(work, '_site'), '--no-git', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const waitFor = (re, from) =>
    new Promise((res, rej) => {
      const timer = setTimeout(() => rej(new Error(`timed out waiting for ${re}:\n${out.slice(-2000)}`)), timeoutMs);
      const check = () => {
        const m = re.exec(out.slice(from));
        if (m) {
          clearTimeout(timer);
          child.stdout.off('data', check);
          res(m);
        }
      };
      child.stdout.on('data', check);
      check();
    });
  child.stdout.on('data', (chunk) => (out += chunk));
  child.stderr.on('data', (chunk) => (out += chunk));
  const results = [];
  try {
    await waitFor(/serving http/, 0);
    const original = readFileSync(file, 'utf8');
    const step = async (kind, act) => {
      const from = out.length;
      const start = process.hrtime.bigint();
      act();
      const m = await waitFor(/rebuilt in ([\d.]+) s \((\w+), ([\d.]+) s CPU\): (\d+) page\(s\) rendered, (\d+) file\(s\) written/, from);
      results.push({ kind, wallMs: Number(process.hrtime.bigint() - start) / 1e6, rebuildMs: Number(m[1]) * 1000, mode: m[2], cpuMs: Number(m[3]) * 1000, rendered: Number(m[4]), written: Number(m[5]) });
    };
    for (let i = 1; i <= edits; i++) {
      // Reword the first description and add a property to the first object, as an author would
      // (a new word each time, so the search index changes too).
      const word = WORDS[(i - 1) % WORDS.length];
      const text = original.replace(/description: /, `description: Edit ${word}. `).replace(/(\n\s*properties:\n(\s*)- )/, `$1name: ${word}_reference\n$2  logicalType: string\n$2- `);
      await step('contract edited', () => writeFileSync(file, text));
    }
    const copy = file.replace(/\.odcs\.yaml$/, '-copy.odcs.yaml');
    await step('contract added', () => writeFileSync(copy, original.replace(/^id: (.*)$/m, 'id: $1-copy')));
    await step('contract removed', () => rmSync(copy));
    // A data product renamed: every contract page that draws it in its lineage changes.
    const product = join(contracts, readdirSync(contracts, { recursive: true }).map(String).sort().find((f) => f.endsWith('.odps.yaml')));
    await step('data product edited', () => writeFileSync(product, readFileSync(product, 'utf8').replace(/^name: (.*)$/m, 'name: $1 renamed')));
  } finally {
    child.kill('SIGTERM');
    await new Promise((res) => child.once('close', res));
    rmSync(work, { recursive: true, force: true });
  }
  return results;
}

export async function run({ quick }) {
  const sizes = quick ? [300] : [1000, 10000];
  const rows = [];
  const ratios = {};
  for (const n of sizes) {
    const dir = ensureMesh(n);
    const out = resolve('bench', 'out', `site-${n}`);
    rmSync(out, { recursive: true, force: true });
    const m = measure([process.execPath, 'bin/mesh.js', 'site', 'build', '--contracts', join(dir, 'contracts'), '--root', dir, '--out', out, '--no-git'], {
      runs: quick || n >= 10000 ? 1 : 3,
      okStatuses: [0],
    });
    const size = treeSize(out);
    const indexFile = readdirSync(join(out, 'assets')).find((f) => f.startsWith('search-index.'));
    const index = readFileSync(join(out, 'assets', indexFile));
    const gz = gzipSync(index).length;
    const k = n >= 1000 ? `${n / 1000}k` : String(n);
    rows.push(
      { what: `${k}: mesh site build`, ms: m.medianMs, rssMb: m.rssMb, note: `${size.files} files, ${mib(size.bytes)}` },
      { what: `${k}: search index, gzipped`, bytes: gz, note: `${mib(gz)} gzipped, ${mib(index.length)} raw` },
    );
    ratios[`${k}: ms per contract`] = Math.round((m.medianMs / n) * 100) / 100;
    rmSync(out, { recursive: true, force: true });

    const steps = await incrementalRebuild(dir, { edits: quick ? 1 : 3 });
    for (const kind of ['contract edited', 'contract added', 'contract removed', 'data product edited']) {
      const these = steps.filter((e) => e.kind === kind);
      const wall = median(these.map((e) => e.wallMs));
      rows.push({
        what: `${k}: mesh site serve, one ${kind}`,
        ms: wall,
        note: `write to rebuilt log line${these.length > 1 ? ` (median of ${these.length})` : ''}; rebuild itself ${Math.round(median(these.map((e) => e.rebuildMs)))} ms, ${Math.round(median(these.map((e) => e.cpuMs)))} ms CPU; ${these.map((e) => `${e.mode}, ${e.rendered} pages, ${e.written} files`).join(' / ')}`,
      });
      ratios[`${k}: incremental rebuild (${kind}) / full build`] = Math.round((wall / m.medianMs) * 1000) / 1000;
    }
  }
  return { input: `generated meshes of ${sizes.join(' and ')} contracts, --no-git`, rows, ratios };
}
