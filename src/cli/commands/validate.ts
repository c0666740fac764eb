// PLACEHOLDER: replaced by the real `mesh validate` command (work in progress in this session).
import type { Command } from 'commander';
import type { CliContext } from '../context.js';

export function registerValidate(program: Command, ctx: CliContext): void {
  program
    .command('validate')
    .description('(not available yet)')
    .allowUnknownOption()
    .action(() => {
      ctx.stderr('mesh validate: not available yet\n');
      ctx.setExitCode(2);
    });
}
