// `mesh validate <paths...>`: ODCS schema conformance of contracts (no policy), in four output formats.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { Finding } from '../../finding.js';
import { loadFiles } from '../../load/load-files.js';
import { findRepoRoot } from '../../load/load-mesh.js';
import type { LoadedDocument } from '../../model/document.js';
import { supportedApiVersions, validateContract } from '../../odcs/validate.js';
import { exitCodeFor, FINDINGS_FORMATS, formatFindings, type FindingsFormat } from '../../output/format-findings.js';
import { parseFormat, UsageError, type CliContext } from '../context.js';
import { addLoadLimitOptions, loadLimits, type LoadLimitFlags } from '../load-flags.js';

interface ValidateOptions extends LoadLimitFlags {
  format: string;
  strict?: boolean;
}

export const NOT_A_CONTRACT_RULE = 'odcs/not-a-contract';

export function registerValidate(program: Command, ctx: CliContext): void {
  const command = program.command('validate');
  addLoadLimitOptions(command);
  command
    .description(
      'Check ODCS data contracts against the official ODCS JSON Schema (conformance only, no policy). ' +
        `Accepts apiVersion ${supportedApiVersions().join(', ')}. Directories are searched for contracts ` +
        '(*.odcs.yaml, or YAML declaring kind: DataContract); other YAML files there are skipped.',
    )
    .argument('<paths...>', 'contract files and/or directories to check')
    .option('-f, --format <format>', `output format: ${FINDINGS_FORMATS.join(', ')}`, 'text')
    .option('--strict', 'exit with 1 on warnings too, not only on errors')
    .addHelpText(
      'after',
      '\nExit codes: 0 no errors, 1 errors found (or warnings with --strict), 2 usage or internal error.\n' +
        'Examples:\n  mesh validate contracts/\n  mesh validate contracts/sales/orders.odcs.yaml --format json\n',
    )
    .action(async (paths: string[], options: ValidateOptions, command: Command) => {
      const format = parseFormat<FindingsFormat>(options.format, FINDINGS_FORMATS);
      const limits = loadLimits(options);
      const cwd = ctx.cwd;
      const missing = paths.filter((p) => !existsSync(path.resolve(cwd, p)));
      if (missing.length) throw new UsageError(`no such file or directory: ${missing.join(', ')}`);
      const root = findRepoRoot(cwd);
      const loaded = await loadFiles(paths, { root, cwd, ...limits });

      const explicit = new Set(paths.map((p) => path.resolve(cwd, p)));
      const findings: Finding[] = [...loaded.findings];
      const checkedFiles = new Set(loaded.findings.map((f) => f.file));
      for (const doc of loaded.documents) {
        if (isContract(doc)) {
          checkedFiles.add(doc.file);
          findings.push(...validateContract(doc));
        } else if (explicit.has(doc.absPath)) {
          checkedFiles.add(doc.file);
          findings.push({
            file: doc.file,
            line: 1,
            column: 1,
            rule: NOT_A_CONTRACT_RULE,
            severity: 'warning',
            message: `not an ODCS data contract (no "kind: DataContract"): skipped`,
            fix: 'pass contract files (*.odcs.yaml) or a directory of contracts',
          });
        }
      }

      const version = command.parent?.version() ?? '0.0.0';
      const color = format === 'text' && ctx.isTTY && !ctx.env.NO_COLOR;
      ctx.stdout(formatFindings({ files: checkedFiles.size, findings }, format, { color, toolVersion: version }));
      ctx.setExitCode(exitCodeFor(findings, options.strict === true));
    });
}

/** Contracts by name or content; any YAML declaring `kind: DataContract` counts, whatever its apiVersion. */
function isContract(doc: LoadedDocument): boolean {
  return doc.kind === 'contract' || doc.data.kind === 'DataContract';
}

