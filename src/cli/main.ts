// The `mesh` command line: a thin shell that parses flags, calls the engine and prints results.
// Each command lives in its own module under commands/ and registers itself on the program.
import { Command, CommanderError } from 'commander';
import { UsageError, type CliContext } from './context.js';
import { registerValidate } from './commands/validate.js';
import { registerLint } from './commands/lint.js';
import { registerRules } from './commands/rules.js';
import { registerDiff } from './commands/diff.js';
import { registerBreaking } from './commands/breaking.js';
import { registerExport } from './commands/export.js';
import { registerImport } from './commands/import.js';
import { registerSite } from './commands/site.js';
import { registerSlo } from './commands/slo.js';
import { registerNew } from './commands/new.js';
import { registerChangelog } from './commands/changelog.js';

export const VERSION = '0.1.0';

const COMMANDS = [
  registerValidate,
  registerLint,
  registerRules,
  registerDiff,
  registerBreaking,
  registerExport,
  registerImport,
  registerSite,
  registerSlo,
  registerNew,
  registerChangelog,
];

export function buildProgram(ctx: CliContext): Command {
  const program = new Command('mesh')
    .description('Data contracts as code for a data mesh: validate and lint ODCS contracts, detect breaking changes, evaluate SLOs, build the discovery site.')
    .version(VERSION, '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: (s) => ctx.stdout(s), writeErr: (s) => ctx.stderr(s) })
    .exitOverride();
  for (const register of COMMANDS) register(program, ctx);
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
  const program = buildProgram(ctx);
  try {
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
