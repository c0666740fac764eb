// Fails when a committed actions/<name>/dist/index.js is not what its sources build to today:
// rebuilds every action into a temporary directory and compares byte for byte.
// Run: `node scripts/check-dist.mjs` (CI runs it after `npm ci`). Fix: `node scripts/build-actions.mjs`.
import { mkdtempSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { actionNames, buildAction } from './build-actions.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const temp = mkdtempSync(path.join(tmpdir(), 'mesh-check-dist-'));
const stale = [];
try {
  for (const name of actionNames()) {
    const committed = path.join(repoRoot, 'actions', name, 'dist', 'index.js');
    const { outfile } = await buildAction(name, temp);
    if (!existsSync(committed)) stale.push(`${name}: actions/${name}/dist/index.js is missing`);
    else if (!readFileSync(committed).equals(readFileSync(outfile))) stale.push(`${name}: actions/${name}/dist/index.js differs from a fresh build of actions/${name}/src`);
  }
} finally {
  rmSync(temp, { recursive: true, force: true });
}
if (stale.length > 0) {
  for (const line of stale) process.stderr.write(`stale dist: ${line}\n`);
  process.stderr.write('Rebuild with `node scripts/build-actions.mjs` and commit actions/*/dist.\n');
  process.exit(1);
}
process.stdout.write(`dist up to date for ${actionNames().length} actions\n`);
