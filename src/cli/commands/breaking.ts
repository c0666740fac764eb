// `mesh breaking`: every contract and ODPS data product changed between two git refs (default: the
// merge-base with origin's default branch, and the working tree), with the version bump each needs
// and the consumers it affects. Exit 1 when an unwaived breaking change lacks the required bump.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { BREAKING_FORMATS, formatBreaking, runFails, type BreakingFormat } from '../../breaking/format-report.js';
import { prWaivers } from '../../breaking/waivers.js';
import { diffRefs } from '../../git/diff-refs.js';
import { GitError, repoTopLevel } from '../../git/git.js';
import { commitOf, resolveBase } from '../../git/refs.js';
import { parseFormat, UsageError, type CliContext } from '../context.js';
import { VERSION } from '../main.js';

interface BreakingFlags {
  base?: string;
  head?: string;
  contracts: string;
  format: string;
  prBody?: string;
  check: boolean;
  full?: boolean;
  stats?: boolean;
}

export function registerBreaking(program: Command, ctx: CliContext): void {
  program
    .command('breaking')
    .description('Breaking changes of every contract and ODPS data product (output ports) changed between two git refs, the semver bump each needs and the consumers (ODPS input ports, CODEOWNERS) it affects.')
    .option('--base <ref>', 'git ref to compare from (default: merge-base with origin\'s default branch, else main/master, else HEAD~1)')
    .option('--head <ref>', 'git ref to compare to (default: the working tree, uncommitted changes included)')
    .option('--contracts <dir>', 'the contracts directory', 'contracts')
    .option('-f, --format <format>', `output format: ${BREAKING_FORMATS.join(', ')}`, 'text')
    .option('--pr-body <file>', 'file holding the pull request body; its `mesh-waive: <rule> <path> — <reason>` lines waive changes')
    .option('--no-check', 'skip the json-schema-diff cross-check of value sets (faster)')
    .option('--full', 'load both trees whole instead of only the changed files and what depends on them (same report, slower; for checking)')
    .option('--stats', 'say on stderr how many files were loaded')
    .addHelpText('after', '\nExit codes: 0 ok, 1 an unwaived breaking change of a contract or data product lacks the required version bump (or a version went down / is not semver), 2 usage error, not a git repository, unknown ref.\nSee docs/breaking.md.')
    .action(async (flags: BreakingFlags) => {
      const format = parseFormat(flags.format, BREAKING_FORMATS) as BreakingFormat;
      let root: string;
      try {
        root = await repoTopLevel(ctx.cwd);
      } catch (error) {
        throw new UsageError(`mesh breaking needs a git repository: ${(error as Error).message}`);
      }
      const contractsAbs = path.resolve(ctx.cwd, flags.contracts);
      const contractsRel = path.relative(root, contractsAbs).split(path.sep).join('/');
      if (contractsRel.startsWith('..')) throw new UsageError(`--contracts ${flags.contracts} is outside the repository ${root}`);

      let waivers: ReturnType<typeof prWaivers> = [];
      if (flags.prBody) {
        const file = path.resolve(ctx.cwd, flags.prBody);
        if (!existsSync(file)) throw new UsageError(`no such file: ${flags.prBody}`);
        waivers = prWaivers(readFileSync(file, 'utf8'));
      }

      let headSha: string | undefined;
      if (flags.head !== undefined) {
        headSha = await commitOf(root, flags.head);
        if (!headSha) throw new UsageError(`--head ${flags.head} is not a commit in this repository`);
      }
      let base;
      try {
        base = await resolveBase(root, flags.base, flags.head ?? 'HEAD');
      } catch (error) {
        throw new UsageError((error as Error).message);
      }

      const refs = await diffRefs(root, {
        contractsRel,
        base,
        ...(headSha ? { headSha } : {}),
        headRef: flags.head ?? 'working tree',
        waivers,
        today: new Date().toISOString().slice(0, 10),
        check: flags.check,
        full: flags.full === true,
      }).catch((error: unknown) => {
        if (error instanceof GitError) throw new UsageError(error.message);
        throw error;
      });
      try {
        const { run, settingsProblems, locate } = refs;
        if (refs.noContracts) {
          throw new UsageError(`no contracts directory ${contractsRel}/ at ${base.ref} nor at ${flags.head ?? 'the working tree'}: pass --contracts`);
        }
        for (const p of settingsProblems) ctx.stderr(`${p.file}: ${p.path}: ${p.message}\n`);
        if (flags.stats) ctx.stderr(`mesh breaking: ${flags.full ? 'full' : 'incremental'}, ${refs.loadedFiles} files loaded (base and head)\n`);
        ctx.stdout(formatBreaking(run, format, { color: ctx.isTTY && !ctx.env.NO_COLOR, locate, toolVersion: VERSION }));
        ctx.setExitCode(runFails(run) ? 1 : 0);
      } catch (error) {
        if (error instanceof GitError) throw new UsageError(error.message);
        throw error;
      } finally {
        await refs.cleanup();
      }
    });
}
