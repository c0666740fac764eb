// Bundles every custom action (actions/<name>/src/index.ts) into actions/<name>/dist/index.js (plus
// the loader's worker script where the action can use it) with
// esbuild: self-contained (dependencies bundled, since a runner executes what is committed without
// `npm install`), minified, ESM for Node 20. Run: `node scripts/build-actions.mjs [--out <dir>] [name...]`.
// With --out, bundles go to <dir>/<name>/dist/index.js instead (scripts/check-dist.mjs compares them).
import { build } from 'esbuild';
import { existsSync, readdirSync, statSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const actionsDir = path.join(repoRoot, 'actions');

/** Names of the actions: folders of actions/ with an action.yml and a src/index.ts. */
export function actionNames() {
  return readdirSync(actionsDir)
    .filter((name) => statSync(path.join(actionsDir, name)).isDirectory())
    .filter((name) => existsSync(path.join(actionsDir, name, 'action.yml')) && existsSync(path.join(actionsDir, name, 'src', 'index.ts')))
    .sort();
}

// Two substitutions keep each bundle small (measured: about 400 KB less per action):
// - @actions/core's OIDC client pulls in @actions/http-client and undici; these actions never ask
//   for an OIDC token, so getIDToken() is replaced by a function that says so.
// - @actions/github's entry point builds an Octokit on import (again undici); the actions use the
//   project's own client (src/github/client.ts) and only need the `Context` class, imported directly.
const slimToolkit = {
  name: 'slim-actions-toolkit',
  setup(b) {
    b.onResolve({ filter: /^\.\/oidc-utils\.js$/ }, (args) =>
      args.importer.includes(`${path.sep}@actions${path.sep}core${path.sep}`) ? { path: 'oidc-stub', namespace: 'mesh-stub' } : undefined,
    );
    b.onResolve({ filter: /^@actions\/github$/ }, () => ({ path: 'github-context', namespace: 'mesh-stub' }));
    b.onLoad({ filter: /^oidc-stub$/, namespace: 'mesh-stub' }, () => ({
      contents: 'export class OidcClient { static async getIDToken() { throw new Error("OIDC tokens are not available in this action (not bundled)"); } }',
      loader: 'js',
    }));
    const contextModule = JSON.stringify(path.join(repoRoot, 'node_modules', '@actions', 'github', 'lib', 'context.js'));
    b.onLoad({ filter: /^github-context$/, namespace: 'mesh-stub' }, () => ({
      contents: `import { Context } from ${contextModule}; export const context = new Context(); export function getOctokit() { throw new Error("use createGitHubClient (src/github/client.ts)"); }`,
      loader: 'js',
      resolveDir: repoRoot,
    }));
  },
};

const bundleOptions = {
  absWorkingDir: repoRoot,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minify: true,
  legalComments: 'none',
  sourcemap: false,
  metafile: true,
  plugins: [slimToolkit],
  // Bundled CommonJS dependencies call require() for Node built-ins.
  banner: { js: "import{createRequire as __meshCreateRequire}from'node:module';const require=__meshCreateRequire(import.meta.url);" },
  logLevel: 'warning',
};

/** The loader's worker entry point: an action that can start loader threads ships it next to its bundle. */
const WORKER_SOURCE = 'src/load/lint-worker.ts';
const THREADS_SOURCE = 'src/load/loader-threads.ts';

/**
 * Builds actions/<name>/dist/index.js and, when the action can load on worker threads, the worker
 * script dist/load/lint-worker.js that src/load/loader-threads.ts looks for next to the bundle
 * (without it the action loads on one thread). Returns every file written, relative to dist/.
 */
export async function buildAction(name, outRoot = actionsDir) {
  const distDir = path.join(outRoot, name, 'dist');
  const outfile = path.join(distDir, 'index.js');
  mkdirSync(distDir, { recursive: true });
  const result = await build({ ...bundleOptions, entryPoints: [path.join('actions', name, 'src', 'index.ts')], outfile });
  const files = ['index.js'];
  const workerFile = path.join(distDir, 'load', 'lint-worker.js');
  if (Object.keys(result.metafile.inputs).includes(THREADS_SOURCE)) {
    await build({ ...bundleOptions, entryPoints: [WORKER_SOURCE], outfile: workerFile });
    files.push('load/lint-worker.js');
  } else {
    rmSync(path.join(distDir, 'load'), { recursive: true, force: true });
  }
  const bytes = files.reduce((sum, file) => sum + statSync(path.join(distDir, file)).size, 0);
  return { name, distDir, outfile, files, bytes, metafile: result.metafile };
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const args = process.argv.slice(2);
  let outRoot = actionsDir;
  const names = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--out') outRoot = path.resolve(args[++i]);
    else names.push(args[i]);
  }
  const wanted = names.length > 0 ? names : actionNames();
  for (const name of wanted) {
    const { distDir, files, bytes } = await buildAction(name, outRoot);
    process.stdout.write(`${path.relative(process.cwd(), distDir)}: ${files.join(', ')}  ${(bytes / 1024).toFixed(1)} KiB\n`);
  }
}
