// Fails when a committed actions/<name>/dist/ is not what its sources build to today: rebuilds every
// action into a temporary directory and compares byte for byte, file by file (a file that is missing,
// differs, or is left over from an earlier build).
// Run: `node scripts/check-dist.mjs` (CI runs it after `npm ci`). Fix: `node scripts/build-actions.mjs`.
import { mkdtempSync, readFileSync, readdirSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { actionNames, buildAction } from './build-actions.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const temp = mkdtempSync(path.join(tmpdir(), 'mesh-check-dist-'));
const stale = [];
try {
  for (const name of actionNames()) {
    const committedDir = path.join(repoRoot, 'actions', name, 'dist');
    const { distDir, files } = await buildAction(name, temp);
    for (const file of files) {
      const committed = path.join(committedDir, file);
      if (!existsSync(committed)) stale.push(`${name}: actions/${name}/dist/${file} is missing`);
      else if (!readFileSync(committed).equals(readFileSync(path.join(distDir, file)))) stale.push(`${name}: actions/${name}/dist/${file} differs from a fresh build of the sources`);
    }
    for (const file of listFiles(committedDir)) {
      if (!files.includes(file)) stale.push(`${name}: actions/${name}/dist/${file} is not built any more (delete it)`);
    }
  }
} finally {
  rmSync(temp, { recursive: true, force: true });
}
/** Files under `dir`, relative to it with forward slashes ([] when it does not exist). */
function listFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath ?? entry.path, entry.name)).split(path.sep).join('/'));
}

if (stale.length > 0) {
  for (const line of stale) process.stderr.write(`stale dist: ${line}\n`);
  process.stderr.write('Rebuild with `node scripts/build-actions.mjs` and commit actions/*/dist.\n');
  process.exit(1);
}
process.stdout.write(`dist up to date for ${actionNames().length} actions\n`);
