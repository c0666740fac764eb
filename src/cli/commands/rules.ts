// PLACEHOLDER: replaced by the real `mesh rules` command (work in progress in this session).
import type { Command } from 'commander';
import type { CliContext } from '../context.js';

export function registerRules(program: Command, ctx: CliContext): void {
  program
    .command('rules')
    .description('(not available yet)')
    .allowUnknownOption()
    .action(() => {
      ctx.stderr('mesh rules: not available yet\n');
      ctx.setExitCode(2);
    });
}
