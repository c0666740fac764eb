// PLACEHOLDER: replaced by the real `mesh breaking` command (work in progress in this session).
import type { Command } from 'commander';
import type { CliContext } from '../context.js';

export function registerBreaking(program: Command, ctx: CliContext): void {
  program
    .command('breaking')
    .description('(not available yet)')
    .allowUnknownOption()
    .action(() => {
      ctx.stderr('mesh breaking: not available yet\n');
      ctx.setExitCode(2);
    });
}
