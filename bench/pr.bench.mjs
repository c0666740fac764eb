// PR-shaped change sets on a large mesh: 1, 10 and 100 contracts changed (mixed breaking and
// compatible, scripts/lib/mesh-generator.mjs mutateMesh). For each: `mesh lint --cache` with the
// cache of the base branch (what CI restores with actions/cache) against a cold full lint, and
// `mesh breaking` from the base commit to the working tree. The incremental and full lint reports
// must be identical (checked here on every run, and by test/e2e/scale).
import { cpSync, existsSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { generateMesh, mutateMesh } from '../scripts/lib/mesh-generator.mjs';
import { ensureMesh, measure, median, ratio } from './harness.mjs';

export const name = 'pr';

const git = (cwd, ...args) => {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
};

export async function run({ quick }) {
  const n = quick ? 300 : 10000;
  const sizes = quick ? [1, 10] : [1, 10, 100];
  const runs = quick ? 1 : 3;
  const base = ensureMesh(n);
  const work = resolve('bench', 'out', `pr-${n}`);
  if (!existsSync(join(work, '.git'))) {
    rmSync(work, { recursive: true, force: true });
    cpSync(base, work, { recursive: true, filter: (src) => !src.includes('.mesh-cache') });
    git(work, 'init', '-q', '-b', 'main');
    git(work, 'add', '-A');
    git(work, '-c', 'user.name=bench', '-c', 'user.email=bench@example.invalid', 'commit', '-q', '-m', 'base mesh');
  }
  const cli = resolve('bin', 'mesh.js');
  const node = process.execPath;
  const lintArgs = (...extra) => [node, cli, 'lint', 'contracts', '--format', 'json', ...extra];
  const restore = () => git(work, 'checkout', '-q', '--', 'contracts');
  const files = generateMesh({ contracts: n, seed: 42, policyDir: 'contracts' });
  const rows = [];
  const ratios = {};
  for (const k of sizes) {
    const { files: changed } = await mutateMesh(files, { count: k, seed: k });
    const apply = () => {
      for (const [rel, text] of changed) writeFileSync(join(work, rel), text);
    };
    const incremental = [];
    let rss = 0;
    let incrementalOut = '';
    for (let i = 0; i < runs; i++) {
      restore();
      measure(lintArgs('--cache'), { runs: 1, cwd: work }); // the base branch's cache
      apply();
      const m = measure(lintArgs('--cache'), { runs: 1, cwd: work });
      incremental.push(m.medianMs);
      rss = Math.max(rss, m.rssMb);
      incrementalOut = spawnSync(node, lintArgs('--cache'), { cwd: work, encoding: 'utf8', maxBuffer: 1 << 28 }).stdout;
    }
    const full = measure(lintArgs(), { runs: quick ? 1 : 1, cwd: work });
    const fullOut = spawnSync(node, lintArgs(), { cwd: work, encoding: 'utf8', maxBuffer: 1 << 28 }).stdout;
    if (fullOut !== incrementalOut) throw new Error(`incremental and full lint differ for ${k} changed contracts`);
    const breaking = measure([node, cli, 'breaking', '--base', 'HEAD', '--format', 'json'], { runs: quick ? 1 : 1, cwd: work, okStatuses: [0, 1] });
    const inc = median(incremental);
    rows.push(
      { what: `${k} changed: mesh lint --cache (incremental)`, ms: inc, rssMb: rss, note: 'same findings as full' },
      { what: `${k} changed: mesh lint, full (no cache)`, ms: full.medianMs, rssMb: full.rssMb },
      { what: `${k} changed: mesh breaking (base commit -> working tree)`, ms: breaking.medianMs, rssMb: breaking.rssMb },
      { what: `${k} changed: PR check = incremental lint + breaking`, ms: inc + breaking.medianMs },
    );
    ratios[`${k} changed: incremental / full lint`] = ratio(inc, full.medianMs);
  }
  restore();
  return { input: `${n} generated contracts, change sets of ${sizes.join(', ')} contracts (mixed breaking/compatible)`, rows, ratios };
}
