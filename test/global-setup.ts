// Builds the CLI bundle once before any test file runs: end-to-end tests spawn `bin/mesh.js`, and
// rebuilding from several test files at once would let one read a bundle another is rewriting.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export default function setup(): void {
  const repo = join(import.meta.dirname, '..');
  const build = spawnSync(process.execPath, [join(repo, 'scripts', 'build.mjs')], { cwd: repo, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`build failed:\n${build.stderr}`);
}
