// `mesh export --format <f> <contract>`: writes a contract in another format (registry: src/export/registry.ts).
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { ExportError } from '../../export/contract-objects.js';
import { EXPORT_FORMATS, exportFormat, SQL_DIALECTS } from '../../export/registry.js';
import type { SqlDialect } from '../../export/sql-types.js';
import type { OdcsContract } from '../../import/odcs-shapes.js';
import { loadFile } from '../../load/load-files.js';
import { findRepoRoot } from '../../load/load-mesh.js';
import { UsageError, type CliContext } from '../context.js';

interface ExportFlags {
  format: string;
  object?: string;
  dialect?: string;
}

export function registerExport(program: Command, ctx: CliContext): void {
  program
    .command('export')
    .description('Export a contract to another format, written to stdout.')
    .argument('<contract>', 'the contract file (*.odcs.yaml); $refs are resolved')
    .requiredOption('-f, --format <format>', `output format: ${EXPORT_FORMATS.map((f) => f.name).join(', ')}`)
    .option('--object <name>', 'export only this schema object (name or physicalName)')
    .option('--dialect <dialect>', `SQL dialect for sql and dbt: ${SQL_DIALECTS.join(', ')}`)
    .addHelpText('after', `\nFormats:\n${EXPORT_FORMATS.map((f) => `  ${f.name.padEnd(11)} ${f.summary}`).join('\n')}\n`)
    .action(async (file: string, flags: ExportFlags) => {
      const format = exportFormat(flags.format);
      if (!format) throw new UsageError(`unknown format "${flags.format}": use one of ${EXPORT_FORMATS.map((f) => f.name).join(', ')}`);
      if (flags.dialect !== undefined && !(SQL_DIALECTS as readonly string[]).includes(flags.dialect)) {
        throw new UsageError(`unknown dialect "${flags.dialect}": use one of ${SQL_DIALECTS.join(', ')}`);
      }
      if (flags.dialect !== undefined && !format.options.includes('dialect')) throw new UsageError(`--dialect does not apply to --format ${format.name}`);
      const abs = path.resolve(ctx.cwd, file);
      if (!existsSync(abs)) throw new UsageError(`no such file: ${file}`);
      const loaded = await loadFile(abs, { root: findRepoRoot(path.dirname(abs)), cwd: ctx.cwd });
      const errors = loaded.findings.filter((f) => f.severity === 'error');
      if (!loaded.document || errors.length > 0) {
        for (const f of errors) ctx.stderr(`${f.file}:${f.line}:${f.column}: ${f.message} (${f.rule})${f.fix ? `\n  fix: ${f.fix}` : ''}\n`);
        ctx.stderr(`mesh export: ${file} does not load\n`);
        ctx.setExitCode(2);
        return;
      }
      try {
        ctx.stdout(format.run(loaded.document.data as OdcsContract, { object: flags.object, dialect: flags.dialect as SqlDialect | undefined, source: loaded.document.file }));
      } catch (error) {
        if (error instanceof ExportError) throw new UsageError(error.message);
        throw error;
      }
    });
}
