// Where the site's templates and the browser build of minisearch are on disk, whether we run from
// src/ (tests, tsx) or from the bundled dist/cli.js.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package's site/ folder (templates, partials, assets): the first ancestor that has one. */
export function siteDir(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = path.join(dir, 'site');
    if (existsSync(path.join(candidate, 'templates', 'layout.hbs'))) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('cannot find the site/ templates folder of mesh-contracts');
    dir = parent;
  }
}

/** minisearch's UMD build (it defines the global `MiniSearch`), shipped to the browser as a local asset. */
export function minisearchBrowserBuild(): string {
  const require = createRequire(import.meta.url);
  const main = require.resolve('minisearch');
  let dir = path.dirname(main);
  while (!existsSync(path.join(dir, 'package.json'))) dir = path.dirname(dir);
  const file = path.join(dir, 'dist', 'umd', 'index.js');
  if (!existsSync(file)) throw new Error(`minisearch's browser build is missing (${file}); reinstall dependencies`);
  return file;
}
