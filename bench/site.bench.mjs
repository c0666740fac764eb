// Site build of a generated mesh (1,000 and 10,000 contracts): wall time, peak RSS, output size and
// the search index size (raw and gzipped). For the in-browser numbers see scripts/bench-site.mjs --browser.
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ensureMesh, measure, treeSize } from './harness.mjs';

export const name = 'site';

const mib = (bytes) => `${(bytes / 2 ** 20).toFixed(2)} MiB`;

export function run({ quick }) {
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
  }
  return { input: `generated meshes of ${sizes.join(' and ')} contracts, --no-git`, rows, ratios };
}
