// PLACEHOLDER: replaced by the real `mesh slo` command (work in progress in this session).
import type { Command } from 'commander';
import type { CliContext } from '../context.js';

export function registerSlo(program: Command, ctx: CliContext): void {
  program
    .command('slo')
    .description('(not available yet)')
    .allowUnknownOption()
    .action(() => {
      ctx.stderr('mesh slo: not available yet\n');
      ctx.setExitCode(2);
    });
}
