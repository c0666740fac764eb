// `mesh lint [paths...]`: loads the whole mesh (contracts dir), runs ODCS conformance and every
// governance rule, and reports the findings of the given paths (default: all) in four formats.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { lintCacheFile, toolFingerprint } from '../../cache/lint-cache.js';
import { startLoaderThreads, workerCount } from '../../load/loader-threads.js';
import { findRepoRoot, listMeshFiles } from '../../load/mesh-files.js';
import { exitCodeFor, FINDINGS_FORMATS, formatFindings, type FindingsFormat } from '../../output/format-findings.js';
import { parseFormat, UsageError, type CliContext } from '../context.js';
import { addLoadLimitOptions, loadLimits, type LoadLimitFlags } from '../load-flags.js';

interface LintOptions extends LoadLimitFlags {
  contracts?: string;
  root?: string;
  format: string;
  strict?: boolean;
  rule?: string[];
  workers?: string;
  cache?: boolean;
  cacheLocation?: string;
  stats?: boolean;
}

export function registerLint(program: Command, ctx: CliContext): void {
  const lint = program.command('lint');
  lint
    .description(
      'Check a data mesh: ODCS conformance of every contract plus the semantic and governance rules ' +
        '(unique ids, SLAs, personal data, tiers, naming, CODEOWNERS ownership, lineage), with the ' +
        'policy of contracts/mesh.yaml tightened per domain by domain.yaml. Rules that compare contracts ' +
        'always see the whole mesh; paths only select which files\' findings are reported. `mesh rules` lists the rules.',
    )
    .argument('[paths...]', 'files or directories whose findings to report (default: the whole contracts directory)')
    .option('-c, --contracts <dir>', 'the contracts directory (default: the nearest directory holding mesh.yaml at or above the first path or the current directory, else ./contracts)')
    .option('--root <dir>', 'repository root, where CODEOWNERS is looked up and $ref may not leave (default: the nearest directory with .git above the contracts directory)')
    .option('-f, --format <format>', `output format: ${FINDINGS_FORMATS.join(', ')}`, 'text')
    .option('--strict', 'exit with 1 on warnings too, not only on errors')
    .option('-r, --rule <id...>', 'run only these rules (repeatable; ids as printed by `mesh rules`, or odcs/schema)')
    .option('--workers <n>', 'threads that load and check the files, the main one included (default: one per core, at most 4, from 2,000 files on; 1 = no worker threads)')
    .option('--cache', 'reuse the results of unchanged files from the lint cache and update it (see docs/performance.md)')
    .option('--no-cache', 'do not read or write the lint cache (the default)')
    .option('--cache-location <dir>', 'directory of the lint cache (default: .mesh-cache in the repository root)')
    .option('--stats', 'print how many files were checked, reused from the cache, and on how many threads, to stderr');
  addLoadLimitOptions(lint)
    .addHelpText(
      'after',
      '\nExit codes: 0 no errors, 1 errors found (or warnings with --strict), 2 usage or internal error.\n' +
        'Examples:\n  mesh lint\n  mesh lint contracts/sales --format github\n  mesh lint --contracts path/to/contracts --format json\n  mesh lint --rule sla/tier-floor --rule sla/tier-required\n',
    )
    .action(async (paths: string[], options: LintOptions, command: Command) => {
      const format = parseFormat<FindingsFormat>(options.format, FINDINGS_FORMATS);
      const cwd = ctx.cwd;
      const missing = paths.filter((p) => !existsSync(path.resolve(cwd, p)));
      if (missing.length) throw new UsageError(`no such file or directory: ${missing.join(', ')}`);
      const limits = loadLimits(options);

      const contractsDir = options.contracts !== undefined ? path.resolve(cwd, options.contracts) : findContractsDir(paths, cwd);
      if (!isDirectory(contractsDir)) {
        throw new UsageError(`no contracts directory at ${path.relative(cwd, contractsDir) || '.'}: pass --contracts <dir>`);
      }
      const root = options.root !== undefined ? path.resolve(cwd, options.root) : findRepoRoot(contractsDir);
      if (!isDirectory(root)) throw new UsageError(`--root ${options.root} is not a directory`);

      const workers = options.workers === undefined ? undefined : Number(options.workers);
      if (workers !== undefined && !(Number.isInteger(workers) && workers >= 1 && workers <= 64)) throw new UsageError(`--workers must be a whole number from 1 to 64, got "${options.workers}"`);
      const cache = options.cache === true
        ? { file: lintCacheFile(options.cacheLocation !== undefined ? path.resolve(cwd, options.cacheLocation) : path.join(root, '.mesh-cache'), root, contractsDir), tool: toolFingerprint(command.parent?.version() ?? '0.0.0') }
        : undefined;
      // List the files and start the worker threads before importing the engine: a worker loads its
      // bundle (~0.14 s) while this thread imports its own, instead of after it. With --cache the
      // threads wait until the cache says how many files need loading.
      const listed = await listMeshFiles(contractsDir, { root, cwd });
      const threads = cache ? [] : startLoaderThreads(workerCount(workers, listed.files.length) - 1);
      const [{ lintContractsDir }, { ruleById }] = await Promise.all([import('../../lint-run.js'), import('../../rules/registry.js')]);
      const unknownRules = (options.rule ?? []).filter((id) => !ruleById(id) && !id.startsWith('odcs/'));
      if (unknownRules.length) {
        for (const thread of threads) void thread.worker.terminate();
        throw new UsageError(`unknown rule ${unknownRules.join(', ')}: run \`mesh rules\` for the list`);
      }
      const selected = paths.map((p) => path.resolve(cwd, p));
      const inSelection = selected.length === 0 ? () => true : (absPath: string) => selected.some((s) => absPath === s || absPath.startsWith(s + path.sep));
      const only = (file: { absPath: string }) => inSelection(file.absPath);
      const { result, findings, loadFindings, stats } = await lintContractsDir(contractsDir, {
        root,
        cwd,
        ...limits,
        ...(workers === undefined ? {} : { workers }),
        ...(cache ? { cache } : {}),
        listed,
        threads,
        only,
        ...(options.rule ? { rules: options.rule } : {}),
      });
      if (options.stats) {
        ctx.stderr(`mesh lint: ${stats.files} files, ${stats.reused} reused from the cache, ${stats.loaded} loaded and checked${stats.workers > 1 ? ` on ${stats.workers} worker threads` : ''}${stats.cacheWritten ? ', cache updated' : ''}\n`);
      }

      const files = new Set<string>();
      for (const doc of result.documents) if (only(doc)) files.add(doc.file);
      for (const f of loadFindings) files.add(f.file);

      const version = command.parent?.version() ?? '0.0.0';
      const color = format === 'text' && ctx.isTTY && !ctx.env.NO_COLOR;
      ctx.stdout(formatFindings({ files: files.size, findings }, format, { color, toolVersion: version }));
      ctx.setExitCode(exitCodeFor(findings, options.strict === true));
    });
}

/** The nearest directory holding mesh.yaml at or above the first path (or the cwd); else ./contracts. */
export function findContractsDir(paths: string[], cwd: string): string {
  const first = path.resolve(cwd, paths[0] ?? '.');
  let dir = isDirectory(first) ? first : path.dirname(first);
  for (;;) {
    if (existsSync(path.join(dir, 'mesh.yaml')) || existsSync(path.join(dir, 'mesh.yml'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return path.resolve(cwd, 'contracts');
}

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}
