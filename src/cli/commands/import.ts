// PLACEHOLDER: replaced by the real `mesh import` command (work in progress in this session).
import type { Command } from 'commander';
import type { CliContext } from '../context.js';

export function registerImport(program: Command, ctx: CliContext): void {
  program
    .command('import')
    .description('(not available yet)')
    .allowUnknownOption()
    .action(() => {
      ctx.stderr('mesh import: not available yet\n');
      ctx.setExitCode(2);
    });
}
