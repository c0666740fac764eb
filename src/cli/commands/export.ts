// PLACEHOLDER: replaced by the real `mesh export` command (work in progress in this session).
import type { Command } from 'commander';
import type { CliContext } from '../context.js';

export function registerExport(program: Command, ctx: CliContext): void {
  program
    .command('export')
    .description('(not available yet)')
    .allowUnknownOption()
    .action(() => {
      ctx.stderr('mesh export: not available yet\n');
      ctx.setExitCode(2);
    });
}
