// `mesh diff <old> <new>`: the breaking-change report between two contract files, or between two
// ODPS data product files (their output ports and the product version).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { diffContractsChecked } from '../../breaking/confirm.js';
import { diffContracts } from '../../breaking/diff-contracts.js';
import { BREAKING_FORMATS, formatBreaking, type AnyDiff, type BreakingFormat, type BreakingRun, type ContractDiff, type Locator, type ProductDiff } from '../../breaking/format-report.js';
import { diffProducts } from '../../breaking/products.js';
import { failsCheck, publicReport } from '../../breaking/report.js';
import { breakingConfig } from '../../breaking/settings.js';
import { prWaivers } from '../../breaking/waivers.js';
import { loadFile } from '../../load/load-files.js';
import { findRepoRoot } from '../../load/load-mesh.js';
import type { LoadedDocument } from '../../model/document.js';
import { parseFormat, UsageError, type CliContext } from '../context.js';
import { VERSION } from '../main.js';

interface DiffFlags {
  format: string;
  policy?: string;
  prBody?: string;
  check: boolean;
}

export function registerDiff(program: Command, ctx: CliContext): void {
  program
    .command('diff')
    .description('Report the changes between two versions of a contract (or of an ODPS data product): breaking / dangerous / info, the semver bump they need and a suggested version.')
    .argument('<old>', 'the old contract file (*.odcs.yaml), or the old data product file (*.odps.yaml)')
    .argument('<new>', 'the new contract file (or data product file)')
    .option('-f, --format <format>', `output format: ${BREAKING_FORMATS.join(', ')}`, 'text')
    .option('--policy <mesh.yaml>', 'mesh.yaml with severity overrides and classification levels (default: the nearest contracts/mesh.yaml above the new file)')
    .option('--pr-body <file>', 'file holding a pull request body whose `mesh-waive: <rule> <path> — <reason>` lines waive changes')
    .option('--no-check', 'skip the json-schema-diff cross-check of value sets (faster)')
    .addHelpText('after', '\nExit codes: 0 no unwaived breaking change lacks its bump, 1 a breaking change lacks the required version bump (or the version went down / is not semver), 2 usage or unreadable input.\nRules: docs/breaking-rules.md')
    .action(async (oldArg: string, newArg: string, flags: DiffFlags) => {
      const format = parseFormat(flags.format, BREAKING_FORMATS) as BreakingFormat;
      const oldAbs = path.resolve(ctx.cwd, oldArg);
      const newAbs = path.resolve(ctx.cwd, newArg);
      for (const [arg, abs] of [[oldArg, oldAbs], [newArg, newAbs]] as const) if (!existsSync(abs)) throw new UsageError(`no such file: ${arg}`);
      const root = findRepoRoot(path.dirname(newAbs));
      const loadOptions = { root, cwd: ctx.cwd };
      const [oldLoaded, newLoaded] = await Promise.all([loadFile(oldAbs, { ...loadOptions, root: findRepoRoot(path.dirname(oldAbs)) }), loadFile(newAbs, loadOptions)]);
      const findings = [...oldLoaded.findings, ...newLoaded.findings].filter((f) => f.severity === 'error');
      if (!oldLoaded.document || !newLoaded.document || findings.length > 0) {
        for (const f of findings) ctx.stderr(`${f.file}:${f.line}:${f.column}: ${f.message} (${f.rule})${f.fix ? `\n  fix: ${f.fix}` : ''}\n`);
        ctx.stderr('mesh diff: cannot compare contracts that do not load\n');
        ctx.setExitCode(2);
        return;
      }
      const oldDoc = oldLoaded.document;
      const newDoc = newLoaded.document;
      const isProduct = (d: LoadedDocument) => d.kind === 'product';
      if (isProduct(oldDoc) !== isProduct(newDoc)) throw new UsageError(`mesh diff compares two contracts or two data products: ${oldArg} is a ${oldDoc.kind}, ${newArg} is a ${newDoc.kind}`);
      if (!isProduct(oldDoc) && oldDoc.kind !== 'contract') throw new UsageError(`mesh diff compares contracts (*.odcs.yaml) or data products (*.odps.yaml): ${oldArg} is a ${oldDoc.kind}`);

      const policy = await loadPolicy(flags.policy ? path.resolve(ctx.cwd, flags.policy) : findPolicy(newAbs, root), loadOptions);
      const domain = policy ? domainOf(policy.absPath, newAbs) : undefined;
      const domainDoc = policy && domain ? await loadPolicy(path.join(path.dirname(policy.absPath), domain, 'domain.yaml'), loadOptions) : undefined;
      const config = breakingConfig(policy ? { file: policy.file, data: policy.data } : undefined, domainDoc ? { file: domainDoc.file, data: domainDoc.data } : undefined);
      for (const p of config.problems) ctx.stderr(`${p.file}: ${p.path}: ${p.message}\n`);

      let waivers: ReturnType<typeof prWaivers> = [];
      if (flags.prBody) {
        const file = path.resolve(ctx.cwd, flags.prBody);
        if (!existsSync(file)) throw new UsageError(`no such file: ${flags.prBody}`);
        waivers = prWaivers(readFileSync(file, 'utf8'));
      }
      const options = { overrides: config.overrides, settings: config.settings, waivers, domain, today: new Date().toISOString().slice(0, 10) };
      // Two data products: no mesh here, so consumers are not named (`mesh breaking` names them).
      const report = isProduct(newDoc)
        ? diffProducts(oldDoc.data, newDoc.data, options)
        : flags.check
          ? await diffContractsChecked(oldDoc.data, newDoc.data, options)
          : diffContracts(oldDoc.data, newDoc.data, options);

      const files = { oldFile: oldDoc.file, newFile: newDoc.file, report, ...(domain ? { domain } : {}) };
      const diff: AnyDiff = isProduct(newDoc) ? ({ productId: report.productId ?? '', ...files } satisfies ProductDiff) : ({ contractId: report.contractId ?? '', ...files } satisfies ContractDiff);
      const locate = locator(oldDoc, newDoc);
      if (format === 'json') {
        ctx.stdout(JSON.stringify(publicReport(report, (change) => locate(diff, change)), null, 2) + '\n');
      } else {
        const run: BreakingRun = 'productId' in diff ? { contracts: [], products: [diff], unchanged: 0, problems: [] } : { contracts: [diff], unchanged: 0, problems: [] };
        ctx.stdout(formatBreaking(run, format, { color: ctx.isTTY && !ctx.env.NO_COLOR, locate, toolVersion: VERSION }));
      }
      ctx.setExitCode(failsCheck(report) ? 1 : 0);
    });
}

/** Where a change is: the new document when the node exists there, else the old one. */
export function locator(oldDoc: Pick<LoadedDocument, 'file' | 'locate'> | undefined, newDoc: Pick<LoadedDocument, 'file' | 'locate'> | undefined): Locator {
  return (_contract, change) => {
    if (change.newPointer && newDoc) return { file: newDoc.file, ...newDoc.locate(change.newPointer) };
    if (change.oldPointer && oldDoc) return { file: oldDoc.file, ...oldDoc.locate(change.oldPointer) };
    return undefined;
  };
}

/** The nearest mesh.yaml in a `contracts`-like ancestor of the file, up to the repository root. */
function findPolicy(fileAbs: string, root: string): string | undefined {
  for (let dir = path.dirname(fileAbs); ; dir = path.dirname(dir)) {
    for (const name of ['mesh.yaml', 'mesh.yml']) if (existsSync(path.join(dir, name))) return path.join(dir, name);
    if (dir === root || path.dirname(dir) === dir) return undefined;
  }
}

function domainOf(policyAbs: string, fileAbs: string): string | undefined {
  const rel = path.relative(path.dirname(policyAbs), fileAbs).split(path.sep);
  return rel.length >= 2 && !rel[0].startsWith('_') && rel[0] !== '..' ? rel[0] : undefined;
}

async function loadPolicy(absPath: string | undefined, options: { root: string; cwd: string }): Promise<LoadedDocument | undefined> {
  if (!absPath || !existsSync(absPath)) return undefined;
  const loaded = await loadFile(absPath, options);
  return loaded.document;
}
