// `mesh site build` and `mesh site serve`: the static documentation and discovery site of the mesh.
import { spawn } from 'node:child_process';
import path from 'node:path';
import type { Command } from 'commander';
import { breakingCheck } from '../../git/contract-revisions.js';
import { buildSiteToDir, SiteBuildError, type SiteBuildOptions, type SiteBuildResult } from '../../site/build-site.js';
import { serveSite } from '../../site/serve.js';
import { UsageError, type CliContext } from '../context.js';

interface BuildFlags {
  contracts: string;
  out: string;
  baseUrl?: string;
  sloStatus?: string;
  root?: string;
  title?: string;
  git: boolean;
}

interface ServeFlags extends BuildFlags {
  port: string;
  host: string;
  open?: boolean;
}

function buildOptions(flags: BuildFlags, ctx: CliContext): SiteBuildOptions {
  if (flags.baseUrl !== undefined && !/^(https?:\/\/[^\s]+|\/[^\s]*)$/.test(flags.baseUrl)) {
    throw new UsageError(`--base-url ${JSON.stringify(flags.baseUrl)} must be an absolute URL or a path starting with / (e.g. /my-repo/)`);
  }
  return {
    contractsDir: flags.contracts,
    outDir: flags.out,
    cwd: ctx.cwd,
    root: flags.root,
    baseUrl: flags.baseUrl,
    sloStatusFile: flags.sloStatus,
    title: flags.title,
    git: flags.git,
    lint: true,
    isBreaking: breakingCheck(ctx.cwd),
  };
}

function withCommonOptions(command: Command): Command {
  return command
    .option('-c, --contracts <dir>', 'the contracts directory', 'contracts')
    .option('-o, --out <dir>', 'output folder (replaced as a whole on every build)', '_site')
    .option('--base-url <url>', 'public URL of the site (e.g. https://acme.github.io/contracts/ or /contracts/), used for canonical links only; links stay relative')
    .option('--slo-status <file>', 'SLO evaluation (from `mesh slo evaluate`) to show current SLO status from (default: ./slo-status.json when present)')
    .option('--root <dir>', 'repository root, where CODEOWNERS is looked up (default: the nearest directory with .git above the contracts)')
    .option('--title <text>', 'site title (default: `title` of mesh.yaml, else "Data mesh catalog")')
    .option('--no-git', 'do not read versions from git history (list the current version only)');
}

function report(ctx: CliContext, result: SiteBuildResult): void {
  const rel = path.relative(ctx.cwd, result.outDir) || '.';
  const kb = (n: number) => `${(n / 1024).toFixed(n < 10240 ? 1 : 0)} KiB`;
  ctx.stdout(`built ${result.pages} pages for ${result.contracts} contracts into ${rel} (${result.files} files, ${kb(result.bytes)}; search index ${kb(result.searchIndexGzipBytes)} gzipped)\n`);
  if (result.sloStatusFile) ctx.stdout(`SLO status from ${path.relative(ctx.cwd, result.sloStatusFile)}\n`);
  for (const f of result.loadFindings) ctx.stderr(`${f.file}:${f.line}:${f.column}: ${f.severity}: ${f.message} [${f.rule}]\n`);
}

async function guarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof SiteBuildError) throw new UsageError(error.message);
    throw error;
  }
}

function openBrowser(url: string): void {
  const command = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'cmd' : 'xdg-open';
  const args = process.platform === 'win32' ? ['/c', 'start', '', url] : [url];
  try {
    const child = spawn(command, args, { detached: true, stdio: 'ignore' });
    child.on('error', () => {});
    child.unref();
  } catch {
    // No browser to open: the URL is printed anyway.
  }
}

export function registerSite(program: Command, ctx: CliContext): void {
  const site = program
    .command('site')
    .description('Build or serve the static documentation and discovery site of the mesh (search, schemas, SLOs, lineage, governance).');

  withCommonOptions(
    site
      .command('build')
      .description('Render the site into a static folder that works from the file system and under any sub-path (GitHub Pages).'),
  )
    .addHelpText('after', '\nExamples:\n  mesh site build\n  mesh site build --out public --base-url /contracts/ --slo-status slo-status.json\n')
    .action(async (flags: BuildFlags) => {
      const result = await guarded(() => buildSiteToDir(buildOptions(flags, ctx)));
      report(ctx, result);
    });

  withCommonOptions(
    site
      .command('serve')
      .description('Build the site, serve it on localhost and rebuild it when a contract changes (open pages reload).'),
  )
    .option('-p, --port <port>', 'port to listen on (0 picks a free one)', '4321')
    .option('--host <host>', 'interface to listen on', '127.0.0.1')
    .option('--open', 'open the site in the default browser')
    .addHelpText('after', '\nExamples:\n  mesh site serve --open\n  mesh site serve --port 8080 --contracts path/to/contracts\n')
    .action(async (flags: ServeFlags) => {
      const port = Number(flags.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port ${flags.port} is not a port number (0-65535)`);
      const { server, build } = await guarded(() =>
        serveSite({ ...buildOptions(flags, ctx), port, host: flags.host, log: (line) => ctx.stdout(`${line}\n`) }).catch((error: NodeJS.ErrnoException) => {
          if (error.code === 'EADDRINUSE') throw new UsageError(`port ${port} is in use: pass --port <another> (or 0 for any free port)`);
          throw error;
        }),
      );
      report(ctx, build);
      ctx.stdout(`serving ${server.url} (Ctrl+C to stop); watching ${flags.contracts} for changes\n`);
      if (flags.open) openBrowser(server.url);
      await new Promise<void>((resolve) => {
        const stop = () => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          void server.close().then(resolve);
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });
    });
}
