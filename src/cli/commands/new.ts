// PLACEHOLDER: replaced by the real `mesh new` command (work in progress in this session).
import type { Command } from 'commander';
import type { CliContext } from '../context.js';

export function registerNew(program: Command, ctx: CliContext): void {
  program
    .command('new')
    .description('(not available yet)')
    .allowUnknownOption()
    .action(() => {
      ctx.stderr('mesh new: not available yet\n');
      ctx.setExitCode(2);
    });
}
