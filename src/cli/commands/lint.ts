// PLACEHOLDER: replaced by the real `mesh lint` command (work in progress in this session).
import type { Command } from 'commander';
import type { CliContext } from '../context.js';

export function registerLint(program: Command, ctx: CliContext): void {
  program
    .command('lint')
    .description('(not available yet)')
    .allowUnknownOption()
    .action(() => {
      ctx.stderr('mesh lint: not available yet\n');
      ctx.setExitCode(2);
    });
}
