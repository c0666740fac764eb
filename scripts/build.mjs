// Bundles the CLI (and its worker entry points) into dist/ with esbuild.
// Dependencies stay external: they are installed next to the bundle by `npm ci`.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';

const entryPoints = ['src/cli/main.ts', 'src/load/lint-worker.ts'].filter((f) => existsSync(f));

await build({
  entryPoints: entryPoints.map((f) => ({ in: f, out: f === 'src/cli/main.ts' ? 'cli' : f.replace(/^src\//, '').replace(/\.ts$/, '') })),
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
