// The `mesh` command line: a thin shell that parses flags, calls the engine and prints results.
// Each command lives in its own module under commands/ and registers itself on the program.
import { Command, CommanderError } from 'commander';
import { UsageError, type CliContext } from './context.js';

export const VERSION = '0.1.0';

type Register = (program: Command, ctx: CliContext) => void;

/**
 * Every command, in `mesh --help` order, with a loader for its module. Modules load only when needed:
 * `mesh lint …` imports lint and what it uses, not octokit, marked, handlebars, avsc… (profiled:
 * importing every command cost about 0.5 s of every run). Help and unknown commands load them all.
 */
const COMMANDS: { name: string; load: () => Promise<Register> }[] = [
  { name: 'validate', load: async () => (await import('./commands/validate.js')).registerValidate },
  { name: 'lint', load: async () => (await import('./commands/lint.js')).registerLint },
  { name: 'rules', load: async () => (await import('./commands/rules.js')).registerRules },
  { name: 'diff', load: async () => (await import('./commands/diff.js')).registerDiff },
  { name: 'breaking', load: async () => (await import('./commands/breaking.js')).registerBreaking },
  { name: 'export', load: async () => (await import('./commands/export.js')).registerExport },
  { name: 'import', load: async () => (await import('./commands/import.js')).registerImport },
  { name: 'site', load: async () => (await import('./commands/site.js')).registerSite },
  { name: 'slo', load: async () => (await import('./commands/slo.js')).registerSlo },
  { name: 'new', load: async () => (await import('./commands/new.js')).registerNew },
  { name: 'changelog', load: async () => (await import('./commands/changelog.js')).registerChangelog },
];

/** The command `argv` runs (its first argument that is not a flag: `mesh` has no flag taking a value), if it is one of ours. */
export function commandNameOf(argv: string[]): string | undefined {
  const first = argv.slice(2).find((arg) => !arg.startsWith('-'));
  return COMMANDS.some((c) => c.name === first) ? first : undefined;
}

/**
 * The program with the command `argv` names registered, or with every command when it names none of
 * them (`mesh --help`, `mesh help lint`, a typo that deserves a suggestion).
 */
export async function buildProgram(ctx: CliContext, argv: string[] = []): Promise<Command> {
  const program = new Command('mesh')
    .description('Data contracts as code for a data mesh: validate and lint ODCS contracts, detect breaking changes, evaluate SLOs, build the discovery site.')
    .version(VERSION, '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: (s) => ctx.stdout(s), writeErr: (s) => ctx.stderr(s) })
    .exitOverride();
  const name = commandNameOf(argv);
  const registers = await Promise.all(COMMANDS.filter((c) => name === undefined || c.name === name).map((c) => c.load()));
  for (const register of registers) register(program, ctx);
  for (const cmd of program.commands) cmd.exitOverride();
  return program;
}

export async function main(argv: string[], overrides: Partial<CliContext> = {}): Promise<number> {
  let exitCode: 0 | 1 | 2 = 0;
  const ctx: CliContext = {
    cwd: process.cwd(),
    stdout: (s) => void process.stdout.write(s),
    stderr: (s) => void process.stderr.write(s),
    isTTY: Boolean(process.stdout.isTTY),
    env: process.env,
    setExitCode: (code) => {
      exitCode = Math.max(exitCode, code) as 0 | 1 | 2;
    },
    ...overrides,
  };
  try {
    const program = await buildProgram(ctx, argv);
    await program.parseAsync(argv);
    return exitCode;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2;
    if (err instanceof UsageError) {
      ctx.stderr(`mesh: ${err.message}\n`);
      return 2;
    }
    const message = err instanceof Error ? err.message : String(err);
    ctx.stderr(`mesh: internal error: ${message}\n`);
    if (ctx.env.MESH_DEBUG) ctx.stderr(`${(err as Error)?.stack ?? ''}\n`);
    return 2;
  }
}
