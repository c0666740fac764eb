// Bundles the CLI (and its worker entry points) into dist/ with esbuild.
// Dependencies stay external: they are installed next to the bundle by `npm ci`.
// Code splitting: each command's module (imported lazily by src/cli/main.ts) becomes its own chunk
// with the packages it imports, so `mesh lint` does not load octokit, marked, handlebars… Chunks sit
// next to cli.js in dist/ (code that finds files relative to its own module, such as the worker
// script ./load/lint-worker.js, sees the same directory wherever esbuild puts it).
import { build } from 'esbuild';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';

const entryPoints = ['src/cli/main.ts', 'src/load/lint-worker.ts'].filter((f) => existsSync(f));

const result = await build({
  entryPoints: entryPoints.map((f) => ({ in: f, out: f === 'src/cli/main.ts' ? 'cli' : f.replace(/^src\//, '').replace(/\.ts$/, '') })),
  outdir: 'dist',
  bundle: true,
  splitting: true,
  chunkNames: '[name]-[hash]',
  metafile: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});

// Chunk names carry a content hash: remove what earlier builds left in dist/ (after writing the new
// files, so a mesh process running meanwhile never misses its entry point).
const written = new Set(Object.keys(result.metafile.outputs).map((f) => path.resolve(f)));
for (const dir of ['dist', 'dist/load']) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.resolve(dir, entry.name);
    if (entry.isFile() && /\.js(\.map)?$/.test(entry.name) && !written.has(file)) rmSync(file);
  }
}
