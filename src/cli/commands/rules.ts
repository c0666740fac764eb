// `mesh rules`: the lint rule registry (id, default severity, scope, summary, fix) as text, JSON or
// the Markdown of docs/rules.md.
import type { Command } from 'commander';
import { RULES } from '../../rules/registry.js';
import { renderRulesMarkdown, rulesAsJson } from '../../rules/rules-doc.js';
import { parseFormat, type CliContext } from '../context.js';

const FORMATS = ['text', 'json', 'markdown'] as const;
type RulesFormat = (typeof FORMATS)[number];

export function registerRules(program: Command, ctx: CliContext): void {
  program
    .command('rules')
    .description('List the lint rules: id, default severity, what each demands and how to fix a violation. Levels can be changed in contracts/mesh.yaml `rules:` (and only raised in domain.yaml).')
    .option('-f, --format <format>', `output format: ${FORMATS.join(', ')} (markdown is docs/rules.md)`, 'text')
    .addHelpText('after', '\nExamples:\n  mesh rules\n  mesh rules --format json\n  mesh rules --format markdown > docs/rules.md\n')
    .action((options: { format: string }) => {
      const format = parseFormat<RulesFormat>(options.format, FORMATS);
      if (format === 'json') ctx.stdout(JSON.stringify(rulesAsJson(), null, 2) + '\n');
      else if (format === 'markdown') ctx.stdout(renderRulesMarkdown());
      else {
        const width = Math.max(...RULES.map((r) => r.id.length));
        const lines = RULES.map((r) => `${r.id.padEnd(width)}  ${r.severity.padEnd(7)}  ${r.summary}\n${' '.repeat(width + 11)}fix: ${r.fix}`);
        ctx.stdout(lines.join('\n') + `\n\n${RULES.length} rules. Change a level in contracts/mesh.yaml: rules: { <id>: off | info | warning | error }\n`);
      }
      ctx.setExitCode(0);
    });
}
