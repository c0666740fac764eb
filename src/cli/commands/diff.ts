// PLACEHOLDER: replaced by the real `mesh diff` command (work in progress in this session).
import type { Command } from 'commander';
import type { CliContext } from '../context.js';

export function registerDiff(program: Command, ctx: CliContext): void {
  program
    .command('diff')
    .description('(not available yet)')
    .allowUnknownOption()
    .action(() => {
      ctx.stderr('mesh diff: not available yet\n');
      ctx.setExitCode(2);
    });
}
