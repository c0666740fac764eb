// PLACEHOLDER: replaced by the real `mesh changelog` command (work in progress in this session).
import type { Command } from 'commander';
import type { CliContext } from '../context.js';

export function registerChangelog(program: Command, ctx: CliContext): void {
  program
    .command('changelog')
    .description('(not available yet)')
    .allowUnknownOption()
    .action(() => {
      ctx.stderr('mesh changelog: not available yet\n');
      ctx.setExitCode(2);
    });
}
