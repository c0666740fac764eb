// PLACEHOLDER: replaced by the real `mesh site` command (work in progress in this session).
import type { Command } from 'commander';
import type { CliContext } from '../context.js';

export function registerSite(program: Command, ctx: CliContext): void {
  program
    .command('site')
    .description('(not available yet)')
    .allowUnknownOption()
    .action(() => {
      ctx.stderr('mesh site: not available yet\n');
      ctx.setExitCode(2);
    });
}
